package com.gametriggers.companion.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who follows a sign-in's changes. Each is told on the thread that made the change; one that fails is logged and the
 * others are still told, so a broken listener cannot keep chat running on a sign-in that is gone.
 */
final class ChangeListeners {

    private static final Logger log = LoggerFactory.getLogger(ChangeListeners.class);

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final String followed;

    /** @param followed what changes, for the log: "the Twitch sign-in" */
    ChangeListeners(String followed) {
        this.followed = followed;
    }

    void add(Runnable listener) {
        listeners.add(listener);
    }

    void remove(Runnable listener) {
        listeners.remove(listener);
    }

    void changed() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.error("Following a change of {} failed", followed, e);
            }
        }
    }
}
