package com.gametriggers.companion.overlay;

import java.io.IOException;

import com.gametriggers.companion.web.Responses;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

/** In front of every overlay handler: the Host rule of {@link RequestGuard}. */
final class RequestRules extends Filter {

    private final RequestGuard guard;

    RequestRules(RequestGuard guard) {
        this.guard = guard;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        if (!guard.hostAllowed(exchange)) {
            Responses.error(exchange, 403);
        } else {
            chain.doFilter(exchange);
        }
    }

    @Override
    public String description() {
        return "Host rule";
    }
}
