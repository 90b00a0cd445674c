package com.gametriggers.companion.tracking;

/** What became of a recorded event once {@link Tracker#record} completed. */
public enum RecordOutcome {
    /** Durable in the journal; it will reach the store exactly once. */
    RECORDED,
    /** Durable, as a repeat click of the same viewer within the click guard's window: counted as filtered. */
    FILTERED,
    /** Its id was seen before, within the retention window: dropped and counted as a duplicate. */
    DUPLICATE
}
