package com.gametriggers.companion.app;

import java.util.ArrayDeque;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the app has started, closed in reverse: the last service started (which uses the earlier ones) stops first,
 * and the store, which every other service writes to, stops last. The same stack undoes a start that failed halfway.
 */
final class Resources implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Resources.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    /** Keeps {@code resource} to be closed, before everything added earlier; returns it for the caller to use. */
    synchronized <T extends AutoCloseable> T add(T resource) {
        started.push(resource);
        return resource;
    }

    /** Closes everything, newest first; one that fails to close is logged and does not keep the rest open. */
    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable resource = started.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("{} did not close cleanly: {}", resource.getClass().getSimpleName(), e.toString());
                log.debug("Closing {}", resource, e);
            }
        }
    }
}
