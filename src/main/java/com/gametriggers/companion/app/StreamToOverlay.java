package com.gametriggers.companion.app;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackingEvent;
import com.gametriggers.companion.twitch.StreamListener;

/**
 * What the stream status from Twitch changes: the overlays go live or offline, a showing's impression counts the
 * latest viewer count, and each viewer-count sample goes into the viewer statistics (sum, count, peak) of every
 * sponsor on screen at that moment, with an id made of the participation and the sample time, so a repeated sample
 * counts once. A sample is never an impression: the showing on air is, once.
 */
final class StreamToOverlay implements StreamListener {

    private static final Logger log = LoggerFactory.getLogger(StreamToOverlay.class);

    private final Runnable wentLive;
    private final Runnable wentOffline;
    private final Supplier<Set<String>> onScreen;
    private final Tracker tracker;
    private final AtomicLong viewers;

    StreamToOverlay(Runnable wentLive, Runnable wentOffline, Supplier<Set<String>> onScreen, Tracker tracker,
                    AtomicLong viewers) {
        this.wentLive = wentLive;
        this.wentOffline = wentOffline;
        this.onScreen = onScreen;
        this.tracker = tracker;
        this.viewers = viewers;
    }

    @Override
    public void wentLive() {
        wentLive.run();
    }

    @Override
    public void wentOffline() {
        viewers.set(0);
        wentOffline.run();
    }

    @Override
    public void viewerSample(long count, Instant at) {
        viewers.set(count);
        for (String participationId : onScreen.get()) {
            String eventId = "vs:" + participationId + ":" + at.toEpochMilli();
            tracker.record(TrackingEvent.viewerSample(eventId, participationId, at, count)).whenComplete((outcome, failure) -> {
                if (failure != null) {
                    log.warn("A viewer-count sample could not be recorded: {}", failure.getMessage());
                }
            });
        }
    }
}
