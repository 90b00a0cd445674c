package com.gametriggers.companion.overlay.rotation;

import java.time.Duration;
import java.util.Objects;

/**
 * How the rotation overlay paces sponsors: each showing lasts {@code displayDuration}, the first comes
 * {@code delayAfterGoingLive} after the stream starts, and {@code timeBetweenSponsors} passes between two showings.
 * The two waits may be zero (no wait); a showing must last. {@code strategy} is one of
 * {@link SelectionStrategy#names()}. {@code countdown} is how long before each showing the streamer is warned (and
 * can skip it); zero warns not at all. {@code dailyShowingsPerSponsor} is the most times one sponsor is shown in a
 * day of the streamer's (their own limit, on top of any the sponsor sets); zero sets no limit.
 * {@code countdownOnOverlay} also shows the countdown on the overlay page itself, as a small badge viewers see (off
 * unless the streamer turns it on).
 */
public record RotationSettings(
        Duration displayDuration,
        Duration timeBetweenSponsors,
        Duration delayAfterGoingLive,
        String strategy,
        Duration countdown,
        int dailyShowingsPerSponsor,
        boolean countdownOnOverlay) {

    /** The warning before each showing unless the streamer chose otherwise. */
    public static final Duration DEFAULT_COUNTDOWN = Duration.ofSeconds(10);
    /** A daily limit of zero: a sponsor may be shown any number of times a day. */
    public static final int NO_DAILY_LIMIT = 0;
    /** The highest daily limit the settings offer: more than a sponsor a minute all day, so never a real limit. */
    public static final int MAX_DAILY_SHOWINGS = 1_000;

    public RotationSettings {
        Objects.requireNonNull(displayDuration, "displayDuration");
        Objects.requireNonNull(countdown, "countdown");
        Objects.requireNonNull(timeBetweenSponsors, "timeBetweenSponsors");
        Objects.requireNonNull(delayAfterGoingLive, "delayAfterGoingLive");
        if (displayDuration.isNegative() || displayDuration.isZero()) {
            throw new IllegalArgumentException("displayDuration must be positive: " + displayDuration);
        }
        if (timeBetweenSponsors.isNegative()) {
            throw new IllegalArgumentException("timeBetweenSponsors must not be negative: " + timeBetweenSponsors);
        }
        if (delayAfterGoingLive.isNegative()) {
            throw new IllegalArgumentException("delayAfterGoingLive must not be negative: " + delayAfterGoingLive);
        }
        if (countdown.isNegative()) {
            throw new IllegalArgumentException("countdown must not be negative: " + countdown);
        }
        if (dailyShowingsPerSponsor < 0) {
            throw new IllegalArgumentException("dailyShowingsPerSponsor must not be negative: " + dailyShowingsPerSponsor);
        }
        // Resolved here only to refuse an unknown name when the settings are made, not at the first showing.
        SelectionStrategy.named(strategy);
    }

    /** These paces with the default countdown. */
    public RotationSettings(Duration displayDuration, Duration timeBetweenSponsors, Duration delayAfterGoingLive,
                            String strategy) {
        this(displayDuration, timeBetweenSponsors, delayAfterGoingLive, strategy, DEFAULT_COUNTDOWN);
    }

    /** These paces with no daily limit per sponsor. */
    public RotationSettings(Duration displayDuration, Duration timeBetweenSponsors, Duration delayAfterGoingLive,
                            String strategy, Duration countdown) {
        this(displayDuration, timeBetweenSponsors, delayAfterGoingLive, strategy, countdown, NO_DAILY_LIMIT);
    }

    /** These paces with the countdown shown in the app only. */
    public RotationSettings(Duration displayDuration, Duration timeBetweenSponsors, Duration delayAfterGoingLive,
                            String strategy, Duration countdown, int dailyShowingsPerSponsor) {
        this(displayDuration, timeBetweenSponsors, delayAfterGoingLive, strategy, countdown, dailyShowingsPerSponsor,
                false);
    }

    /** These settings with another daily limit per sponsor. */
    public RotationSettings withDailyShowingsPerSponsor(int limit) {
        return new RotationSettings(displayDuration, timeBetweenSponsors, delayAfterGoingLive, strategy, countdown, limit,
                countdownOnOverlay);
    }

    /** These settings with the countdown on the overlay page turned on or off. */
    public RotationSettings withCountdownOnOverlay(boolean on) {
        return new RotationSettings(displayDuration, timeBetweenSponsors, delayAfterGoingLive, strategy, countdown,
                dailyShowingsPerSponsor, on);
    }

    /** Whether a sponsor shown {@code shownToday} times today has reached the streamer's daily limit. */
    boolean reachedDailyLimit(long shownToday) {
        return dailyShowingsPerSponsor != NO_DAILY_LIMIT && shownToday >= dailyShowingsPerSponsor;
    }

    /** 20 s on screen, 5 min between sponsors, the first 2 min after going live, every sponsor in turn, warned 10 s before (in the app only), no daily limit. */
    public static RotationSettings defaults() {
        return new RotationSettings(Duration.ofSeconds(20), Duration.ofMinutes(5), Duration.ofMinutes(2), RoundRobin.NAME);
    }

    /** The strategy names the settings accept, in the order a choice box lists them. */
    public static java.util.List<String> strategies() {
        return SelectionStrategy.names();
    }

    SelectionStrategy selectionStrategy() {
        return SelectionStrategy.named(strategy);
    }
}
