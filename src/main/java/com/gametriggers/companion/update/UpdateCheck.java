package com.gametriggers.companion.update;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.concurrent.NamedThreads;

/**
 * Asks the release feed at most once a day whether a newer release exists. It only tells: nothing is downloaded or
 * run. A feed that is down, slow or answers something else costs one log line and stays silent otherwise; the next
 * try is a day later. Pre-release tags in the feed are never offered.
 */
public final class UpdateCheck {

    /** How often at most the feed is asked. */
    public static final Duration INTERVAL = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(UpdateCheck.class);
    /** How often a running app looks whether a check is due; the look itself reads only the clock and a setting. */
    private static final Duration LOOK = Duration.ofHours(1);

    /** Where the check reads whether it is on and remembers when it last asked, across restarts. */
    public interface State {

        boolean enabled();

        Optional<Instant> lastCheck();

        void rememberCheck(Instant at) throws IOException;
    }

    private final Version running;
    private final Optional<ReleaseFeed> feed;
    private final State state;
    private final Clock clock;

    /**
     * @param running this app's version
     * @param feed    empty when the build has no feed (a development build): then nothing is ever asked
     */
    public UpdateCheck(Version running, Optional<ReleaseFeed> feed, State state, Clock clock) {
        this.running = Objects.requireNonNull(running, "running");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.state = Objects.requireNonNull(state, "state");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Asks the feed if the check is on and a day has passed since it last asked (or the remembered time lies ahead
     * of the clock, which then cannot be trusted); blocks while asking.
     *
     * @return a release newer than the running version, if the feed was asked and has one
     */
    public Optional<Release> runIfDue() {
        if (feed.isEmpty() || !state.enabled()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Instant> last = state.lastCheck();
        if (last.isPresent() && !last.get().isAfter(now) && last.get().plus(INTERVAL).isAfter(now)) {
            return Optional.empty();
        }
        // Remembered before asking, so that a feed that is down is asked again tomorrow, not at every start.
        try {
            state.rememberCheck(now);
        } catch (IOException e) {
            log.warn("The time of the update check cannot be remembered: {}", e.getMessage());
        }
        Release latest;
        try {
            latest = feed.get().latest();
        } catch (IOException e) {
            log.info("No update check today: {}", e.getMessage());
            return Optional.empty();
        }
        if (!latest.version().isRelease() || !latest.version().isNewerThan(running)) {
            log.debug("The latest release is {}; this is {}", latest.version(), running);
            return Optional.empty();
        }
        log.info("{}: {}", latest.sentence(), latest.downloadPage());
        return Optional.of(latest);
    }

    /**
     * Runs {@link #runIfDue} now and then every hour on a thread of its own, handing a newer release to listener
     * (on that thread); closing the result stops it.
     */
    public AutoCloseable startHourly(Consumer<Release> listener) {
        ScheduledExecutorService thread =
                Executors.newSingleThreadScheduledExecutor(NamedThreads.factory("update-check"));
        thread.scheduleWithFixedDelay(() -> {
            try {
                runIfDue().ifPresent(listener);
            } catch (RuntimeException e) {
                // A failure would end the schedule without a word; the next hour tries again.
                log.warn("The update check failed", e);
            }
        }, 0, LOOK.toMinutes(), TimeUnit.MINUTES);
        return thread::shutdownNow;
    }
}
