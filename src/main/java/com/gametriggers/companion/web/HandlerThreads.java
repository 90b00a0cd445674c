package com.gametriggers.companion.web;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.gametriggers.companion.concurrent.NamedThreads;

/**
 * The threads a JDK HTTP server answers on. That server reads a request's headers on these threads, blocking, so a
 * client that never finishes its headers holds one until the server's request deadline (10 s) cuts it off. A fixed
 * pool of a few threads is then starved by a handful of slow clients; this pool grows instead, one thread per
 * request in flight, up to {@value #MAX_THREADS}, and shrinks again when idle. Past that many requests at once a new
 * connection is closed at once rather than queued behind the slow ones.
 */
public final class HandlerThreads {

    static final int MAX_THREADS = 1024;
    private static final int CORE_THREADS = 4;

    private HandlerThreads() {
    }

    public static ExecutorService elastic(String name) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(CORE_THREADS, MAX_THREADS, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), NamedThreads.factory(name));
        return pool;
    }

    /**
     * Two threads that write answers decided later (once a click or an impression is durable): a write of a few
     * hundred bytes never waits, and a queue here cannot be refused the way the elastic pool refuses past its limit.
     */
    public static ExecutorService answers(String name) {
        return Executors.newFixedThreadPool(2, NamedThreads.factory(name));
    }
}
