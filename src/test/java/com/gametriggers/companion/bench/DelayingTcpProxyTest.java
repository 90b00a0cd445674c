package com.gametriggers.companion.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The proxy the tracking benchmark puts in front of MongoDB: bytes intact and in order, and every hop delayed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DelayingTcpProxyTest {

    private EchoServer echo;

    @BeforeEach
    void startEchoServer() throws IOException {
        echo = new EchoServer();
    }

    @AfterEach
    void stopEchoServer() {
        echo.close();
    }

    @Test
    void bytesArriveIntactAndInOrderInBothDirections() throws Exception {
        byte[] sent = new byte[2 * 1024 * 1024];
        new Random(7).nextBytes(sent);
        try (DelayingTcpProxy proxy = new DelayingTcpProxy(echo.address(), Duration.ofMillis(20));
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            ExecutorService writer = Executors.newSingleThreadExecutor();
            try {
                // Many writes of odd sizes, read back concurrently, so chunks of both directions are queued at once.
                Future<?> writing = writer.submit(() -> {
                    OutputStream out = socket.getOutputStream();
                    Random sizes = new Random(11);
                    for (int offset = 0; offset < sent.length; ) {
                        int length = Math.min(1 + sizes.nextInt(9_000), sent.length - offset);
                        out.write(sent, offset, length);
                        offset += length;
                    }
                    out.flush();
                    socket.shutdownOutput();
                    return null;
                });
                byte[] received = socket.getInputStream().readAllBytes(); // until the echo's end of stream
                writing.get();

                assertThat(received).hasSameSizeAs(sent);
                assertThat(received).as("every byte, in the order sent, client to server and back").isEqualTo(sent);
                assertThat(proxy.bytesToTarget()).isEqualTo(sent.length);
                assertThat(proxy.bytesFromTarget()).isEqualTo(sent.length);
            } finally {
                writer.shutdownNow();
            }
        }
    }

    @Test
    void aRoundTripWaitsTheDelayOnceInEachDirection() throws Exception {
        Duration delay = Duration.ofMillis(100);
        try (DelayingTcpProxy proxy = new DelayingTcpProxy(echo.address(), delay);
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 3; i++) { // not just the first message of a connection
                long start = System.nanoTime();
                out.write(i);
                out.flush();
                int answer = in.read();
                Duration roundTrip = Duration.ofNanos(System.nanoTime() - start);

                assertThat(answer).isEqualTo(i);
                assertThat(roundTrip).as("round trip %d through the proxy", i).isGreaterThanOrEqualTo(delay.multipliedBy(2));
            }
        }
    }

    @Test
    void closingStopsForwardingAndAccepting() throws Exception {
        DelayingTcpProxy proxy = new DelayingTcpProxy(echo.address(), Duration.ofMillis(10));
        int port = proxy.port();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write(42);
            assertThat(socket.getInputStream().read()).isEqualTo(42);

            proxy.close();

            socket.setSoTimeout(5_000);
            int afterClose;
            try {
                afterClose = socket.getInputStream().read();
            } catch (IOException reset) {
                afterClose = -1;
            }
            assertThat(afterClose).as("the open connection ends").isEqualTo(-1);
        }
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .as("no longer accepting").isInstanceOf(IOException.class);
    }

    /** Echoes every byte of every connection back, then closes its side when the client closes its own. */
    private static final class EchoServer implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "echo");
            thread.setDaemon(true);
            return thread;
        });

        EchoServer() throws IOException {
            CompletableFuture.runAsync(this::acceptLoop, connections);
        }

        InetSocketAddress address() {
            return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
        }

        private void acceptLoop() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.execute(() -> echo(socket));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void echo(Socket socket) {
            try (socket) {
                socket.setTcpNoDelay(true);
                socket.getInputStream().transferTo(socket.getOutputStream());
                socket.shutdownOutput();
            } catch (IOException ignored) {
                // the test closed it
            }
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            connections.shutdownNow();
        }
    }
}
