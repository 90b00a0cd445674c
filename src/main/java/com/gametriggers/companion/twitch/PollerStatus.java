package com.gametriggers.companion.twitch;

import java.time.Instant;

/**
 * How the stream status polling is doing, for the status bar: when a poll last succeeded (null before the first),
 * what went wrong in the latest poll (null when it succeeded), and whether that is an expired sign-in, which only
 * signing in again fixes.
 */
public record PollerStatus(Instant lastSuccess, String problem, boolean signInExpired) {

    static PollerStatus notYetPolled() {
        return new PollerStatus(null, null, false);
    }
}
