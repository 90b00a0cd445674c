package com.gametriggers.companion.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.store.StoreFixture;
import com.gametriggers.companion.tracking.journal.JournalOptions;

/**
 * The data folder's disk fills up while events flow, as an OBS recording does, and is freed again. Every event sent
 * counts exactly once, those held in memory while the disk was full included, and the status said so while it lasted.
 */
@Timeout(180)
class TrackerFullDiskTest {

    @TempDir
    Path elsewhere;

    @Test
    void aFullDiskUnderTheJournalAndTheStoreCostsNoCount() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(64)) {
            runThroughAFullDisk(disk, disk.root().resolve("store"), disk.root().resolve("journal"), tracker -> {
                await().atMost(Duration.ofSeconds(30)).until(() -> !tracker.status().journalWriting());
                await().atMost(Duration.ofSeconds(30)).until(() -> tracker.status().eventsHeld() > 200);
                WriterStatus full = tracker.status();
                assertThat(full.journalProblem()).contains("No space left on device");
                assertThat(full.sentence()).startsWith("The tracking journal cannot be written (")
                        .contains("held in memory are counted once it can");
            }, statuses -> assertThat(statuses).extracting(WriterStatus::journalWriting).containsSubsequence(false, true));
        }
    }

    @Test
    void theEmbeddedStoresFileOnAFullDiskIsOpenedAgainAndCostsNoCount() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(64)) {
            runThroughAFullDisk(disk, disk.root().resolve("store"), elsewhere.resolve("journal"), tracker -> {
                await().atMost(Duration.ofSeconds(30)).until(() -> !tracker.status().online());
                long waiting = tracker.status().eventsWaiting();
                await().atMost(Duration.ofSeconds(30)).until(() -> tracker.status().eventsWaiting() > waiting + 200);
                assertThat(tracker.status().journalWriting()).isTrue();
            }, statuses -> assertThat(statuses).extracting(WriterStatus::online).containsSubsequence(false, true));
        }
    }

    private interface WhileFull {
        void check(Tracker tracker) throws Exception;
    }

    private static void runThroughAFullDisk(SmallDisk disk, Path storeDir, Path journalDir, WhileFull whileFull,
                                            Consumer<List<WriterStatus>> changesSeen) throws Exception {
        StoreFixture fixture = StoreFixture.open(storeDir);
        Assumptions.assumeFalse(fixture.isRemote(), "the store must be the embedded one, with its file on the disk");
        TrackerOptions options = TrackerOptions.defaults().withFlushInterval(Duration.ofMillis(50))
                .withJournal(JournalOptions.defaults().withRetryDelays(Duration.ofMillis(50), Duration.ofMillis(400)));
        Tracker tracker = Tracker.start(fixture.store(), journalDir, options);
        List<WriterStatus> changes = new CopyOnWriteArrayList<>();
        tracker.onStatusChange(changes::add);
        Participation p = Campaigns.joined(fixture, Campaigns.running(PaymentType.CPC, "0.10"));
        List<CompletableFuture<RecordOutcome>> sent = new CopyOnWriteArrayList<>();
        AtomicBoolean producing = new AtomicBoolean(true);
        Thread producer = new Thread(() -> {
            for (int n = 0; producing.get(); n++) {
                sent.add(tracker.record(TrackingEvent.click("e" + n, p.id(), Instant.now(), ClickType.QR, null)));
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "producer");
        try {
            producer.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> clicks(fixture, p) > 0);

            disk.fill();
            int sentWhenFull = sent.size();
            whileFull.check(tracker);
            assertThat(sent.size()).as("recording went on while the disk was full").isGreaterThan(sentWhenFull);

            disk.free();
            await().atMost(Duration.ofSeconds(30)).until(() -> tracker.status().journalWriting()
                    && tracker.status().online());
            int sentWhenFreed = sent.size();
            await().atMost(Duration.ofSeconds(30)).until(() -> sent.size() > sentWhenFreed + 200);
            producing.set(false);
            producer.join();

            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get();
            assertThat(sent).allMatch(outcome -> outcome.join() == RecordOutcome.RECORDED);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> tracker.status().eventsWaiting() == 0 && tracker.status().eventsHeld() == 0);
            Participation after = fixture.store().participations().byId(p.id()).orElseThrow();
            assertThat(after.clicks()).isEqualTo(sent.size());
            assertThat(after.qrScans()).isEqualTo(sent.size());
            assertThat(after.estimatedEarnings())
                    .isEqualByComparingTo(new BigDecimal("0.10").multiply(BigDecimal.valueOf(sent.size())));
            changesSeen.accept(changes);
        } finally {
            producing.set(false);
            producer.join();
            tracker.close();
            fixture.close();
        }
    }

    private static long clicks(StoreFixture fixture, Participation p) {
        return fixture.store().participations().byId(p.id()).orElseThrow().clicks();
    }
}
