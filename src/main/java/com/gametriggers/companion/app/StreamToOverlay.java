package com.gametriggers.companion.app;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.chat.ChatPlatform;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackingEvent;
import com.gametriggers.companion.twitch.StreamListener;

/**
 * What the stream status of every platform the streamer is on changes, as one audience: the overlays go live when
 * the first platform goes live and offline when the last goes offline; a showing's impression counts the sum of the
 * latest viewer counts of the platforms that are live; and each platform's viewer-count sample puts that sum into the
 * viewer statistics (sum, count, peak) of every sponsor on screen at that moment, with an id made of the platform,
 * the participation and the sample time, so a repeated sample counts once. A sample is never an impression: the
 * showing on air is, once.
 *
 * <p>Each platform reports through its own {@link #source}; a platform that stops (signed out) is forgotten, so its
 * last count is not added any more.
 */
final class StreamToOverlay {

    private static final Logger log = LoggerFactory.getLogger(StreamToOverlay.class);

    private final Runnable wentLive;
    private final Runnable wentOffline;
    private final Supplier<Set<String>> onScreen;
    private final Tracker tracker;
    private final AtomicLong viewers;
    /** The platforms live now and their latest viewer counts (0 until the first). Guarded by this. */
    private final Map<ChatPlatform, Long> live = new EnumMap<>(ChatPlatform.class);

    /** @param viewers set to the audience's viewer count, which the overlay multiplies each impression by */
    StreamToOverlay(Runnable wentLive, Runnable wentOffline, Supplier<Set<String>> onScreen, Tracker tracker,
                    AtomicLong viewers) {
        this.wentLive = wentLive;
        this.wentOffline = wentOffline;
        this.onScreen = onScreen;
        this.tracker = tracker;
        this.viewers = viewers;
    }

    /** Where {@code platform}'s stream status is told. */
    Source source(ChatPlatform platform) {
        return new Source(platform);
    }

    /** {@code platform}'s latest viewer count while it is live, empty while it is not. */
    synchronized OptionalLong viewers(ChatPlatform platform) {
        Long count = live.get(platform);
        return count == null ? OptionalLong.empty() : OptionalLong.of(count);
    }

    private void live(ChatPlatform platform) {
        boolean first;
        synchronized (this) {
            first = live.isEmpty();
            live.putIfAbsent(platform, 0L);
            viewers.set(sum());
        }
        if (first) {
            wentLive.run();
        }
    }

    private void offline(ChatPlatform platform) {
        boolean none;
        synchronized (this) {
            live.remove(platform);
            viewers.set(sum());
            none = live.isEmpty();
        }
        if (none) {
            wentOffline.run();
        }
    }

    private synchronized void forget(ChatPlatform platform) {
        live.remove(platform);
        viewers.set(sum());
    }

    private void sample(ChatPlatform platform, long count, Instant at) {
        long audience;
        synchronized (this) {
            live.put(platform, count);
            audience = sum();
            viewers.set(audience);
        }
        for (String participationId : onScreen.get()) {
            tracker.record(TrackingEvent.viewerSample(sampleId(platform, participationId, at), participationId, at,
                    audience)).whenComplete((outcome, failure) -> {
                        if (failure != null) {
                            log.warn("A viewer-count sample could not be recorded: {}", failure.getMessage());
                        }
                    });
        }
    }

    /** Twitch's ids are the ones journals written before YouTube already hold, so they stay as they were. */
    private static String sampleId(ChatPlatform platform, String participationId, Instant at) {
        return switch (platform) {
            case TWITCH -> "vs:" + participationId + ":" + at.toEpochMilli();
            case YOUTUBE -> "vs:youtube:" + participationId + ":" + at.toEpochMilli();
        };
    }

    private long sum() {
        return live.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One platform's stream status. */
    final class Source implements StreamListener {

        private final ChatPlatform platform;

        private Source(ChatPlatform platform) {
            this.platform = platform;
        }

        @Override
        public void wentLive() {
            live(platform);
        }

        @Override
        public void wentOffline() {
            offline(platform);
        }

        @Override
        public void viewerSample(long count, Instant at) {
            sample(platform, count, at);
        }

        /** Its latest viewer count while it is live, empty while it is not. */
        OptionalLong viewers() {
            return StreamToOverlay.this.viewers(platform);
        }

        /** The platform stopped reporting (signed out): its viewers no longer count, nor does it hold the stream live. */
        void stopped() {
            forget(platform);
        }
    }
}
