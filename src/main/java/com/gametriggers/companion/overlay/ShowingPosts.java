package com.gametriggers.companion.overlay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

import com.gametriggers.companion.web.Responses;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;

/**
 * What the page posts about one showing: a small JSON body with the ticket this server signed for it. Only this
 * server's own pages can send one ({@link RequestGuard}), and only a ticket it issued, for a participation it knows,
 * names a showing; anything else is refused with its 4xx and changes nothing.
 */
final class ShowingPosts {

    static final int MAX_BODY_BYTES = 4096;

    /** An accepted post: the showing's ticket, its participation as the overlay serves it, and the whole body. */
    record Post(ShowTickets.Ticket ticket, OverlayEntry entry, JsonObject body) {
    }

    private final RequestGuard guard;
    private final ShowTickets tickets;
    private final OverlayDirectory directory;
    private final Clock clock;

    ShowingPosts(RequestGuard guard, ShowTickets tickets, OverlayDirectory directory, Clock clock) {
        this.guard = guard;
        this.tickets = tickets;
        this.directory = directory;
        this.clock = clock;
    }

    /** The post made to {@code path}, or empty once it has been refused with its answer. */
    Optional<Post> read(HttpExchange exchange, String path) throws IOException {
        if (!Responses.methodIn(exchange, "POST")) {
            return Optional.empty();
        }
        if (!exchange.getRequestURI().getRawPath().equals(path)) {
            return refused(exchange, 404);
        }
        if (!guard.writeAllowed(exchange)) {
            return refused(exchange, exchange.getRequestHeaders().getFirst("Origin") != null ? 403 : 415);
        }
        byte[] bytes = Responses.readBody(exchange, MAX_BODY_BYTES);
        if (bytes == null) {
            return refused(exchange, 413);
        }
        JsonObject body;
        String ticketValue;
        try {
            body = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8)).getAsJsonObject();
            ticketValue = body.get("ticket").getAsString();
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            return refused(exchange, 400);
        }
        var ticket = tickets.verify(ticketValue, clock.instant());
        var entry = ticket.flatMap(valid -> directory.byParticipationId(valid.participationId()));
        if (entry.isEmpty()) {
            return refused(exchange, 404);
        }
        return Optional.of(new Post(ticket.get(), entry.get(), body));
    }

    private static Optional<Post> refused(HttpExchange exchange, int status) throws IOException {
        Responses.error(exchange, status);
        return Optional.empty();
    }
}
