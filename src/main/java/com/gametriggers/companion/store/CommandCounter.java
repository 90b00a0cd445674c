package com.gametriggers.companion.store;

import java.util.concurrent.atomic.LongAdder;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/** Counts the commands the driver sends, to show how many round trips the app's writes cost. */
final class CommandCounter implements CommandListener {

    private final LongAdder started = new LongAdder();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        started.increment();
    }

    long count() {
        return started.sum();
    }
}
