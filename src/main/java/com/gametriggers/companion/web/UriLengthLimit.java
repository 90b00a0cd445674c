package com.gametriggers.companion.web;

import java.io.IOException;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

/** In front of every handler: a URI longer than any the app makes is refused with 414 before anything reads it. */
public final class UriLengthLimit extends Filter {

    public static final int MAX_URI_LENGTH = 2048;

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        if (exchange.getRequestURI().toString().length() > MAX_URI_LENGTH) {
            Responses.error(exchange, 414);
        } else {
            chain.doFilter(exchange);
        }
    }

    @Override
    public String description() {
        return "URI length limit";
    }
}
