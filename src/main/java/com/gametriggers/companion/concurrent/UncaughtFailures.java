package com.gametriggers.companion.concurrent;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to an exception no code caught, on any of the app's threads (the JavaFX thread too): its detail goes
 * to the log, where a bug report finds it, and the streamer is told in one sentence through {@code tell}. Without
 * it, such failures went to a stderr that nobody sees in an installed app.
 */
public final class UncaughtFailures implements Thread.UncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(UncaughtFailures.class);

    private final Consumer<Thread> tell;

    /** @param tell tells the streamer that something failed on this thread; must not block */
    public UncaughtFailures(Consumer<Thread> tell) {
        this.tell = tell;
    }

    /** Only the log: without a window (headless) there is nobody to tell. */
    public static UncaughtFailures logOnly() {
        return new UncaughtFailures(thread -> { });
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        log.error("Unexpected failure on the thread {}", thread.getName(), failure);
        try {
            tell.accept(thread);
        } catch (RuntimeException | Error e) {
            // Telling failed too (say the window is half gone): logged, never thrown back into this handler.
            log.error("The streamer could not be told of that failure", e);
        }
    }
}
