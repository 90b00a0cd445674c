package com.gametriggers.companion.tracking.journal;

import static com.gametriggers.companion.tracking.journal.JournalFixtures.TEN_RECORD_SEGMENTS;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.appendOneByOne;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.await;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.expected;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.payload;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.replayed;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.segmentFile;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.segmentFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class JournalReleaseTest {

    @TempDir
    Path dir;

    @Test
    void releasingDeletesOnlyWholeSegmentsAtOrBelowTheMark() throws Exception {
        try (Journal journal = Journal.open(dir, TEN_RECORD_SEGMENTS, JournalListener.logging())) {
            appendOneByOne(journal, 1, 50);
            assertThat(segmentFiles(dir)).hasSize(5);

            journal.releaseThrough(19);
            assertThat(segmentFiles(dir)).containsExactly(
                    segmentFile(dir, 11), segmentFile(dir, 21), segmentFile(dir, 31), segmentFile(dir, 41));

            journal.releaseThrough(25);
            assertThat(segmentFiles(dir)).containsExactly(
                    segmentFile(dir, 21), segmentFile(dir, 31), segmentFile(dir, 41));
            assertThat(journal.stats().segments()).isEqualTo(3);
            assertThat(journal.stats().bytesOnDisk())
                    .isEqualTo(3L * (SegmentHeader.BYTES + 10L * JournalFixtures.RECORD_BYTES));
        }

        try (Journal reopened = Journal.open(dir, TEN_RECORD_SEGMENTS, JournalListener.logging())) {
            assertThat(replayed(reopened)).isEqualTo(expected(21, 50));
        }
    }

    @Test
    void theSegmentBeingWrittenIsNeverDeleted() throws Exception {
        try (Journal journal = Journal.open(dir, TEN_RECORD_SEGMENTS, JournalListener.logging())) {
            appendOneByOne(journal, 1, 45);

            journal.releaseThrough(Long.MAX_VALUE);

            assertThat(segmentFiles(dir)).containsExactly(segmentFile(dir, 41));
            assertThat(await(journal.append(payload(46)))).isEqualTo(46);
        }

        try (Journal reopened = Journal.open(dir, TEN_RECORD_SEGMENTS, JournalListener.logging())) {
            assertThat(replayed(reopened)).isEqualTo(expected(41, 46));
        }
    }

    @Test
    void recordsFoundAtOpenCanAllBeReleasedOnceReplayed() throws Exception {
        try (Journal journal = Journal.open(dir, TEN_RECORD_SEGMENTS, JournalListener.logging())) {
            appendOneByOne(journal, 1, 30);
        }

        try (Journal reopened = Journal.open(dir, TEN_RECORD_SEGMENTS, JournalListener.logging())) {
            reopened.releaseThrough(replayed(reopened).get(29).sequence());

            // Only the fresh segment opened for writing is left.
            assertThat(segmentFiles(dir)).containsExactly(segmentFile(dir, 31));
        }
    }

    @Test
    void releasingWhileAppendingNeverLosesAnUnreleasedRecord() throws Exception {
        JournalOptions smallSegments = new JournalOptions(2048, 1024, 1 << 20, Duration.ZERO);
        Map<Long, byte[]> appended = new ConcurrentHashMap<>();
        AtomicLong released = new AtomicLong();
        AtomicBoolean appending = new AtomicBoolean(true);
        try (Journal journal = Journal.open(dir, smallSegments, JournalListener.logging())) {
            Thread releaser = new Thread(() -> {
                try {
                    while (appending.get()) {
                        long mark = journal.lastDurableSequence() - 50;
                        journal.releaseThrough(mark);
                        released.set(Math.max(released.get(), mark));
                    }
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            releaser.start();
            JournalAppendTest.runConcurrently(4, thread -> {
                List<CompletableFuture<Long>> futures = new ArrayList<>();
                for (int i = 0; i < 2000; i++) {
                    futures.add(journal.append(payload(thread * 10_000L + i)));
                }
                for (int i = 0; i < futures.size(); i++) {
                    appended.put(await(futures.get(i)), payload(thread * 10_000L + i));
                }
            });
            appending.set(false);
            releaser.join();
        }

        try (Journal reopened = Journal.open(dir, smallSegments, JournalListener.logging())) {
            List<JournalRecord> recovered = replayed(reopened);
            List<JournalRecord> unreleased = appended.entrySet().stream()
                    .filter(entry -> entry.getKey() > released.get())
                    .map(entry -> new JournalRecord(entry.getKey(), entry.getValue()))
                    .sorted((a, b) -> Long.compare(a.sequence(), b.sequence()))
                    .toList();
            assertThat(unreleased).isNotEmpty();
            assertThat(recovered).containsSubsequence(unreleased);
            assertThat(recovered.get(recovered.size() - 1).sequence()).isEqualTo(8000);
        }
    }
}
