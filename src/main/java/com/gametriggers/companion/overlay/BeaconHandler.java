package com.gametriggers.companion.overlay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.web.Responses;
import com.gametriggers.companion.tracking.RecordOutcome;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackingEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code POST /beacon}: the page says a showing was on air. Only a ticket this server signed counts, once per showing
 * however often it is sent; the answer is sent once the impression is durable, so the page can stop resending it.
 */
final class BeaconHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(BeaconHandler.class);

    static final int MAX_BEACON_BYTES = 4096;
    private static final long DURABLE_TIMEOUT_SECONDS = 10;

    private final RequestGuard guard;
    private final ShowTickets tickets;
    private final OverlayDirectory directory;
    private final Tracker tracker;
    private final LongSupplier currentViewers;
    private final Clock clock;
    private final Executor answers;

    /**
     * @param currentViewers the stream's viewer count, 0 while unknown: an impression counts that many viewers (at least 1)
     * @param answers        where the answer is written once the impression is durable
     */
    BeaconHandler(RequestGuard guard, ShowTickets tickets, OverlayDirectory directory, Tracker tracker,
                  LongSupplier currentViewers, Clock clock, Executor answers) {
        this.guard = guard;
        this.tickets = tickets;
        this.directory = directory;
        this.tracker = tracker;
        this.currentViewers = currentViewers;
        this.clock = clock;
        this.answers = answers;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!Responses.methodIn(exchange, "POST")) {
            return;
        }
        if (!exchange.getRequestURI().getRawPath().equals("/beacon")) {
            Responses.error(exchange, 404);
            return;
        }
        if (!guard.writeAllowed(exchange)) {
            Responses.error(exchange, exchange.getRequestHeaders().getFirst("Origin") != null ? 403 : 415);
            return;
        }
        byte[] body = Responses.readBody(exchange, MAX_BEACON_BYTES);
        if (body == null) {
            Responses.error(exchange, 413);
            return;
        }
        String ticketValue;
        try {
            JsonObject beacon = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
            ticketValue = beacon.get("ticket").getAsString();
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            Responses.error(exchange, 400);
            return;
        }
        var ticket = tickets.verify(ticketValue, clock.instant());
        if (ticket.isEmpty() || directory.byParticipationId(ticket.get().participationId()).isEmpty()) {
            Responses.error(exchange, 404);
            return;
        }
        long viewers = Math.max(1, currentViewers.getAsLong());
        TrackingEvent impression = TrackingEvent.impression(ticket.get().eventId(), ticket.get().participationId(),
                clock.instant(), viewers);
        // No thread waits for the fsync, so many beacons share one.
        tracker.record(impression).orTimeout(DURABLE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .whenCompleteAsync((outcome, failure) -> acknowledge(exchange, ticketValue, outcome, failure), answers);
    }

    private static void acknowledge(HttpExchange exchange, String ticket, RecordOutcome outcome, Throwable failure) {
        try {
            if (failure != null) {
                log.warn("An impression could not be recorded: {}", failure.getMessage());
                Responses.error(exchange, 500);
                return;
            }
            JsonObject ack = new JsonObject();
            ack.addProperty("ack", ticket);
            ack.addProperty("outcome", outcome.name().toLowerCase(Locale.ROOT));
            Responses.json(exchange, 200, ack.toString());
        } catch (IOException | RuntimeException e) {
            exchange.close(); // the page went away; it resends the beacon with the same ticket
        }
    }
}
