package com.gametriggers.companion.concurrent;

import java.time.Duration;

/** Waits. A parameter rather than {@code Thread.sleep}, so tests can see how long a client waited without waiting. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
