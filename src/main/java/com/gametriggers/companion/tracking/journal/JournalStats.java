package com.gametriggers.companion.tracking.journal;

/**
 * A snapshot of a journal's counters.
 *
 * @param appended            records made durable since open
 * @param fsyncs              group commits forced to disk since open
 * @param bytesOnDisk         size of all segment files not yet released, including the one being written
 * @param segments            number of those segment files
 * @param corruptTailsSkipped segments whose damaged tail was cut off at open
 */
public record JournalStats(long appended, long fsyncs, long bytesOnDisk, int segments, int corruptTailsSkipped) {
}
