package com.gametriggers.companion.tracking.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;

/**
 * The segments on disk and their sizes, shared by the writer thread, which adds and grows the newest, and by callers
 * of {@link Journal#releaseThrough}, which delete the oldest.
 */
final class LiveSegments {

    private final Path dir;
    private final TreeMap<Long, Long> sizesByFirstSequence = new TreeMap<>();

    LiveSegments(Path dir) {
        this.dir = dir;
    }

    synchronized void add(long firstSequence, long bytes) {
        sizesByFirstSequence.put(firstSequence, bytes);
    }

    synchronized void growNewest(long bytes) {
        sizesByFirstSequence.merge(sizesByFirstSequence.lastKey(), bytes, Long::sum);
    }

    /** Deletes the oldest segments while all their records are at most upTo; never the newest, being written. */
    synchronized void releaseThrough(long upTo) throws IOException {
        while (sizesByFirstSequence.size() > 1) {
            long oldest = sizesByFirstSequence.firstKey();
            // Every record of a segment lies below the next segment's first sequence.
            long nextFirst = sizesByFirstSequence.higherKey(oldest);
            if (nextFirst - 1 > upTo) {
                return;
            }
            Files.deleteIfExists(SegmentFiles.path(dir, oldest));
            sizesByFirstSequence.remove(oldest);
        }
    }

    /**
     * Runs {@link Recovery#afterFailedWrite} with releases kept out, and takes the segments it kept as the live
     * ones: it may have removed the newest, if nothing in it was durable.
     */
    synchronized Recovery.Result recoverAfterFailedWrite(long newestFirstSequence, long durableLength,
            JournalListener listener) throws IOException {
        Recovery.Result recovered = Recovery.afterFailedWrite(dir, SegmentFiles.path(dir, newestFirstSequence),
                durableLength, listener);
        sizesByFirstSequence.clear();
        recovered.segments().forEach(segment -> add(segment.firstSequence(), segment.length()));
        return recovered;
    }

    synchronized int count() {
        return sizesByFirstSequence.size();
    }

    synchronized long bytes() {
        return sizesByFirstSequence.values().stream().mapToLong(Long::longValue).sum();
    }
}
