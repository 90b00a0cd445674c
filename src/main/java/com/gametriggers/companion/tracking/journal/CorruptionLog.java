package com.gametriggers.companion.tracking.journal;

import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs skipped corruption whatever listener the app passes, so that data loss always leaves a trace in the log. */
enum CorruptionLog implements JournalListener {
    INSTANCE;

    private static final Logger log = LoggerFactory.getLogger(Journal.class);

    @Override
    public void corruptionSkipped(String description) {
        log.warn("Journal corruption skipped: {}", description);
    }

    /** The log line plus the app's listener, without logging twice when the app's listener is this one. */
    static JournalListener alongside(JournalListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (listener == INSTANCE) {
            return INSTANCE;
        }
        return new JournalListener() {
            @Override
            public void corruptionSkipped(String description) {
                INSTANCE.corruptionSkipped(description);
                listener.corruptionSkipped(description);
            }

            @Override
            public void writingStopped(String problem) {
                listener.writingStopped(problem);
            }

            @Override
            public void writingResumed() {
                listener.writingResumed();
            }
        };
    }
}
