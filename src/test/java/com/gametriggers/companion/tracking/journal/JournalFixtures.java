package com.gametriggers.companion.tracking.journal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Shared helpers for the journal tests: fixed-size records, segment files and damage. */
final class JournalFixtures {

    /** With 32-byte payloads every record takes 48 bytes, so offsets inside a segment are easy to compute. */
    static final int PAYLOAD_BYTES = 32;
    static final int RECORD_BYTES = RecordCodec.HEADER_BYTES + PAYLOAD_BYTES;
    static final int RECORDS_PER_SEGMENT = 10;

    /** Appended one at a time, records fill segments of exactly ten. */
    static final JournalOptions TEN_RECORD_SEGMENTS =
            new JournalOptions(SegmentHeader.BYTES + RECORDS_PER_SEGMENT * RECORD_BYTES, 1024, 1 << 20, Duration.ZERO);

    /** The writer waits this long for a group to fill, so only a blocked producer or close() makes it write. */
    static final Duration FOREVER = Duration.ofHours(1);

    private JournalFixtures() {
    }

    static byte[] payload(long n) {
        byte[] text = String.format("record %025d", n).getBytes(UTF_8);
        if (text.length != PAYLOAD_BYTES) {
            throw new IllegalStateException("fixture payloads must be " + PAYLOAD_BYTES + " bytes");
        }
        return text;
    }

    static long await(CompletableFuture<Long> append) throws Exception {
        return append.get(30, TimeUnit.SECONDS);
    }

    /** Appends payload(from) .. payload(to) one after the other, so that each is its own group. */
    static void appendOneByOne(Journal journal, long from, long to) throws Exception {
        for (long n = from; n <= to; n++) {
            await(journal.append(payload(n)));
        }
    }

    static List<JournalRecord> replayed(Journal journal) throws IOException {
        List<JournalRecord> records = new ArrayList<>();
        journal.replay(records::add);
        return records;
    }

    /** The records payload(from) .. payload(to) as appended one by one into a fresh journal. */
    static List<JournalRecord> expected(long from, long to) {
        List<JournalRecord> records = new ArrayList<>();
        for (long n = from; n <= to; n++) {
            records.add(new JournalRecord(n, payload(n)));
        }
        return records;
    }

    static List<Path> segmentFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "journal-*.log")) {
            stream.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    static Path segmentFile(Path dir, long firstSequence) {
        return dir.resolve(String.format("journal-%020d.log", firstSequence));
    }

    static void cutTo(Path file, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
        }
    }

    static void overwrite(Path file, long position, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), position);
        }
    }

    static void flipBit(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x10));
            channel.write(one.rewind(), position);
        }
    }

    /** Where, in a segment of one-by-one appended fixture records, the payload of a given record starts. */
    static long payloadOffset(long sequence) {
        long indexInSegment = (sequence - 1) % RECORDS_PER_SEGMENT;
        return SegmentHeader.BYTES + indexInSegment * RECORD_BYTES + RecordCodec.HEADER_BYTES;
    }

    /** The segment holding a one-by-one appended fixture record, when the journal started at sequence 1. */
    static Path segmentOf(Path dir, long sequence) {
        return segmentFile(dir, (sequence - 1) / RECORDS_PER_SEGMENT * RECORDS_PER_SEGMENT + 1);
    }
}
