package com.gametriggers.companion.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A TCP proxy on {@code 127.0.0.1} that holds back every chunk it reads, in each direction, for a fixed delay before
 * forwarding it: a home connection to a cloud MongoDB, imitated on loopback. A request and its reply each wait the
 * delay once, so a round trip through the proxy takes at least twice the delay.
 *
 * <p>Each direction of each connection has its own reader thread and its own single-threaded scheduled queue. The
 * reader never waits for the delay: it stamps a chunk with "due at read time + delay" and goes on reading, so the
 * delay adds latency without limiting throughput, and the two directions never wait for each other. Chunks of one
 * direction are written in the order they were read (due times never decrease and the queue breaks ties first in,
 * first out). At most {@link #MAX_PENDING_BYTES} per direction wait in the queue; beyond that the reader stops reading,
 * which pushes back on the sender through TCP as a slow link would.
 *
 * <p>Only for tests and benchmarks. {@link #close()} stops accepting, closes every connection and ends every thread
 * the proxy started; nothing keeps running after it.
 */
public final class DelayingTcpProxy implements AutoCloseable {

    public static final Duration DEFAULT_DELAY = Duration.ofMillis(50);

    /** The largest chunk read at once; a chunk is whatever one {@code read} returned, up to this. */
    static final int CHUNK_BYTES = 64 * 1024;
    /** Bytes read but not yet written, per direction of one connection, before the reader stops reading. */
    static final int MAX_PENDING_BYTES = 8 * 1024 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final InetSocketAddress target;
    private final long delayNanos;
    private final Duration delay;
    private final ServerSocket server;
    private final Thread acceptor;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger accepted = new AtomicInteger();
    private final LongAdder chunksToTarget = new LongAdder();
    private final LongAdder chunksFromTarget = new LongAdder();
    private final LongAdder bytesToTarget = new LongAdder();
    private final LongAdder bytesFromTarget = new LongAdder();

    /** Listens on {@code 127.0.0.1} and a free port, forwarding to {@code target} with {@link #DEFAULT_DELAY}. */
    public DelayingTcpProxy(InetSocketAddress target) throws IOException {
        this(target, DEFAULT_DELAY);
    }

    /** Listens on {@code 127.0.0.1} and a free port, forwarding to {@code target}; {@code delay} may be zero. */
    public DelayingTcpProxy(InetSocketAddress target, Duration delay) throws IOException {
        this(target, delay, 0);
    }

    /**
     * Listens on {@code 127.0.0.1:port} (0: a free one). A proxy closed and made again on the same port is a server
     * that went away and came back at the same address, as a restarted MongoDB does.
     */
    public DelayingTcpProxy(InetSocketAddress target, Duration delay, int port) throws IOException {
        this.target = Objects.requireNonNull(target, "target");
        this.delay = Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        this.delayNanos = delay.toNanos();
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "delaying-proxy-accept-" + server.getLocalPort());
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    public static DelayingTcpProxy to(String host, int port, Duration delay) throws IOException {
        return new DelayingTcpProxy(new InetSocketAddress(host, port), delay);
    }

    public int port() {
        return server.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    public Duration delay() {
        return delay;
    }

    /** Connections accepted so far. */
    public int acceptedConnections() {
        return accepted.get();
    }

    /** Chunks read from clients and queued for the target; one request is often, not always, one chunk. */
    public long chunksToTarget() {
        return chunksToTarget.sum();
    }

    public long chunksFromTarget() {
        return chunksFromTarget.sum();
    }

    public long bytesToTarget() {
        return bytesToTarget.sum();
    }

    public long bytesFromTarget() {
        return bytesFromTarget.sum();
    }

    private void acceptLoop() {
        while (!closed.get()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (closed.get()) {
                    return;
                }
                continue; // a failed accept on a still-open server: try the next one
            }
            accepted.incrementAndGet();
            Connection connection = new Connection(client, accepted.get());
            connections.add(connection);
            if (closed.get()) { // close() ran between accept and add: do not leave this one behind
                connection.close();
            } else {
                connection.start();
            }
        }
    }

    /** Stops accepting, closes every connection and drops whatever was still waiting to be forwarded. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Connection connection : connections) {
            connection.close();
        }
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "DelayingTcpProxy[127.0.0.1:" + port() + " -> " + target + ", delay " + delay.toMillis() + " ms]";
    }

    /** One client connection and its connection to the target: two directions, each with its own queue. */
    private final class Connection {

        private final Socket client;
        private final Socket upstream = new Socket();
        private final int number;
        private final AtomicBoolean connectionClosed = new AtomicBoolean();
        private final AtomicInteger directionsFinished = new AtomicInteger();
        private volatile Direction toTarget;
        private volatile Direction fromTarget;
        private volatile Thread starter;

        Connection(Socket client, int number) {
            this.client = client;
            this.number = number;
        }

        void start() {
            Thread thread = new Thread(this::connectAndPump, "delaying-proxy-" + port() + "-c" + number + "-up");
            thread.setDaemon(true);
            starter = thread;
            thread.start();
        }

        /** Runs on the client-to-target reader thread: connect, start the other direction, then pump this one. */
        private void connectAndPump() {
            try {
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                upstream.connect(target, CONNECT_TIMEOUT_MILLIS);
                toTarget = new Direction(this, client.getInputStream(), upstream, chunksToTarget, bytesToTarget,
                        "c" + number + "-to-target");
                fromTarget = new Direction(this, upstream.getInputStream(), client, chunksFromTarget, bytesFromTarget,
                        "c" + number + "-from-target");
            } catch (IOException e) {
                close();
                return;
            }
            if (connectionClosed.get()) {
                close(); // close() ran before the directions existed; end their queues too
                return;
            }
            Thread down = new Thread(fromTarget::pump, "delaying-proxy-" + port() + "-c" + number + "-down");
            down.setDaemon(true);
            fromTarget.reader = down;
            toTarget.reader = Thread.currentThread();
            down.start();
            toTarget.pump();
        }

        /** One direction has forwarded its end of stream; when both have, the connection is done. */
        void directionFinished() {
            if (directionsFinished.incrementAndGet() == 2) {
                close();
            }
        }

        void close() {
            boolean first = connectionClosed.compareAndSet(false, true);
            closeQuietly(client);
            closeQuietly(upstream);
            for (Direction direction : new Direction[] {toTarget, fromTarget}) {
                if (direction != null) {
                    direction.stop();
                }
            }
            Thread startThread = starter;
            if (first && startThread != null && startThread != Thread.currentThread()) {
                startThread.interrupt(); // may be waiting for queue space; sockets are closed already
            }
            connections.remove(this);
        }
    }

    /** Reads from one socket and writes each chunk to the other once its delay has passed, in read order. */
    private final class Direction {

        private final Connection connection;
        private final InputStream in;
        private final Socket destination;
        private final OutputStream out;
        private final ScheduledThreadPoolExecutor queue;
        private final Semaphore pendingBytes = new Semaphore(MAX_PENDING_BYTES);
        private final LongAdder chunkCounter;
        private final LongAdder byteCounter;
        volatile Thread reader;

        Direction(Connection connection, InputStream in, Socket destination, LongAdder chunkCounter,
                  LongAdder byteCounter, String name) throws IOException {
            this.connection = connection;
            this.in = in;
            this.destination = destination;
            this.out = destination.getOutputStream();
            this.chunkCounter = chunkCounter;
            this.byteCounter = byteCounter;
            this.queue = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "delaying-proxy-" + port() + "-" + name + "-writer");
                thread.setDaemon(true);
                return thread;
            });
            this.queue.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        }

        void pump() {
            byte[] buffer = new byte[CHUNK_BYTES];
            try {
                int read;
                while ((read = in.read(buffer)) != -1) {
                    if (read == 0) {
                        continue;
                    }
                    byte[] chunk = Arrays.copyOf(buffer, read);
                    pendingBytes.acquire(read); // back-pressure: stop reading while too much is queued
                    chunkCounter.increment();
                    byteCounter.add(read);
                    // Due at now + delay: due times never decrease, and ties run first in, first out.
                    queue.schedule(() -> write(chunk), delayNanos, TimeUnit.NANOSECONDS);
                }
                queue.schedule(this::forwardEndOfStream, delayNanos, TimeUnit.NANOSECONDS);
            } catch (IOException | InterruptedException | RejectedExecutionException e) {
                connection.close(); // reset, closed by the other side or by close(): end both directions
            }
        }

        private void write(byte[] chunk) {
            try {
                out.write(chunk);
                out.flush();
            } catch (IOException e) {
                connection.close();
            } finally {
                pendingBytes.release(chunk.length);
            }
        }

        /** Half-close: the other side sees end of stream after the data, as it would without the proxy. */
        private void forwardEndOfStream() {
            try {
                destination.shutdownOutput();
            } catch (IOException e) {
                connection.close();
                return;
            }
            connection.directionFinished();
        }

        void stop() {
            queue.shutdownNow();
            Thread thread = reader;
            if (thread != null && thread != Thread.currentThread()) {
                thread.interrupt();
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed or reset
        }
    }
}
