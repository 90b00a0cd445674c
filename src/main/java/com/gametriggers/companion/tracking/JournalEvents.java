package com.gametriggers.companion.tracking;

import java.util.concurrent.atomic.AtomicLong;

import com.gametriggers.companion.tracking.journal.JournalListener;

/**
 * What the tracker hears from its journal: damaged tails skipped at open are counted, and a write that stops or
 * starts again is passed on as a status change. The journal is opened before the tracker exists, so the tracker
 * connects itself afterwards; nothing is written before then.
 */
final class JournalEvents implements JournalListener {

    private final AtomicLong damage = new AtomicLong();
    private volatile Runnable stateChanged = () -> { };

    void connect(Runnable stateChanged) {
        this.stateChanged = stateChanged;
    }

    AtomicLong damage() {
        return damage;
    }

    @Override
    public void corruptionSkipped(String description) {
        damage.incrementAndGet();
    }

    @Override
    public void writingStopped(String problem) {
        stateChanged.run();
    }

    @Override
    public void writingResumed() {
        stateChanged.run();
    }
}
