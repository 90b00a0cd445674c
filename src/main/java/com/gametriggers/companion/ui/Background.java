package com.gametriggers.companion.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javafx.application.Platform;

import com.gametriggers.companion.concurrent.NamedThreads;

/**
 * Runs store, network and disk work off the FX thread and hands the result back on it. One worker thread, so the
 * window's store work happens in the order it was asked for and never in parallel.
 */
public final class Background {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(NamedThreads.factory("store-work"));
    private final Consumer<Throwable> onFailure;

    /** @param onFailure what a failed piece of work tells the streamer, on the FX thread */
    public Background(Consumer<Throwable> onFailure) {
        this.onFailure = onFailure;
    }

    public <T> void run(Callable<T> work, Consumer<T> onSuccess) {
        run(work, onSuccess, onFailure);
    }

    /*
     * Not a javafx.concurrent.Task: a task reports each of its state changes on the FX thread, where one hand-over
     * per piece of work is all the window needs, and the status bar asks every two seconds.
     */
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> failure) {
        worker.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception | Error e) {
                Platform.runLater(() -> failure.accept(e));
                return;
            }
            Platform.runLater(() -> onSuccess.accept(result));
        });
    }

    /** Runs {@code last} after the work already asked for, and then takes no more. */
    public void finish(Runnable last) {
        worker.execute(last);
        worker.shutdown();
    }
}
