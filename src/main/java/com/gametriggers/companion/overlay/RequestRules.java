package com.gametriggers.companion.overlay;

import java.io.IOException;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

/** In front of every handler: a bounded URI, and the Host rule of {@link RequestGuard}. */
final class RequestRules extends Filter {

    static final int MAX_URI_LENGTH = 2048;

    private final RequestGuard guard;
    private final boolean publicHostAllowed;

    /** @param publicHostAllowed whether the configured public host may be used here (tracking links only) */
    RequestRules(RequestGuard guard, boolean publicHostAllowed) {
        this.guard = guard;
        this.publicHostAllowed = publicHostAllowed;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        if (exchange.getRequestURI().toString().length() > MAX_URI_LENGTH) {
            Responses.error(exchange, 414);
        } else if (!guard.hostAllowed(exchange, publicHostAllowed)) {
            Responses.error(exchange, 403);
        } else {
            chain.doFilter(exchange);
        }
    }

    @Override
    public String description() {
        return "URI length and Host rule";
    }
}
