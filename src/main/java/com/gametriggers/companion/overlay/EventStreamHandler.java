package com.gametriggers.companion.overlay;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.gametriggers.companion.web.Responses;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/** {@code /events/{key}}: the open stream an overlay page is told what to show on. */
final class EventStreamHandler implements HttpHandler {

    private static final Pattern EVENTS = Pattern.compile("/events/([0-9a-f]{64})");

    private final OverlayChannels channels;

    EventStreamHandler(OverlayChannels channels) {
        this.channels = channels;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!Responses.methodIn(exchange, "GET", "HEAD")) {
            return;
        }
        Matcher events = EVENTS.matcher(exchange.getRequestURI().getRawPath());
        Optional<OverlayChannel> channel = events.matches() ? channels.channel(events.group(1)) : Optional.empty();
        if (channel.isEmpty()) {
            Responses.error(exchange, 404);
        } else if ("HEAD".equals(exchange.getRequestMethod())) {
            Responses.error(exchange, 405);
        } else {
            channels.connect(channel.get(), PushClient.open(exchange));
        }
    }
}
