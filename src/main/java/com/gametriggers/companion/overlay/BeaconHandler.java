package com.gametriggers.companion.overlay;

import java.io.IOException;
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
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code POST /beacon}: the page says a showing was on air. Only a ticket this server signed counts, once per showing
 * however often it is sent; the answer is sent once the impression is durable, so the page can stop resending it.
 */
final class BeaconHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(BeaconHandler.class);

    private static final long DURABLE_TIMEOUT_SECONDS = 10;

    private final ShowingPosts posts;
    private final Tracker tracker;
    private final LongSupplier currentViewers;
    private final Clock clock;
    private final Executor answers;

    /**
     * @param currentViewers the stream's viewer count, 0 while unknown: an impression counts that many viewers (at least 1)
     * @param answers        where the answer is written once the impression is durable
     */
    BeaconHandler(ShowingPosts posts, Tracker tracker, LongSupplier currentViewers, Clock clock, Executor answers) {
        this.posts = posts;
        this.tracker = tracker;
        this.currentViewers = currentViewers;
        this.clock = clock;
        this.answers = answers;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        var post = posts.read(exchange, "/beacon");
        if (post.isEmpty()) {
            return;
        }
        ShowTickets.Ticket ticket = post.get().ticket();
        long viewers = Math.max(1, currentViewers.getAsLong());
        TrackingEvent impression = TrackingEvent.impression(ticket.eventId(), ticket.participationId(),
                clock.instant(), viewers);
        // No thread waits for the fsync, so many beacons share one.
        tracker.record(impression).orTimeout(DURABLE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .whenCompleteAsync((outcome, failure) -> acknowledge(exchange, ticket.value(), outcome, failure), answers);
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
