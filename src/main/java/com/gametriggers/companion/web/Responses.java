package com.gametriggers.companion.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/**
 * Writing responses the same guarded way everywhere: no caching, no sniffing, no referrer (a tracking redirect must
 * not hand the overlay's secret token to a sponsor's site), and plain short bodies for errors, never a stack trace.
 */
public final class Responses {

    public static final String JSON = "application/json; charset=utf-8";
    public static final String TEXT = "text/plain; charset=utf-8";

    private Responses() {
    }

    public static void headers(HttpExchange exchange, String contentType) {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", contentType);
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
    }

    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        headers(exchange, contentType);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : (body.length == 0 ? -1 : body.length));
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    public static void text(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, TEXT, (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public static void json(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    /** The same short answer for every status, so an error tells a prober nothing. */
    public static void error(HttpExchange exchange, int status) throws IOException {
        String reason = switch (status) {
            case 400 -> "Bad request";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Request too large";
            case 414 -> "URI too long";
            case 415 -> "Unsupported media type";
            case 429 -> "Too many requests";
            default -> "Internal error";
        };
        text(exchange, status, reason);
    }

    /** True when the request uses one of {@code methods}; otherwise answers 405. */
    public static boolean methodIn(HttpExchange exchange, String... methods) throws IOException {
        String method = exchange.getRequestMethod();
        for (String allowed : methods) {
            if (allowed.equals(method)) {
                return true;
            }
        }
        error(exchange, 405);
        return false;
    }

    public static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        send(exchange, 302, TEXT, new byte[0]);
    }

    /**
     * Reads a request body of at most {@code limit} bytes.
     *
     * @return null when the body is longer
     */
    public static byte[] readBody(HttpExchange exchange, int limit) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(limit + 1);
            return body.length > limit ? null : body;
        }
    }
}
