package com.gametriggers.companion.tracking.journal;

/** Hears what {@link Journal#open} had to throw away. */
@FunctionalInterface
public interface JournalListener {

    /**
     * Called once for each segment whose damaged or torn tail was cut off at open, on the thread calling open. The
     * journal logs the same description at WARN itself, so a listener only needs to add what the log cannot, such as
     * telling the streamer.
     */
    void corruptionSkipped(String description);

    /** For callers with nothing to add to the journal's own WARN line. */
    static JournalListener logging() {
        return CorruptionLog.INSTANCE;
    }
}
