package com.gametriggers.companion.chat;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential reconnect delays with jitter: attempt n waits between half and all of {@code initial x 2^n}, capped at
 * {@code max}. The jitter keeps many apps that lost Twitch at the same moment from coming back in lockstep; the
 * lower half bound keeps a retry from ever being immediate.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    /** @param random values in [0, 1) */
    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("Need 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(2), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param attempt 0 for the first retry after a working connection */
    public Duration delay(int attempt) {
        long maxMillis = max.toMillis();
        long ceiling = initial.toMillis();
        for (int i = 0; i < attempt && ceiling < maxMillis; i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, maxMillis);
        return Duration.ofMillis(ceiling / 2 + (long) (ceiling / 2.0 * random.getAsDouble()));
    }
}
