package com.gametriggers.companion.overlay.rotation;

import java.time.Duration;
import java.util.Objects;

/**
 * How the rotation overlay paces sponsors: each showing lasts {@code displayDuration}, the first comes
 * {@code delayAfterGoingLive} after the stream starts, and {@code timeBetweenSponsors} passes between two showings.
 * The two waits may be zero (no wait); a showing must last. {@code strategy} is one of
 * {@link SelectionStrategy#names()}.
 */
public record RotationSettings(
        Duration displayDuration,
        Duration timeBetweenSponsors,
        Duration delayAfterGoingLive,
        String strategy) {

    public RotationSettings {
        Objects.requireNonNull(displayDuration, "displayDuration");
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
        // Resolved here only to refuse an unknown name when the settings are made, not at the first showing.
        SelectionStrategy.named(strategy);
    }

    /** 20 s on screen, 5 min between sponsors, the first 2 min after going live, every sponsor in turn. */
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
