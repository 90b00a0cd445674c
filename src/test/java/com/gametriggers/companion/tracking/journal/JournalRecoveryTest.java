package com.gametriggers.companion.tracking.journal;

import static com.gametriggers.companion.tracking.journal.JournalFixtures.RECORD_BYTES;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.TEN_RECORD_SEGMENTS;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.appendOneByOne;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.await;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.cutTo;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.expected;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.flipBit;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.overwrite;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.payload;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.payloadOffset;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.replayed;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.segmentFile;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.segmentFiles;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.segmentOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

@Timeout(60)
class JournalRecoveryTest {

    @TempDir
    Path dir;

    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> journalLog = new ListAppender<>();

    @BeforeEach
    void captureJournalLog() {
        journalLog.start();
        ((Logger) LoggerFactory.getLogger(Journal.class)).addAppender(journalLog);
    }

    @AfterEach
    void releaseJournalLog() {
        ((Logger) LoggerFactory.getLogger(Journal.class)).detachAppender(journalLog);
    }

    @Test
    void aTornLastRecordIsCutOffOnceAndEverythingBeforeItIsKept() throws Exception {
        writeConcurrently(100);
        Path last = lastSegment();
        cutTo(last, Files.size(last) - 7);

        assertThat(reopenAndReplay()).isEqualTo(expected(1, 99));
        assertThat(reports).singleElement().asString()
                .contains(last.getFileName().toString(), "cut short", "up to sequence 99");

        assertThat(reopenAndReplay()).isEqualTo(expected(1, 99));
        assertThat(reports).hasSize(1);
    }

    @Test
    void garbageOverTheTailIsCutOffOnceAndEverythingBeforeItIsKept() throws Exception {
        writeConcurrently(100);
        Path last = lastSegment();
        byte[] garbage = new byte[10];
        Arrays.fill(garbage, (byte) 0xA5);
        overwrite(last, Files.size(last) - garbage.length, garbage);

        assertThat(reopenAndReplay()).isEqualTo(expected(1, 99));
        assertThat(reports).singleElement().asString().contains("checksum mismatch");

        assertThat(reopenAndReplay()).isEqualTo(expected(1, 99));
        assertThat(reports).hasSize(1);
    }

    @Test
    void aFlippedBitInAMiddleRecordEndsOnlyItsOwnSegment() throws Exception {
        writeOneByOne(30);
        flipBit(segmentOf(dir, 15), payloadOffset(15) + 3);

        List<JournalRecord> expected = new ArrayList<>(expected(1, 14));
        expected.addAll(expected(21, 30));
        assertThat(reopenAndReplay()).isEqualTo(expected);
        assertThat(reports).singleElement().asString()
                .contains(segmentOf(dir, 15).getFileName().toString(), "checksum mismatch",
                        "at byte " + (SegmentHeader.BYTES + 4 * RECORD_BYTES));

        assertThat(reopenAndReplay()).isEqualTo(expected);
        assertThat(reports).hasSize(1);
    }

    @Test
    void eachDamagedSegmentIsReportedExactlyOnce() throws Exception {
        writeOneByOne(30);
        flipBit(segmentOf(dir, 5), payloadOffset(5));
        cutTo(segmentOf(dir, 30), Files.size(segmentOf(dir, 30)) - 1);

        List<JournalRecord> expected = new ArrayList<>(expected(1, 4));
        expected.addAll(expected(11, 29));
        assertThat(reopenAndReplay()).isEqualTo(expected);
        assertThat(reports).hasSize(2);
        assertThat(reopened(JournalListener.logging()).corruptTailsSkipped()).isZero();
    }

    @Test
    void anImpossibleLengthEndsTheSegment() throws Exception {
        writeOneByOne(30);
        long recordSeven = payloadOffset(7) - RecordCodec.HEADER_BYTES;
        overwrite(segmentOf(dir, 7), recordSeven, ByteBuffer.allocate(4).putInt(0, Integer.MAX_VALUE).array());

        List<JournalRecord> expected = new ArrayList<>(expected(1, 6));
        expected.addAll(expected(11, 30));
        assertThat(reopenAndReplay()).isEqualTo(expected);
        assertThat(reports).singleElement().asString().contains("impossible record length");
    }

    @Test
    void aSequenceThatDoesNotIncreaseEndsTheSegment() throws Exception {
        Files.write(segmentFile(dir, 1), encoded(1, 2, 3, 2, 5));

        assertThat(reopenAndReplay()).isEqualTo(expected(1, 3));
        assertThat(reports).singleElement().asString().contains("sequence 2 out of order");
        try (Journal journal = Journal.open(dir, TEN_RECORD_SEGMENTS, reports::add)) {
            assertThat(await(journal.append(payload(6)))).isGreaterThan(5);
        }
    }

    @Test
    void aSegmentWithNothingReadableIsReportedAndRemoved() throws Exception {
        writeOneByOne(20);
        Path second = segmentFile(dir, 11);
        overwrite(second, 0, new byte[RecordCodec.HEADER_BYTES]);

        assertThat(reopenAndReplay()).isEqualTo(expected(1, 10));
        assertThat(reports).singleElement().asString().contains("segment was removed");
        assertThat(second).doesNotExist();
        try (Journal journal = Journal.open(dir, TEN_RECORD_SEGMENTS, reports::add)) {
            // Records 11 to 20 were acknowledged before the damage; their sequences must not return with other data.
            assertThat(await(journal.append(payload(21)))).isGreaterThan(20);
        }
    }

    @Test
    void emptySegmentsAreRemovedWithoutAReport() throws Exception {
        writeOneByOne(3);
        Journal.open(dir, TEN_RECORD_SEGMENTS, reports::add).close();
        assertThat(segmentFile(dir, 4)).hasSize(SegmentHeader.BYTES);

        try (Journal journal = Journal.open(dir, TEN_RECORD_SEGMENTS, reports::add)) {
            assertThat(replayed(journal)).isEqualTo(expected(1, 3));
            assertThat(journal.stats().segments()).isEqualTo(2);
            assertThat(await(journal.append(payload(4)))).isEqualTo(4);
        }
        assertThat(reports).isEmpty();
        assertThat(journalLog.list).noneMatch(event -> event.getLevel() == Level.WARN);
    }

    @Test
    void corruptionIsLoggedOnceAtWarnWhateverTheListener() throws Exception {
        writeOneByOne(30);
        flipBit(segmentOf(dir, 5), payloadOffset(5));
        flipBit(segmentOf(dir, 25), payloadOffset(25));

        reopened(JournalListener.logging());

        assertThat(journalLog.list).filteredOn(event -> event.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage)
                .hasSize(2)
                .allSatisfy(message -> assertThat(message).contains("checksum mismatch"));
    }

    @Test
    void afterATornTailWritingGoesOnInANewSegmentWithoutReusingTheLostSequence() throws Exception {
        writeConcurrently(100);
        Path last = lastSegment();
        cutTo(last, Files.size(last) - 7);

        long next;
        try (Journal journal = Journal.open(dir, JournalOptions.defaults(), reports::add)) {
            next = await(journal.append(payload(101)));
        }

        // Record 100 had been acknowledged before it was damaged, so its sequence is not handed out again.
        assertThat(next).isGreaterThan(100);
        assertThat(last).hasSize(SegmentHeader.BYTES + 99L * RECORD_BYTES);
        assertThat(segmentFile(dir, next)).hasSize(SegmentHeader.BYTES + RECORD_BYTES);
        try (Journal journal = Journal.open(dir, JournalOptions.defaults(), reports::add)) {
            List<JournalRecord> expected = new ArrayList<>(expected(1, 99));
            expected.add(new JournalRecord(next, payload(101)));
            assertThat(replayed(journal)).isEqualTo(expected);
        }
        assertThat(reports).hasSize(1);
    }

    private void writeConcurrently(int records) throws Exception {
        try (Journal journal = Journal.open(dir, JournalOptions.defaults(), reports::add)) {
            List<CompletableFuture<Long>> futures = new ArrayList<>();
            for (int n = 1; n <= records; n++) {
                futures.add(journal.append(payload(n)));
            }
            for (CompletableFuture<Long> future : futures) {
                await(future);
            }
        }
    }

    private void writeOneByOne(int records) throws Exception {
        try (Journal journal = Journal.open(dir, TEN_RECORD_SEGMENTS, reports::add)) {
            appendOneByOne(journal, 1, records);
        }
    }

    private Path lastSegment() throws Exception {
        List<Path> files = segmentFiles(dir);
        return files.get(files.size() - 1);
    }

    private List<JournalRecord> reopenAndReplay() throws Exception {
        try (Journal journal = Journal.open(dir, TEN_RECORD_SEGMENTS, reports::add)) {
            return replayed(journal);
        }
    }

    private JournalStats reopened(JournalListener listener) throws Exception {
        try (Journal journal = Journal.open(dir, TEN_RECORD_SEGMENTS, listener)) {
            return journal.stats();
        }
    }

    private static byte[] encoded(long... sequences) {
        ByteBuffer buffer = ByteBuffer.allocate(sequences.length * RECORD_BYTES);
        for (long sequence : sequences) {
            RecordCodec.encode(sequence, payload(sequence), buffer);
        }
        return buffer.array();
    }
}
