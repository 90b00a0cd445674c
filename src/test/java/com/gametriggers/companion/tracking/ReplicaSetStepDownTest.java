package com.gametriggers.companion.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.store.StoreFixture;
import com.mongodb.ConnectionString;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * The replica set's primary steps down twice while streams are tracked on several threads: with retryable writes and
 * majority write concern, every event recorded is counted exactly once, none lost in the election and none doubled
 * by a retried batch. Needs a real replica set: {@code MONGODB_URI} for the app (with {@code w=majority}) and
 * {@code MONGODB_STEPDOWN_URI}, a user allowed to run {@code replSetStepDown}; the GitHub Actions workflow "MongoDB
 * replica set" sets both.
 */
@EnabledIfEnvironmentVariable(named = "MONGODB_STEPDOWN_URI", matches = ".+",
        disabledReason = "needs a MongoDB replica set: MONGODB_STEPDOWN_URI, a user allowed to step its primary down "
                + "(and MONGODB_URI for the app), as the workflow .github/workflows/mongodb.yml sets")
class ReplicaSetStepDownTest {

    private static final int PRODUCERS = 4;
    private static final int PARTICIPATIONS = 3;
    private static final Duration PACE = Duration.ofMillis(2);
    /** A bound on a run whose elections never end, so it cannot fill the disk. */
    private static final long MAX_EVENTS = 1_000_000;
    private static final Duration ELECTION = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    @Test
    void nothingRecordedIsLostOrDoubledWhileThePrimaryStepsDownTwice() throws Exception {
        ConnectionString appUri = new ConnectionString(System.getenv("MONGODB_URI"));
        assertThat(appUri.getWriteConcern()).as("MONGODB_URI asks for majority write concern (w=majority)")
                .isEqualTo(WriteConcern.MAJORITY);
        assertThat(appUri.getRetryWritesValue()).as("MONGODB_URI keeps retryable writes on").isNotEqualTo(Boolean.FALSE);

        try (MongoClient admin = MongoClients.create(System.getenv("MONGODB_STEPDOWN_URI"));
             StoreFixture fixture = StoreFixture.open(dataDir.resolve("store"));
             Tracker tracker = Tracker.start(fixture.store(), dataDir.resolve("journal"),
                     TrackerOptions.defaults().withFlushInterval(Duration.ofMillis(20)))) {
            assertThat(fixture.isRemote()).as("MONGODB_URI names the replica set the test steps down").isTrue();
            List<Participation> participations = new ArrayList<>();
            for (int i = 0; i < PARTICIPATIONS; i++) {
                participations.add(Campaigns.joined(fixture, Campaigns.running(PaymentType.CPM, "4.50")));
            }
            AtomicLong impressions = new AtomicLong();
            AtomicLong clicks = new AtomicLong();
            AtomicLong events = new AtomicLong();
            AtomicBoolean producing = new AtomicBoolean(true);
            List<Thread> producers = new ArrayList<>();
            for (int t = 0; t < PRODUCERS; t++) {
                int producer = t;
                Thread thread = new Thread(() -> {
                    for (int i = 0; producing.get() && events.incrementAndGet() <= MAX_EVENTS; i++) {
                        String participation = participations.get(i % PARTICIPATIONS).id();
                        Instant now = Instant.now();
                        boolean isClick = i % 4 == 3;
                        long viewers = 1 + i % 3;
                        TrackingEvent event = isClick
                                ? TrackingEvent.click("p" + producer + "-" + i, participation, now, ClickType.CHAT, null)
                                : TrackingEvent.impression("p" + producer + "-" + i, participation, now, viewers);
                        if (tracker.record(event).join() == RecordOutcome.RECORDED) {
                            (isClick ? clicks : impressions).addAndGet(isClick ? 1 : viewers);
                        }
                        // A stream's pace, not the journal's: at most some 2,000 events a second over all producers,
                        // so the elections happen while events keep coming.
                        LockSupport.parkNanos(PACE.toNanos());
                    }
                }, "stream-" + t);
                producers.add(thread);
                thread.start();
            }
            try {
                MongoDatabase adminDb = admin.getDatabase("admin");
                for (int stepDown = 0; stepDown < 2; stepDown++) {
                    long storedBefore = storedImpressions(fixture);
                    await().atMost(ELECTION).ignoreExceptionsInstanceOf(MongoException.class)
                            .until(() -> storedImpressions(fixture) > storedBefore);
                    String primary = await().atMost(ELECTION).ignoreExceptionsInstanceOf(MongoException.class)
                            .until(() -> primary(adminDb), Objects::nonNull);
                    stepDown(adminDb);
                    await().atMost(ELECTION).ignoreExceptionsInstanceOf(MongoException.class)
                            .until(() -> {
                                String now = primary(adminDb);
                                return now != null && !now.equals(primary);
                            });
                }
                long storedAfterElections = storedImpressions(fixture);
                await().atMost(ELECTION).ignoreExceptionsInstanceOf(MongoException.class)
                        .until(() -> storedImpressions(fixture) > storedAfterElections);
            } finally {
                producing.set(false);
                for (Thread thread : producers) {
                    thread.join();
                }
            }

            await().atMost(ELECTION).until(() -> tracker.status().eventsWaiting() == 0);
            assertThat(events.get()).as("the producers stopped before their bound").isLessThan(MAX_EVENTS);
            long storedClicks = 0;
            for (Participation p : participations) {
                storedClicks += fixture.store().participations().byId(p.id()).orElseThrow().chatClicks();
            }
            assertThat(storedImpressions(fixture)).as("impressions stored").isEqualTo(impressions.get());
            assertThat(storedClicks).as("chat clicks stored").isEqualTo(clicks.get());
            long dailyImpressions = fixture.rawDailyStats().find().into(new ArrayList<>()).stream()
                    .mapToLong(d -> d.get("impressions", Number.class).longValue()).sum();
            assertThat(dailyImpressions).as("impressions in the day buckets").isEqualTo(impressions.get());
        }
    }

    private static long storedImpressions(StoreFixture fixture) {
        return fixture.rawParticipations().find(Filters.exists("impressions")).into(new ArrayList<>()).stream()
                .mapToLong(d -> d.get("impressions", Number.class).longValue()).sum();
    }

    /** The primary as any member sees it; null during an election. */
    private static String primary(MongoDatabase adminDb) {
        return adminDb.runCommand(new Document("hello", 1), ReadPreference.nearest()).getString("primary");
    }

    private static void stepDown(MongoDatabase adminDb) {
        try {
            // force: even when no secondary has caught up; what the majority acknowledged stays acknowledged.
            adminDb.runCommand(new Document("replSetStepDown", 10).append("force", true));
        } catch (MongoSocketException e) {
            // Servers before 4.2 closed every connection as they stepped down, this one's included: it worked.
        }
    }
}
