package com.gametriggers.companion.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every thread the app starts, named for what it does, so a thread dump or a log line says which service it belongs
 * to; docs/ARCHITECTURE.md lists them. All are daemons: the app ends when its services are closed, never because a
 * forgotten thread holds the JVM open, and closing is what flushes the journal.
 */
public final class NamedThreads {

    private NamedThreads() {
    }

    /** Threads named {@code name}, or {@code name-1}, {@code name-2}… when a pool makes several. */
    public static ThreadFactory factory(String name) {
        AtomicInteger made = new AtomicInteger();
        return runnable -> {
            int number = made.incrementAndGet();
            Thread thread = new Thread(runnable, number == 1 ? name : name + "-" + number);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Starts one named thread. */
    public static Thread start(String name, Runnable work) {
        Thread thread = factory(name).newThread(work);
        thread.start();
        return thread;
    }
}
