package com.gametriggers.companion.tracking.journal;

import static com.gametriggers.companion.tracking.journal.JournalFixtures.FOREVER;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.await;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class JournalBackPressureTest {

    @TempDir
    Path dir;

    @Test
    void anAppendBeyondThePendingRecordLimitWaitsUntilEarlierOnesAreOnDisk() throws Exception {
        JournalOptions fourPending = new JournalOptions(1 << 20, 4, 1 << 20, FOREVER);
        try (Journal journal = Journal.open(dir, fourPending, JournalListener.logging())) {
            List<CompletableFuture<Long>> first = new ArrayList<>();
            for (int n = 1; n <= 4; n++) {
                first.add(journal.append(payload(n)));
            }
            assertThat(first).noneMatch(CompletableFuture::isDone);

            CompletableFuture<Long> fifth = journal.append(payload(5));

            // The writer would have waited an hour for more; only the blocked fifth append made it commit.
            assertThat(first).allMatch(future -> future.isDone() && !future.isCompletedExceptionally());
            assertThat(journal.stats().fsyncs()).isEqualTo(1);
            assertThat(fifth).isNotDone();
        }
    }

    @Test
    void anAppendBeyondThePendingByteLimitWaitsUntilEarlierOnesAreOnDisk() throws Exception {
        int payloadBytes = 1000;
        long threeRecords = 3L * RecordCodec.encodedSize(payloadBytes);
        JournalOptions threeRecordsOfBytes = new JournalOptions(1 << 20, 1000, threeRecords, FOREVER);
        try (Journal journal = Journal.open(dir, threeRecordsOfBytes, JournalListener.logging())) {
            List<CompletableFuture<Long>> first = new ArrayList<>();
            for (int n = 1; n <= 3; n++) {
                first.add(journal.append(new byte[payloadBytes]));
            }
            assertThat(first).noneMatch(CompletableFuture::isDone);

            journal.append(new byte[payloadBytes]);

            assertThat(first).allMatch(future -> future.isDone() && !future.isCompletedExceptionally());
        }
    }

    @Test
    void aLargeVolumeNeverHasMoreThanTheLimitWaitingAndAllOfItArrives() throws Exception {
        int maxPending = 8;
        JournalOptions eightPending = new JournalOptions(4 << 20, maxPending, 64L << 20, Duration.ofMillis(2));
        List<CompletableFuture<Long>> appended = new ArrayList<>();
        try (Journal journal = Journal.open(dir, eightPending, JournalListener.logging())) {
            for (int n = 0; n < 400; n++) {
                appended.add(journal.append(new byte[64 * 1024]));
                assertThat(appended.stream().filter(future -> !future.isDone()).count())
                        .isLessThanOrEqualTo(maxPending);
            }
            for (CompletableFuture<Long> future : appended) {
                await(future);
            }
            assertThat(journal.stats().appended()).isEqualTo(400);
        }
    }

    @Test
    void aRecordLargerThanTheByteLimitStillGetsThroughOnItsOwn() throws Exception {
        JournalOptions tinyByteLimit = new JournalOptions(1 << 20, 100, 100, Duration.ZERO);
        try (Journal journal = Journal.open(dir, tinyByteLimit, JournalListener.logging())) {
            CompletableFuture<Long> first = journal.append(new byte[10_000]);
            CompletableFuture<Long> second = journal.append(new byte[10_000]);

            assertThat(await(first)).isEqualTo(1);
            assertThat(await(second)).isEqualTo(2);
        }
    }

    @Test
    void aBlockedAppendFailsWhenItsThreadIsInterrupted() throws Exception {
        JournalOptions onePending = new JournalOptions(1 << 20, 1, 1 << 20, FOREVER);
        CountDownLatch writerMayGoOn = new CountDownLatch(1);
        try (Journal journal = Journal.open(dir, onePending, JournalListener.logging())) {
            try {
                CompletableFuture<Long> first = journal.append(payload(1));
                // A blocking non-async callback holds up the writer thread, with the first record still counted.
                first.thenRun(() -> awaitQuietly(writerMayGoOn));
                AtomicReference<CompletableFuture<Long>> second = new AtomicReference<>();
                Thread producer = new Thread(() -> second.set(journal.append(payload(2))));
                producer.start();

                await().atMost(Duration.ofSeconds(30)).until(first::isDone);
                await().atMost(Duration.ofSeconds(30)).until(() -> producer.getState() == Thread.State.WAITING);
                producer.interrupt();
                producer.join();

                assertThat(second.get()).failsWithin(Duration.ZERO)
                        .withThrowableThat().withCauseInstanceOf(InterruptedException.class);
            } finally {
                writerMayGoOn.countDown();
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
