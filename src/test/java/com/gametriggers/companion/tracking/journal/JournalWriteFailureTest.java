package com.gametriggers.companion.tracking.journal;

import static com.gametriggers.companion.tracking.journal.JournalFixtures.TEN_RECORD_SEGMENTS;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.appendOneByOne;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.await;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.expected;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.payload;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.replayed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import org.awaitility.Awaitility;
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

/**
 * A write or fsync fails, as on a full or failing disk: appends are held, the journal reopens itself with backoff,
 * and every held record ends up on disk exactly once, with nothing of the failed attempts left behind.
 */
@Timeout(60)
class JournalWriteFailureTest {

    private static final JournalOptions QUICK_RETRIES =
            TEN_RECORD_SEGMENTS.withRetryDelays(Duration.ofMillis(5), Duration.ofMillis(40));

    @TempDir
    Path dir;

    private final FaultySegments disk = new FaultySegments();
    private final List<String> changes = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> writerLog = new ListAppender<>();
    private final JournalListener listener = new JournalListener() {
        @Override
        public void corruptionSkipped(String description) {
            changes.add("corruption: " + description);
        }

        @Override
        public void writingStopped(String problem) {
            changes.add("stopped: " + problem);
        }

        @Override
        public void writingResumed() {
            changes.add("resumed");
        }
    };

    @BeforeEach
    void captureWriterLog() {
        writerLog.start();
        ((Logger) LoggerFactory.getLogger(JournalWriter.class)).addAppender(writerLog);
    }

    @AfterEach
    void releaseWriterLog() {
        ((Logger) LoggerFactory.getLogger(JournalWriter.class)).detachAppender(writerLog);
    }

    @Test
    void recordsHeldDuringAFullDiskAreWrittenOnceItHasRoomAgain() throws Exception {
        try (Journal journal = Journal.open(dir, QUICK_RETRIES, listener, disk::wrap)) {
            appendOneByOne(journal, 1, 3);
            disk.failWrites(true);
            List<CompletableFuture<Long>> held = appendAll(journal, 4, 15);

            Awaitility.await().until(() -> disk.opened() >= 5);
            assertThat(held).noneMatch(CompletableFuture::isDone);
            assertThat(journal.writeProblem()).contains("No space left on device");
            disk.failWrites(false);

            assertThat(sequencesOf(held)).containsExactly(4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L);
            assertThat(journal.writeProblem()).isNull();
            await(journal.append(payload(16)));
        }
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0)).startsWith("stopped: Writing to the journal in ").contains("No space left on device");
        assertThat(changes.get(1)).isEqualTo("resumed");
        assertThat(writerLog.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
                .as("one line when writing stops and one when it resumes, not one per try")
                .extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
        try (Journal reopened = Journal.open(dir, TEN_RECORD_SEGMENTS, listener)) {
            assertThat(replayed(reopened)).isEqualTo(expected(1, 16));
            assertThat(reopened.stats().corruptTailsSkipped()).isZero();
        }
    }

    @Test
    void recordsWrittenButNotForcedAreCutAwayAndWrittenOnlyOnce() throws Exception {
        try (Journal journal = Journal.open(dir, QUICK_RETRIES, listener, disk::wrap)) {
            appendOneByOne(journal, 1, 2);
            disk.failForces(true);
            List<CompletableFuture<Long>> held = appendAll(journal, 3, 6);
            Awaitility.await().until(() -> disk.opened() >= 3);
            disk.failForces(false);

            assertThat(sequencesOf(held)).containsExactly(3L, 4L, 5L, 6L);
        }
        try (Journal reopened = Journal.open(dir, TEN_RECORD_SEGMENTS, listener)) {
            assertThat(replayed(reopened)).isEqualTo(expected(1, 6));
        }
    }

    @Test
    void closingWhileTheDiskIsFullFailsWhatIsHeldAndKeepsWhatWasOnDisk() throws Exception {
        List<CompletableFuture<Long>> held;
        try (Journal journal = Journal.open(dir, QUICK_RETRIES, listener, disk::wrap)) {
            appendOneByOne(journal, 1, 3);
            disk.failWrites(true);
            held = appendAll(journal, 4, 6);
            Awaitility.await().until(() -> journal.writeProblem() != null);
        }
        for (CompletableFuture<Long> append : held) {
            assertThatThrownBy(append::get).isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("closed while it could not be written");
        }
        assertThat(writerLog.list).filteredOn(event -> event.getLevel() == Level.ERROR).singleElement()
                .extracting(ILoggingEvent::getFormattedMessage).asString().contains("3 records held in memory are lost");
        try (Journal reopened = Journal.open(dir, TEN_RECORD_SEGMENTS, listener)) {
            assertThat(replayed(reopened)).isEqualTo(expected(1, 3));
            assertThat(reopened.stats().corruptTailsSkipped()).isZero();
        }
    }

    @Test
    void heldRecordsCountAgainstTheLimitsSoABurstBlocksInsteadOfFillingMemory() throws Exception {
        JournalOptions fourPending = new JournalOptions(1 << 20, 4, 1 << 20, Duration.ZERO)
                .withRetryDelays(Duration.ofMillis(5), Duration.ofMillis(40));
        try (Journal journal = Journal.open(dir, fourPending, listener, disk::wrap)) {
            disk.failWrites(true);
            List<CompletableFuture<Long>> held = appendAll(journal, 1, 4);
            Awaitility.await().until(() -> journal.writeProblem() != null);
            CompletableFuture<CompletableFuture<Long>> fifth = new CompletableFuture<>();
            Thread producer = new Thread(() -> fifth.complete(journal.append(payload(5))), "producer");
            producer.start();

            Awaitility.await().until(() -> producer.getState() == Thread.State.WAITING);
            assertThat(fifth).isNotDone();
            assertThat(held).noneMatch(CompletableFuture::isDone);
            disk.failWrites(false);

            assertThat(sequencesOf(held)).containsExactly(1L, 2L, 3L, 4L);
            assertThat(await(fifth.get())).isEqualTo(5L);
        }
    }

    private static List<CompletableFuture<Long>> appendAll(Journal journal, long from, long to) {
        List<CompletableFuture<Long>> appends = new ArrayList<>();
        for (long n = from; n <= to; n++) {
            appends.add(journal.append(payload(n)));
        }
        return appends;
    }

    private static List<Long> sequencesOf(List<CompletableFuture<Long>> appends) throws Exception {
        List<Long> sequences = new ArrayList<>();
        for (CompletableFuture<Long> append : appends) {
            sequences.add(await(append));
        }
        return sequences;
    }
}
