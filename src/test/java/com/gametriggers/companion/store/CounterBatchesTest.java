package com.gametriggers.companion.store;

import static com.gametriggers.companion.store.TestIds.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.CounterDelta;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.ParticipationDay;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/** A batch applied twice, as after a timeout or a crash, changes every document once. */
@ExtendWith(StoreFixture.PerTest.class)
class CounterBatchesTest {

    private static final CounterDelta DELTA = new CounterDelta(100, 3, 1, 1, 1, 2, 10, 1, 450_000, 300, 2, 200);

    private final StoreFixture fixture;

    CounterBatchesTest(StoreFixture fixture) {
        this.fixture = fixture;
    }

    @Test
    void theSameBatchCountsOnceInTheParticipationAndItsDay() {
        Participation p = fixture.updates().join(newId(), newId());
        ParticipationDay day = new ParticipationDay(p.id(), LocalDate.of(2026, 11, 27));

        CounterBatches.Outcome first = fixture.store().counterBatches().apply("batch-1", Map.of(p.id(), DELTA), Map.of(day, DELTA), List.of());
        CounterBatches.Outcome again = fixture.store().counterBatches().apply("batch-1", Map.of(p.id(), DELTA), Map.of(day, DELTA), List.of());

        assertThat(first).isEqualTo(new CounterBatches.Outcome(1, 1));
        assertThat(again).isEqualTo(new CounterBatches.Outcome(0, 0));
        Participation after = fixture.store().participations().byId(p.id()).orElseThrow();
        assertThat(after.impressions()).isEqualTo(100);
        assertThat(after.clicks()).isEqualTo(3);
        assertThat(after.filteredClicks()).isEqualTo(2);
        assertThat(after.unbilledImpressions()).isEqualTo(10);
        assertThat(after.unbilledClicks()).isEqualTo(1);
        assertThat(after.estimatedEarnings()).isEqualByComparingTo("0.45");
        assertThat(after.peakViewerCount()).isEqualTo(200);
        assertThat(after.averageViewerCount()).isEqualTo(150.0);
        Document bucket = fixture.rawDailyStats().find(Filters.eq("_id", day.key())).first();
        assertThat(bucket.get("impressions", Number.class).longValue()).isEqualTo(100);
        assertThat(bucket.get("participationId")).isEqualTo(new ObjectId(p.id()));
        assertThat(bucket.getString("day")).isEqualTo("2026-11-27");
        assertThat(bucket.getList("appliedBatches", String.class)).containsExactly("batch-1");
    }

    @Test
    void anotherBatchAddsUpAndOnlyTheLastBatchIdsAreKept() {
        Participation p = fixture.updates().join(newId(), newId());
        ParticipationDay day = new ParticipationDay(p.id(), LocalDate.of(2026, 11, 27));

        for (int i = 0; i < CounterBatches.REMEMBERED_BATCHES + 5; i++) {
            fixture.store().counterBatches().apply("batch-" + i, Map.of(p.id(), DELTA), Map.of(day, DELTA), List.of());
        }

        Document stored = fixture.rawParticipations().find(Filters.eq("_id", new ObjectId(p.id()))).first();
        assertThat(stored.get("impressions", Number.class).longValue()).isEqualTo(100L * (CounterBatches.REMEMBERED_BATCHES + 5));
        assertThat(stored.getList("appliedBatches", String.class)).hasSize(CounterBatches.REMEMBERED_BATCHES)
                .endsWith("batch-" + (CounterBatches.REMEMBERED_BATCHES + 4));
        assertThat(stored.getString("browserSourceToken")).isEqualTo(p.browserSourceToken());
    }

    @Test
    void theOutcomeCountsBucketsThatTookTheBatchAndBucketsItCreated() {
        Participation p = fixture.updates().join(newId(), newId());
        ParticipationDay monday = new ParticipationDay(p.id(), LocalDate.of(2026, 11, 23));
        ParticipationDay tuesday = new ParticipationDay(p.id(), LocalDate.of(2026, 11, 24));
        fixture.store().counterBatches().apply("batch-1", Map.of(), Map.of(monday, DELTA), List.of());

        CounterBatches.Outcome outcome = fixture.store().counterBatches()
                .apply("batch-2", Map.of(p.id(), DELTA), Map.of(monday, DELTA, tuesday, DELTA), List.of());

        assertThat(outcome).isEqualTo(new CounterBatches.Outcome(1, 2));
        assertThat(fixture.rawDailyStats().countDocuments()).isEqualTo(2);
    }

    @Test
    void aDayBucketTheStoreRefusesFailsTheBatchAndItsRetryCompletesItExactly() {
        Participation p = fixture.updates().join(newId(), newId());
        ParticipationDay monday = new ParticipationDay(p.id(), LocalDate.of(2026, 11, 23));
        ParticipationDay tuesday = new ParticipationDay(p.id(), LocalDate.of(2026, 11, 24));
        // Tuesday's bucket was broken outside the app: its impressions are not a number, so $inc cannot add to it.
        fixture.rawDailyStats().insertOne(new Document("_id", tuesday.key()).append("impressions", "many"));
        Map<String, CounterDelta> byParticipation = Map.of(p.id(), DELTA);
        Map<ParticipationDay, CounterDelta> byDay = Map.of(monday, DELTA, tuesday, DELTA);

        assertThatThrownBy(() -> fixture.store().counterBatches().apply("batch-1", byParticipation, byDay, List.of()))
                .as("a batch with a day that did not take it is not done")
                .isInstanceOf(StoreException.class);

        fixture.rawDailyStats().updateOne(Filters.eq("_id", tuesday.key()), Updates.set("impressions", 0));
        CounterBatches.Outcome retried = fixture.store().counterBatches().apply("batch-1", byParticipation, byDay, List.of());

        assertThat(retried).as("only Tuesday still needed the batch").isEqualTo(new CounterBatches.Outcome(0, 1));
        assertThat(fixture.store().participations().byId(p.id()).orElseThrow().impressions()).isEqualTo(100);
        for (ParticipationDay day : byDay.keySet()) {
            Document bucket = fixture.rawDailyStats().find(Filters.eq("_id", day.key())).first();
            assertThat(bucket.get("impressions", Number.class).longValue()).as(day.toString()).isEqualTo(100);
        }
    }

    @Test
    void aBatchForAParticipationThatDoesNotExistCreatesNothing() {
        CounterBatches.Outcome outcome = fixture.store().counterBatches().apply("b", Map.of(newId(), DELTA), Map.of(), List.of());

        assertThat(outcome.participationsApplied()).isZero();
        assertThat(fixture.rawParticipations().countDocuments()).isZero();
    }

    @Test
    void aRetriedBatchKeepsEachShowingAndClickOnce() {
        Participation p = fixture.updates().join(newId(), newId());
        Instant at = Instant.parse("2026-11-27T20:15:00Z");
        List<Activity> activity = List.of(
                new Activity("ticket-1", p.streamerId(), p.id(), p.campaignId(), Activity.Kind.SHOWING, at, 120,
                        Activity.Outcome.COUNTED),
                new Activity("click-1", p.streamerId(), p.id(), p.campaignId(), Activity.Kind.LINK, at.plusSeconds(5), 0,
                        Activity.Outcome.REPEAT_VIEWER));

        fixture.store().counterBatches().apply("batch-1", Map.of(p.id(), DELTA), Map.of(), activity);
        fixture.store().counterBatches().apply("batch-1", Map.of(p.id(), DELTA), Map.of(), activity);
        // The same showing in another batch (a beacon resent after a crash lost the journal's memory of it) too.
        fixture.store().counterBatches().apply("batch-2", Map.of(), Map.of(), activity.subList(0, 1));

        assertThat(fixture.store().activityLog().recent(p.id(), at.minusSeconds(1), 10)).containsExactly(
                activity.get(1), activity.get(0));
    }
}
