package com.gametriggers.companion.tracking.journal;

import static com.gametriggers.companion.tracking.journal.JournalFixtures.FOREVER;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.TEN_RECORD_SEGMENTS;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.appendOneByOne;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.await;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.expected;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.payload;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.replayed;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.segmentFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class JournalAppendTest {

    @TempDir
    Path dir;

    @Test
    void recordsAppendedFromSeveralThreadsAreRecoveredInSequenceOrderWithTheirPayloads() throws Exception {
        int threads = 4;
        int perThread = 500;
        Map<Long, byte[]> appendedBySequence = new ConcurrentHashMap<>();
        JournalOptions smallSegments = new JournalOptions(16 * 1024, 1024, 1 << 20, Duration.ofMillis(1));
        try (Journal journal = Journal.open(dir, smallSegments, JournalListener.logging())) {
            runConcurrently(threads, thread -> {
                List<CompletableFuture<Long>> futures = new ArrayList<>();
                List<byte[]> payloads = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    // Sizes vary, empty included, so records straddle segment boundaries at odd offsets.
                    byte[] payload = ("t" + thread + "-" + i + "-".repeat(i % 97)).getBytes(StandardCharsets.UTF_8);
                    payloads.add(i % 50 == 0 ? new byte[0] : payload);
                    futures.add(journal.append(payloads.get(i)));
                }
                for (int i = 0; i < perThread; i++) {
                    appendedBySequence.put(await(futures.get(i)), payloads.get(i));
                }
            });
            assertThat(journal.lastDurableSequence()).isEqualTo(threads * perThread);
            assertThat(journal.stats().segments()).isGreaterThan(1);
        }

        try (Journal reopened = Journal.open(dir, smallSegments, JournalListener.logging())) {
            List<JournalRecord> recovered = replayed(reopened);

            assertThat(recovered).extracting(JournalRecord::sequence)
                    .containsExactly(LongStream.rangeClosed(1, threads * perThread).boxed().toArray(Long[]::new));
            assertThat(recovered).allSatisfy(record ->
                    assertThat(record.payload()).isEqualTo(appendedBySequence.get(record.sequence())));
            assertThat(reopened.lastDurableSequence()).isEqualTo(threads * perThread);
            assertThat(await(reopened.append(payload(0)))).isEqualTo(threads * perThread + 1);
        }
    }

    @Test
    void eachProducerSeesItsRecordsInTheOrderItAppendedThem() throws Exception {
        Map<Integer, List<Long>> sequencesByThread = new ConcurrentHashMap<>();
        try (Journal journal = Journal.open(dir, JournalOptions.defaults(), JournalListener.logging())) {
            runConcurrently(4, thread -> {
                List<CompletableFuture<Long>> futures = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    futures.add(journal.append(payload(i)));
                }
                List<Long> sequences = new ArrayList<>();
                for (CompletableFuture<Long> future : futures) {
                    sequences.add(await(future));
                }
                sequencesByThread.put(thread, sequences);
            });
        }

        assertThat(sequencesByThread.values()).allSatisfy(sequences -> assertThat(sequences).isSorted());
    }

    @Test
    void groupCommitForcesFarFewerTimesThanRecordsAreAppended() throws Exception {
        int threads = 8;
        int records = 20_000;
        try (Journal journal = Journal.open(dir, JournalOptions.defaults(), JournalListener.logging())) {
            runConcurrently(threads, thread -> {
                List<CompletableFuture<Long>> futures = new ArrayList<>();
                for (int i = 0; i < records / threads; i++) {
                    futures.add(journal.append(payload(i)));
                }
                for (CompletableFuture<Long> future : futures) {
                    await(future);
                }
            });

            JournalStats stats = journal.stats();
            assertThat(stats.appended()).isEqualTo(records);
            assertThat(stats.fsyncs()).isPositive().isLessThan(records / 4);
            assertThat(journal.lastDurableSequence()).isEqualTo(records);
        }
    }

    @Test
    void sequencesContinueAfterReopenEvenWhenEverythingWasReleased() throws Exception {
        try (Journal journal = Journal.open(dir, TEN_RECORD_SEGMENTS, JournalListener.logging())) {
            appendOneByOne(journal, 1, 25);
        }
        try (Journal journal = Journal.open(dir, TEN_RECORD_SEGMENTS, JournalListener.logging())) {
            assertThat(replayed(journal)).hasSize(25);
            journal.releaseThrough(25);
        }
        try (Journal journal = Journal.open(dir, TEN_RECORD_SEGMENTS, JournalListener.logging())) {
            assertThat(replayed(journal)).isEmpty();
            assertThat(journal.lastDurableSequence()).isEqualTo(25);
            assertThat(await(journal.append(payload(26)))).isEqualTo(26);
        }
    }

    @Test
    void closeWritesAndCompletesEveryPendingAppend() throws Exception {
        JournalOptions neverCommitByItself = new JournalOptions(1 << 20, 1000, 1 << 20, FOREVER);
        List<CompletableFuture<Long>> pending = new ArrayList<>();
        try (Journal journal = Journal.open(dir, neverCommitByItself, JournalListener.logging())) {
            for (int n = 1; n <= 100; n++) {
                pending.add(journal.append(payload(n)));
            }
            assertThat(pending).noneMatch(CompletableFuture::isDone);
        }

        assertThat(pending).allMatch(future -> future.isDone() && !future.isCompletedExceptionally());
        assertThat(pending).extracting(CompletableFuture::join)
                .containsExactly(LongStream.rangeClosed(1, 100).boxed().toArray(Long[]::new));
        try (Journal reopened = Journal.open(dir, neverCommitByItself, JournalListener.logging())) {
            assertThat(replayed(reopened)).isEqualTo(expected(1, 100));
        }
    }

    @Test
    void futuresAreCompletedOnTheDaemonWriterThread() throws Exception {
        JournalOptions neverCommitByItself = new JournalOptions(1 << 20, 1000, 1 << 20, FOREVER);
        CompletableFuture<Thread> completingThread;
        try (Journal journal = Journal.open(dir, neverCommitByItself, JournalListener.logging())) {
            completingThread = journal.append(payload(1)).thenApply(sequence -> Thread.currentThread());
        }

        assertThat(completingThread.join().getName()).isEqualTo("journal-writer");
        assertThat(completingThread.join().isDaemon()).isTrue();
    }

    @Test
    void appendsAfterCloseFail() throws Exception {
        Journal journal = Journal.open(dir, JournalOptions.defaults(), JournalListener.logging());
        journal.close();

        assertThat(journal.append(payload(1))).failsWithin(Duration.ofSeconds(10))
                .withThrowableThat().withCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWriteErrorHoldsTheAppendUntilTheJournalReopensItselfAsAnOpenWould() throws Exception {
        JournalOptions oneRecordSegments = new JournalOptions(1, 1024, 1 << 20, Duration.ZERO)
                .withRetryDelays(Duration.ofMillis(5), Duration.ofMillis(5));
        List<String> reports = new ArrayList<>();
        try (Journal journal = Journal.open(dir, oneRecordSegments, reports::add)) {
            assertThat(await(journal.append(payload(1)))).isEqualTo(1);
            // The writer must roll to this name for the next record and will find it taken; reopening removes it,
            // as an open does with every segment without records.
            Files.createFile(segmentFile(dir, 2));

            assertThat(await(journal.append(payload(2)))).isEqualTo(2);
            assertThat(await(journal.append(payload(3)))).isEqualTo(3);
            assertThat(journal.writeProblem()).isNull();
        }

        try (Journal reopened = Journal.open(dir, oneRecordSegments, reports::add)) {
            assertThat(replayed(reopened)).isEqualTo(expected(1, 3));
        }
        assertThat(reports).isEmpty();
    }

    @Test
    void aPayloadAboveTheRecordLimitIsRefused() throws Exception {
        try (Journal journal = Journal.open(dir, JournalOptions.defaults(), JournalListener.logging())) {
            assertThatThrownBy(() -> journal.append(new byte[RecordCodec.MAX_PAYLOAD_BYTES + 1]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aSecondJournalOnTheSameFolderIsRefused() throws Exception {
        try (Journal journal = Journal.open(dir, JournalOptions.defaults(), JournalListener.logging())) {
            assertThatThrownBy(() -> Journal.open(dir, JournalOptions.defaults(), JournalListener.logging()))
                    .isInstanceOf(IOException.class).hasMessageContaining("already open");
            assertThat(await(journal.append(payload(1)))).isEqualTo(1);
        }
        try (Journal reopened = Journal.open(dir, JournalOptions.defaults(), JournalListener.logging())) {
            assertThat(replayed(reopened)).isEqualTo(expected(1, 1));
        }
    }

    interface ThreadBody {
        void run(int thread) throws Exception;
    }

    static void runConcurrently(int threads, ThreadBody body) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                running.add(executor.submit(() -> {
                    body.run(thread);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
