package com.gametriggers.companion.ui.shell;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.gametriggers.companion.concurrent.NamedThreads;

import javafx.application.Platform;

/**
 * Asks the window to refresh: every {@value #EVERY_SECONDS} s while the streamer looks at it; every
 * {@value #UNWATCHED_TICKS}th time while the game or OBS has the focus; never while it is minimized or closed to the
 * background. Only then does the FX thread hear of it, so an unwatched window costs next to nothing.
 *
 * <p>Not a Timeline: a running JavaFX animation keeps the render loop pulsing 60 times a second, which on a streaming
 * PC is CPU taken from the game and OBS for nothing.
 */
final class WindowRefresher {

    static final long EVERY_SECONDS = 2;
    static final int UNWATCHED_TICKS = 5;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            NamedThreads.factory("window-refresh"));
    /* Written by the stage's listeners on the FX thread, read by the timer's thread. */
    private volatile boolean focused = true;
    private volatile boolean minimized;
    private volatile boolean inBackground;
    /** Only the timer's thread uses it. */
    private int unwatchedTicks;

    /** Starts asking; {@code refresh} runs on the FX thread. */
    void start(Runnable refresh) {
        long every = Duration.ofSeconds(EVERY_SECONDS).toMillis();
        timer.scheduleWithFixedDelay(() -> {
            if (due()) {
                Platform.runLater(refresh);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /** One tick of the timer: whether the window should hear of it. */
    boolean due() {
        unwatchedTicks++;
        if (inBackground || minimized || !focused && unwatchedTicks < UNWATCHED_TICKS) {
            return false;
        }
        unwatchedTicks = 0;
        return true;
    }

    void focused(boolean isFocused) {
        focused = isFocused;
    }

    void minimized(boolean isMinimized) {
        minimized = isMinimized;
    }

    void inBackground(boolean closedToBackground) {
        inBackground = closedToBackground;
    }

    void stop() {
        timer.shutdownNow();
    }
}
