package com.gametriggers.companion.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javafx.concurrent.Task;

/**
 * Runs store, network and disk work off the FX thread and hands the result back on it. One worker thread, so the
 * window's store work happens in the order it was asked for and never in parallel.
 */
public final class Background {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "store-work");
        thread.setDaemon(true);
        return thread;
    });
    private final Consumer<Throwable> onFailure;

    /** @param onFailure what a failed piece of work tells the streamer, on the FX thread */
    public Background(Consumer<Throwable> onFailure) {
        this.onFailure = onFailure;
    }

    public <T> void run(Callable<T> work, Consumer<T> onSuccess) {
        run(work, onSuccess, onFailure);
    }

    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> failure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(event -> onSuccess.accept(task.getValue()));
        task.setOnFailed(event -> failure.accept(task.getException()));
        worker.execute(task);
    }

    /** Runs {@code last} after the work already asked for, and then takes no more. */
    public void finish(Runnable last) {
        worker.execute(last);
        worker.shutdown();
    }
}
