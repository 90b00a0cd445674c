package com.gametriggers.companion.overlay;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.gametriggers.companion.web.Responses;
import com.sun.net.httpserver.HttpExchange;

/**
 * One overlay page listening on a server-sent-events stream. The page's EventSource reconnects by itself when the
 * stream breaks (OBS shutting the source down when it is hidden, an app restart), so a failed write just ends it.
 */
final class PushClient {

    private final HttpExchange exchange;
    private final OutputStream out;
    private volatile boolean open = true;

    private PushClient(HttpExchange exchange) {
        this.exchange = exchange;
        this.out = exchange.getResponseBody();
    }

    /** Answers the request with an open event stream; the handler may return and the stream stays open. */
    static PushClient open(HttpExchange exchange) throws IOException {
        Responses.headers(exchange, "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        PushClient client = new PushClient(exchange);
        // Tell EventSource to come back after a second, not its default of three, when the stream breaks.
        client.write("retry: 1000\n\n");
        return client;
    }

    boolean send(String event, String json) {
        return write("event: " + event + "\ndata: " + json + "\n\n");
    }

    /** A comment line: keeps idle connections alive and finds the ones that went away. */
    boolean heartbeat() {
        return write(": ping\n\n");
    }

    boolean isOpen() {
        return open;
    }

    private synchronized boolean write(String frame) {
        if (!open) {
            return false;
        }
        try {
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException e) {
            close();
            return false;
        }
    }

    synchronized void close() {
        open = false;
        exchange.close();
    }
}
