package com.gametriggers.companion.tracking.journal;

/** Hears what {@link Journal#open} had to throw away, and when writing stops and starts again. */
@FunctionalInterface
public interface JournalListener {

    /**
     * Called once for each segment whose damaged or torn tail was cut off at open, on the thread calling open. The
     * journal logs the same description at WARN itself, so a listener only needs to add what the log cannot, such as
     * telling the streamer.
     */
    void corruptionSkipped(String description);

    /**
     * Called on the writer thread when a write or fsync failed and appends are held in memory from now on, once per
     * outage, not per retry. The journal logs it itself.
     *
     * @param problem one sentence saying what failed, such as the disk being full
     */
    default void writingStopped(String problem) {
    }

    /** Called on the writer thread once the journal was reopened and everything held in memory is on disk. */
    default void writingResumed() {
    }

    /** For callers with nothing to add to the journal's own WARN line. */
    static JournalListener logging() {
        return CorruptionLog.INSTANCE;
    }
}
