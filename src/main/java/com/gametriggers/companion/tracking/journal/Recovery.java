package com.gametriggers.companion.tracking.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.gametriggers.companion.tracking.journal.SegmentFiles.SegmentFile;

/**
 * Brings the segments found at open back to a state that can be trusted: each damaged tail is cut off and reported,
 * segments left without records are removed, and the next sequence is chosen above everything ever handed out.
 */
final class Recovery {

    record RecoveredSegment(Path path, long firstSequence, long length) {
    }

    record Result(List<RecoveredSegment> segments, long nextSequence, int damagedSegments) {
    }

    private Recovery() {
    }

    /**
     * Recovery while the journal stays open, after a write or fsync of the segment being written failed: what the
     * failed write left after its last durable byte is cut off first, whether or not it reads as whole records, since
     * none of it was acknowledged and it is about to be written again.
     */
    static Result afterFailedWrite(Path dir, Path newest, long durableLength, JournalListener listener)
            throws IOException {
        if (Files.exists(newest)) {
            cutAndForce(newest, durableLength);
        }
        return run(dir, listener);
    }

    /** @throws JournalFormatException if a newer version wrote any segment; then no file has been changed */
    static Result run(Path dir, JournalListener listener) throws IOException {
        List<SegmentFile> files = SegmentFiles.list(dir);
        for (SegmentFile file : files) {
            SegmentHeader.refuseNewer(file.path());
        }
        List<RecoveredSegment> kept = new ArrayList<>();
        long lastSequence = 0;
        long nextSequence = 1;
        int damaged = 0;
        for (int i = 0; i < files.size(); i++) {
            SegmentFile file = files.get(i);
            long sequenceLimit = i + 1 < files.size() ? files.get(i + 1).firstSequence() : Long.MAX_VALUE;
            long minSequence = Math.max(lastSequence + 1, file.firstSequence());
            Scan scan = scan(file.path(), minSequence, sequenceLimit);
            nextSequence = Math.max(nextSequence, scan.firstUnusedSequence());
            if (scan.records == 0) {
                Files.delete(file.path());
            } else {
                cutAndForce(file.path(), scan.goodLength);
                kept.add(new RecoveredSegment(file.path(), file.firstSequence(), scan.goodLength));
                lastSequence = scan.lastSequence;
            }
            if (scan.damage != null) {
                damaged++;
                listener.corruptionSkipped(describe(file.path(), scan));
            }
        }
        return new Result(List.copyOf(kept), nextSequence, damaged);
    }

    private record Scan(long fileLength, long goodLength, int records, long lastSequence, String damage) {

        /**
         * Above every sequence this segment can have held: even an empty segment's name was handed out, and a
         * damaged part may have held records that were acknowledged and consumed, whose sequences must not come
         * back with other contents. The writer numbers a segment's records consecutively and none is smaller than a
         * header, which bounds how far they can have gone.
         */
        long firstUnusedSequence() {
            return lastSequence + 1 + (fileLength - goodLength) / RecordCodec.HEADER_BYTES;
        }
    }

    private static Scan scan(Path file, long minSequence, long sequenceLimit) throws IOException {
        long fileLength = Files.size(file);
        long lastSequence = minSequence - 1;
        int records = 0;
        try (SegmentReader reader = SegmentReader.open(file, fileLength, minSequence, sequenceLimit)) {
            for (JournalRecord record = reader.next(); record != null; record = reader.next()) {
                lastSequence = record.sequence();
                records++;
            }
            return new Scan(fileLength, reader.goodLength(), records, lastSequence, reader.damage());
        }
    }

    /**
     * Forces even an undamaged segment: records that a crashed process wrote but never forced are readable now, yet
     * without this a power cut could still take them after they were replayed and their sequences handed out again.
     */
    private static void cutAndForce(Path file, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
            channel.force(true);
        }
    }

    private static String describe(Path file, Scan scan) {
        String kept = scan.records == 0
                ? "no records were readable, so the segment was removed"
                : "records up to sequence " + scan.lastSequence + " were kept";
        return file.getFileName() + ": " + scan.damage + "; cut off " + (scan.fileLength - scan.goodLength)
                + " bytes, " + kept;
    }
}
