package com.gametriggers.companion.overlay.rotation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The warning before a showing: {@code sponsorName} comes on screen at {@code at} unless the streamer skips it or
 * pauses ads.
 */
public record SponsorCountdown(String sponsorName, Instant at) {

    public SponsorCountdown {
        Objects.requireNonNull(sponsorName, "sponsorName");
        Objects.requireNonNull(at, "at");
    }

    /** Whole seconds left at {@code now}, rounded up so the last second reads 1, never 0. */
    public long secondsLeft(Instant now) {
        Duration left = Duration.between(now, at);
        if (left.isNegative() || left.isZero()) {
            return 0;
        }
        return left.getNano() == 0 ? left.getSeconds() : left.getSeconds() + 1;
    }
}
