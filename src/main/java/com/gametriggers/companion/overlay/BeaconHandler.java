package com.gametriggers.companion.overlay;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.web.Responses;
import com.gametriggers.companion.tracking.RecordOutcome;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackingEvent;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * What the page reports about a showing, recorded through the tracker: {@code POST /beacon}, the showing was on air
 * (its impression), and {@code POST /on-air}, how long a counted showing was on air in the end. Only a ticket this
 * server signed counts, once per report however often it is sent; the answer is sent once the event is durable, so
 * the page can stop resending it.
 */
final class BeaconHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(BeaconHandler.class);

    private static final long DURABLE_TIMEOUT_SECONDS = 10;
    /** What the page needs on air before a showing counts; a shorter time on air reports nothing counted. */
    private static final Duration COUNTED_AFTER = Duration.ofSeconds(1);

    /** The event an accepted post reports, or empty when its body does not say what it must (answered 400). */
    private interface Report {
        Optional<TrackingEvent> event(ShowingPosts.Post post, Instant now);
    }

    private final String path;
    private final ShowingPosts posts;
    private final Report report;
    private final Tracker tracker;
    private final Clock clock;
    private final Executor answers;

    private BeaconHandler(String path, ShowingPosts posts, Report report, Tracker tracker, Clock clock, Executor answers) {
        this.path = path;
        this.posts = posts;
        this.report = report;
        this.tracker = tracker;
        this.clock = clock;
        this.answers = answers;
    }

    /**
     * {@code POST /beacon}: one impression per showing.
     *
     * @param currentViewers the stream's viewer count, 0 while unknown: an impression counts that many viewers (at least 1)
     * @param answers        where the answer is written once the impression is durable
     */
    static BeaconHandler impressions(ShowingPosts posts, Tracker tracker, LongSupplier currentViewers, Clock clock,
                                     Executor answers) {
        return new BeaconHandler("/beacon", posts, (post, now) -> Optional.of(TrackingEvent.impression(
                post.ticket().eventId(), post.ticket().participationId(), now, Math.max(1, currentViewers.getAsLong()))),
                tracker, clock, answers);
    }

    /**
     * {@code POST /on-air}: a counted showing's time on air, in whole seconds. The page measures it; the server believes
     * no more than the time since it issued the showing's ticket, so a page cannot claim longer than the showing ran.
     */
    static BeaconHandler timeOnAir(ShowingPosts posts, Tracker tracker, Clock clock, Executor answers) {
        return new BeaconHandler("/on-air", posts, (post, now) -> {
            long reportedMs;
            try {
                JsonElement value = post.body().get("onAirMs");
                reportedMs = value == null ? -1 : value.getAsLong();
            } catch (UnsupportedOperationException | NumberFormatException | IllegalStateException e) {
                return Optional.empty();
            }
            long possibleMs = Duration.between(post.ticket().issuedAt(), now).toMillis();
            long seconds = Math.min(reportedMs, possibleMs) / 1000;
            if (reportedMs < COUNTED_AFTER.toMillis() || seconds < COUNTED_AFTER.toSeconds()) {
                return Optional.empty();
            }
            return Optional.of(TrackingEvent.onAir(post.ticket().eventId(), post.ticket().participationId(), now, seconds));
        }, tracker, clock, answers);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        var post = posts.read(exchange, path);
        if (post.isEmpty()) {
            return;
        }
        Optional<TrackingEvent> event = report.event(post.get(), clock.instant());
        if (event.isEmpty()) {
            Responses.error(exchange, 400);
            return;
        }
        String ticket = post.get().ticket().value();
        // No thread waits for the fsync, so many reports share one.
        tracker.record(event.get()).orTimeout(DURABLE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .whenCompleteAsync((outcome, failure) -> acknowledge(exchange, ticket, outcome, failure), answers);
    }

    private static void acknowledge(HttpExchange exchange, String ticket, RecordOutcome outcome, Throwable failure) {
        try {
            if (failure != null) {
                log.warn("A showing's report could not be recorded: {}", failure.getMessage());
                Responses.error(exchange, 500);
                return;
            }
            JsonObject ack = new JsonObject();
            ack.addProperty("ack", ticket);
            ack.addProperty("outcome", outcome.name().toLowerCase(Locale.ROOT));
            Responses.json(exchange, 200, ack.toString());
        } catch (IOException | RuntimeException e) {
            exchange.close(); // the page went away; it resends the report with the same ticket
        }
    }
}
