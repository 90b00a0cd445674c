package com.gametriggers.companion.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackerOptions;
import com.gametriggers.companion.tracking.TrackingEvent;

/**
 * Mode (c): the tracking pipeline. An event's latency is {@code record()} to durable in the journal; close waits
 * until the store has every event. Round trips are the commands MongoStore's client sent meanwhile.
 */
public final class PipelineEventSink implements TrackingBenchmark.EventSink {

    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(5);

    private final Tracker tracker;
    private final MongoStore store;
    private final TrackingBenchmark.RoundTrips roundTrips;
    private final long commandsAtStart;

    public PipelineEventSink(TrackingBenchmark.BenchContext context) {
        this.store = context.store();
        this.roundTrips = context.roundTrips();
        this.commandsAtStart = store.commandsSent();
        try {
            this.tracker = Tracker.start(store, context.scratchDir().resolve("journal"), TrackerOptions.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public CompletableFuture<?> record(TrackingBenchmark.BenchEvent e) {
        String id = "bench-" + e.index();
        Instant now = Instant.now();
        TrackingEvent event = switch (e.kind()) {
            case CLICK -> TrackingEvent.click(id, e.participationId(), now, e.clickType(), null);
            case IMPRESSIONS -> TrackingEvent.impression(id, e.participationId(), now, e.amount());
            case VIEWER_SAMPLE -> TrackingEvent.viewerSample(id, e.participationId(), now, e.amount());
        };
        return tracker.record(event);
    }

    @Override
    public void close() {
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        while (tracker.status().eventsWaiting() > 0 && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        tracker.close();
        roundTrips.add("pipeline (all commands)", store.commandsSent() - commandsAtStart);
    }
}
