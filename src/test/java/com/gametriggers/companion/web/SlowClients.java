package com.gametriggers.companion.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients that connect to a JDK HTTP server, send the start of a request and never finish their headers: each one
 * holds a handler thread of the server, which reads headers blocking, until the server's request deadline cuts the
 * connection. One thread of ours watches all of them; when the server cuts one, it opens a new one in its place, so
 * the server faces the same number of unfinished requests all along.
 *
 * <p>They take turns among a few ways of stopping short: in the middle of the request line, after the request line,
 * and in the middle of a header.
 */
public final class SlowClients implements AutoCloseable {

    private static final String[] UNFINISHED = {
        "GET /hea",
        "GET /health HTTP/1.1\r\n",
        "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow-",
        "POST /beacon HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Le",
    };

    private final InetSocketAddress target;
    private final Selector selector;
    private final Thread keeper;
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong cut = new AtomicLong();
    private final AtomicLong failedToOpen = new AtomicLong();
    private volatile boolean closed;

    private SlowClients(InetSocketAddress target, Selector selector) {
        this.target = target;
        this.selector = selector;
        this.keeper = new Thread(this::keep, "slow-clients-keeper");
        this.keeper.setDaemon(true);
    }

    /**
     * Opens {@code count} unfinished requests to the server at {@code baseUrl} ({@code http://127.0.0.1:PORT/}) and
     * keeps that many open until {@link #close()}.
     */
    public static SlowClients open(String baseUrl, int count) {
        URI uri = URI.create(baseUrl);
        SlowClients clients;
        try {
            clients = new SlowClients(new InetSocketAddress(uri.getHost(), uri.getPort()), Selector.open());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<SocketChannel> channels = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                channels.add(clients.connect(i));
            }
            for (SocketChannel channel : channels) {
                channel.register(clients.selector, SelectionKey.OP_READ);
            }
        } catch (IOException e) {
            channels.forEach(SlowClients::closeQuietly);
            closeQuietly(clients.selector);
            throw new UncheckedIOException("Could not open slow connection " + (channels.size() + 1) + " of " + count
                    + " to " + baseUrl, e);
        }
        clients.keeper.start();
        return clients;
    }

    private SocketChannel connect(long n) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.socket().connect(target, 5_000);
            channel.write(ByteBuffer.wrap(UNFINISHED[(int) (n % UNFINISHED.length)].getBytes(StandardCharsets.US_ASCII)));
            channel.configureBlocking(false);
        } catch (IOException e) {
            closeQuietly(channel);
            throw e;
        }
        opened.incrementAndGet();
        return channel;
    }

    private void keep() {
        ByteBuffer sink = ByteBuffer.allocate(4096);
        while (!closed) {
            try {
                selector.select(500);
            } catch (IOException | RuntimeException e) {
                return;
            }
            if (closed) {
                return;
            }
            var keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                SocketChannel channel = (SocketChannel) key.channel();
                boolean ended;
                try {
                    sink.clear();
                    ended = channel.read(sink) != 0; // end of stream, or an answer (such as a 408): either way cut off
                } catch (IOException e) {
                    ended = true;
                }
                if (ended) {
                    key.cancel();
                    closeQuietly(channel);
                    cut.incrementAndGet();
                    reopen();
                }
            }
        }
    }

    private void reopen() {
        while (!closed) {
            try {
                connect(opened.get()).register(selector, SelectionKey.OP_READ);
                return;
            } catch (IOException e) {
                failedToOpen.incrementAndGet();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Connections opened so far, the first ones and those opened in place of cut ones. */
    public long opened() {
        return opened.get();
    }

    /** Connections the server ended (its request deadline) and that were opened again. */
    public long cut() {
        return cut.get();
    }

    /** Attempts to open a connection in place of a cut one that failed (and were retried). */
    public long failedToOpen() {
        return failedToOpen.get();
    }

    /**
     * Threads of this JVM of the pool {@code threadName} (as a server's handler threads are) that are now reading a
     * request's line or headers: what the unfinished requests of a server in this JVM hold.
     */
    public static int threadsReadingRequests(String threadName) {
        int reading = 0;
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            String name = thread.getKey().getName();
            // A pool's threads are named after it: overlay-http, overlay-http-2, ...
            if (!name.equals(threadName) && !name.startsWith(threadName + "-")) {
                continue;
            }
            for (StackTraceElement frame : thread.getValue()) {
                if (frame.getClassName().equals("sun.net.httpserver.Request")) {
                    reading++;
                    break;
                }
            }
        }
        return reading;
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            keeper.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            closeQuietly(key.channel());
        }
        closeQuietly(selector);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // going away anyway
        }
    }
}
