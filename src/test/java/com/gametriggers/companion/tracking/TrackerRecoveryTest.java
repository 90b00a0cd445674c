package com.gametriggers.companion.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.store.StoreFixture;
import com.gametriggers.companion.tracking.journal.Journal;
import com.gametriggers.companion.tracking.journal.JournalListener;
import com.gametriggers.companion.tracking.journal.JournalOptions;

/** What the tracker finds in its journal at start: unconfirmed batches, unbatched events, a damaged tail. */
class TrackerRecoveryTest {

    private static final int EVENTS = 50;

    @TempDir
    Path dataDir;

    private StoreFixture fixture;
    private Path journalDir;
    private Participation participation;

    @BeforeEach
    void setUp() {
        fixture = StoreFixture.open(dataDir.resolve("store"));
        journalDir = dataDir.resolve("journal");
        participation = Campaigns.joined(fixture, Campaigns.running(PaymentType.CPM, "2"));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    /** Records events and stops before the writer could cut a batch: they stay in the journal, as after a crash. */
    private void recordAndStopBeforeAnyFlush() throws IOException {
        TrackerOptions neverFlushes = new TrackerOptions(JournalOptions.defaults(), Duration.ofMinutes(30),
                Duration.ofMinutes(10), Duration.ofHours(1), 10_000, 1_000, Duration.ofSeconds(2), Duration.ZERO,
                java.time.Clock.systemUTC());
        Tracker tracker = Tracker.start(fixture.store(), journalDir, neverFlushes);
        for (int i = 0; i < EVENTS; i++) {
            tracker.record(TrackingEvent.impression("e" + i, participation.id(), Instant.now(), 10)).join();
        }
        tracker.close();
        assertThat(impressions()).as("nothing reached the store yet").isZero();
    }

    private long impressions() {
        return fixture.store().participations().byId(participation.id()).orElseThrow().impressions();
    }

    private Tracker startAndDrain() throws IOException {
        Tracker tracker = Tracker.start(fixture.store(), journalDir, TrackerOptions.defaults().withFlushInterval(Duration.ofMillis(10)));
        await().atMost(Duration.ofSeconds(20)).until(() -> tracker.status().eventsWaiting() == 0);
        return tracker;
    }

    @Test
    void unbatchedEventsAreWrittenOnTheNextStart() throws IOException {
        recordAndStopBeforeAnyFlush();

        try (Tracker tracker = startAndDrain()) {
            assertThat(impressions()).isEqualTo(EVENTS * 10L);
            assertThat(tracker.stats().journalDamage()).isZero();
        }
    }

    @Test
    void aBatchThatReachedTheStoreButWasNeverConfirmedCountsOnce() throws IOException {
        recordAndStopBeforeAnyFlush();
        // The crash window: the batch was cut and applied, and the app died before journaling the confirmation.
        String batchId = "crashed-batch";
        List<JournalEntry.Event> events = new ArrayList<>();
        long[] range = {Long.MAX_VALUE, Long.MIN_VALUE};
        try (Journal journal = Journal.open(journalDir, JournalOptions.defaults(), JournalListener.logging())) {
            journal.replay(record -> {
                try {
                    if (JournalEntry.decode(record.payload()) instanceof JournalEntry.Event event) {
                        events.add(event);
                        range[0] = Math.min(range[0], record.sequence());
                        range[1] = Math.max(range[1], record.sequence());
                    }
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            journal.append(JournalEntry.encode(new JournalEntry.BatchCut(batchId, range))).join();
        }
        TermsCache terms = new TermsCache(fixture.store().participations(), fixture.store().campaigns(),
                Duration.ZERO, java.time.Clock.systemUTC());
        Coalescer.Coalesced coalesced = Coalescer.coalesce(events, terms.termsFor(Set.of(participation.id())));
        fixture.store().counterBatches().apply(batchId, coalesced.byParticipation(), coalesced.byDay(),
                coalesced.byQuarter(), coalesced.activity());
        assertThat(impressions()).isEqualTo(EVENTS * 10L);

        try (Tracker tracker = startAndDrain()) {
            assertThat(impressions()).as("replayed under the same id, so not counted again").isEqualTo(EVENTS * 10L);
            assertThat(fixture.rawDailyStats().find().first().get("impressions", Number.class).longValue())
                    .isEqualTo(EVENTS * 10L);
        }
    }

    @Test
    void aTruncatedTailIsReportedOnceAndTheGoodRecordsCount() throws IOException {
        recordAndStopBeforeAnyFlush();
        Path last = newestSegment();
        try (RandomAccessFile file = new RandomAccessFile(last.toFile(), "rw")) {
            file.setLength(file.length() - 5); // the last event is torn
        }

        try (Tracker tracker = startAndDrain()) {
            assertThat(tracker.stats().journalDamage()).isEqualTo(1);
            assertThat(impressions()).isEqualTo((EVENTS - 1) * 10L);
        }
        try (Tracker again = startAndDrain()) {
            assertThat(again.stats().journalDamage()).as("reported once, then cut away").isZero();
            assertThat(impressions()).isEqualTo((EVENTS - 1) * 10L);
        }
    }

    @Test
    void aGarbledTailIsReportedOnceAndTheGoodRecordsCount() throws IOException {
        recordAndStopBeforeAnyFlush();
        Path last = newestSegment();
        try (RandomAccessFile file = new RandomAccessFile(last.toFile(), "rw")) {
            file.seek(file.length() - 10);
            file.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        }

        try (Tracker tracker = startAndDrain()) {
            assertThat(tracker.stats().journalDamage()).isEqualTo(1);
            assertThat(impressions()).isEqualTo((EVENTS - 1) * 10L);
        }
    }

    private Path newestSegment() throws IOException {
        try (Stream<Path> files = Files.list(journalDir)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".log"))
                    .filter(path -> path.toFile().length() > 0)
                    .max(Comparator.comparing(path -> path.getFileName().toString()))
                    .orElseThrow();
        }
    }

    @Test
    void theTermsOfAnUnknownParticipationAreAbsent() {
        TermsCache terms = new TermsCache(fixture.store().participations(), fixture.store().campaigns(),
                Duration.ofSeconds(2), java.time.Clock.systemUTC());

        Map<String, ParticipationTerms> found = terms.termsFor(Set.of(participation.id(),
                com.gametriggers.companion.store.TestIds.newId()));

        assertThat(found).containsOnlyKeys(participation.id());
    }
}
