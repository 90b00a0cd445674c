package com.gametriggers.companion.web;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

/** In front of every handler: whatever fails inside, the client gets a short 500 and the log a redacted line. */
public final class ErrorPages extends Filter {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) {
        try {
            chain.doFilter(exchange);
        } catch (Exception e) {
            log.warn("Request {} {} failed: {}", exchange.getRequestMethod(),
                    redact(exchange.getRequestURI().getPath()), e.toString());
            try {
                Responses.error(exchange, 500);
            } catch (IOException | RuntimeException ignored) {
                exchange.close(); // the answer had already started; the client sees a cut connection
            }
        }
    }

    /** Paths carry secret tokens: logs keep only their first characters. */
    public static String redact(String path) {
        return path.replaceAll("([0-9a-f]{6})[0-9a-f]{58}", "$1…");
    }

    @Override
    public String description() {
        return "a short 500 for any failure";
    }
}
