package com.gametriggers.companion.twitch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks Helix for one channel's stream status at a fixed interval and tells listeners when the stream goes live or
 * offline, and each viewer count while it is live. The first answer counts as a change either way, so listeners
 * that assume "live" until told otherwise learn the truth. A failed poll changes nothing the listeners know (a
 * network blip is not the end of a stream); it shows in {@link #status()} and is logged once per change.
 */
public final class StreamStatusPoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamStatusPoller.class);

    private final HelixClient helix;
    private final String login;
    private final ScheduledExecutorService scheduler;
    private final Duration interval;
    private final Clock clock;
    private final List<StreamListener> listeners = new CopyOnWriteArrayList<>();

    /** Touched only by the polling thread: null until the first successful poll. */
    private Boolean live;
    private volatile PollerStatus status = PollerStatus.notYetPolled();
    private ScheduledFuture<?> schedule;

    /** {@code scheduler} belongs to the caller, who shuts it down; {@link #close()} only stops this poller's polls. */
    public StreamStatusPoller(HelixClient helix, String login, ScheduledExecutorService scheduler, Duration interval,
                              Clock clock) {
        this.helix = helix;
        this.login = login;
        this.scheduler = scheduler;
        this.interval = interval;
        this.clock = clock;
    }

    public void addListener(StreamListener listener) {
        listeners.add(listener);
    }

    /**
     * Polls now and then {@code interval} after each poll ends; a fixed delay rather than a fixed rate, so a poll
     * that waited for Twitch's rate limit is not followed by a burst of catch-up polls.
     */
    public synchronized void start() {
        if (schedule == null) {
            schedule = scheduler.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public PollerStatus status() {
        return status;
    }

    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    /** One poll. Catches everything: an exception thrown into a scheduled executor silently ends all later polls. */
    void poll() {
        try {
            StreamStatus stream = helix.getStream(login);
            Instant now = clock.instant();
            succeeded(now);
            tell(stream, now);
        } catch (SignInExpiredException e) {
            failed(e.getMessage(), true, null);
        } catch (TwitchException e) {
            failed(e.getMessage(), false, null);
        } catch (InterruptedException e) {
            // The scheduler is shutting down; let it.
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failed("Unexpected error: " + e, false, e);
        }
    }

    private void tell(StreamStatus stream, Instant at) {
        if (!Objects.equals(live, stream.live())) {
            live = stream.live();
            tellEach(stream.live() ? StreamListener::wentLive : StreamListener::wentOffline);
        }
        if (stream.live()) {
            tellEach(listener -> listener.viewerSample(stream.viewerCount(), at));
        }
    }

    /** One listener's failure must not keep the news from the others. */
    private void tellEach(Consumer<StreamListener> news) {
        for (StreamListener listener : listeners) {
            try {
                news.accept(listener);
            } catch (RuntimeException e) {
                log.error("A stream listener failed", e);
            }
        }
    }

    private void succeeded(Instant now) {
        if (status.problem() != null) {
            log.info("Stream status from Twitch is back");
        }
        status = new PollerStatus(now, null, false);
    }

    /** {@code bug} is an exception no Twitch answer explains: its stack trace is logged, once like the rest. */
    private void failed(String problem, boolean signInExpired, RuntimeException bug) {
        // Logged when it begins only: a line per attempt, every minute for hours, would bury everything else.
        boolean news = !problem.equals(status.problem());
        if (news && bug != null) {
            log.error("Polling the stream status failed unexpectedly", bug);
        } else if (news) {
            log.warn("Stream status from Twitch unavailable: {}", problem);
        }
        status = new PollerStatus(status.lastSuccess(), problem, signInExpired);
    }
}
