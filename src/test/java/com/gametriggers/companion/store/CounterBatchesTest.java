package com.gametriggers.companion.store;

import static com.gametriggers.companion.store.TestIds.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.CounterDelta;
import com.gametriggers.companion.domain.DailyEarnings;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.ParticipationDay;
import com.gametriggers.companion.domain.ParticipationQuarterHour;
import com.gametriggers.companion.domain.QuarterHourEarnings;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/** A batch applied twice, as after a timeout or a crash, changes every document once: participations and buckets. */
@ExtendWith(StoreFixture.PerTest.class)
class CounterBatchesTest {

    private static final CounterDelta DELTA = new CounterDelta(100, 3, 1, 1, 1, 2, 10, 1, 450_000, 300, 2, 200);

    private final StoreFixture fixture;

    CounterBatchesTest(StoreFixture fixture) {
        this.fixture = fixture;
    }

    @Test
    void theSameBatchCountsOnceInTheParticipationItsDayAndItsQuarterHour() {
        Participation p = fixture.updates().join(newId(), newId());
        ParticipationDay day = new ParticipationDay(p.id(), LocalDate.of(2026, 11, 27));
        ParticipationQuarterHour quarter = new ParticipationQuarterHour(p.id(), Instant.parse("2026-11-27T23:15:00Z"));

        CounterBatches.Outcome first = apply("batch-1", Map.of(p.id(), DELTA), Map.of(day, DELTA), Map.of(quarter, DELTA));
        Document quarterAfterFirst = fixture.rawQuarterHours().find().first();
        CounterBatches.Outcome again = apply("batch-1", Map.of(p.id(), DELTA), Map.of(day, DELTA), Map.of(quarter, DELTA));

        assertThat(first).isEqualTo(new CounterBatches.Outcome(1, 1, 1));
        assertThat(again).isEqualTo(new CounterBatches.Outcome(0, 0, 0));
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
        Document quarterBucket = fixture.rawQuarterHours().find().first();
        assertThat(quarterBucket).as("the retry changed nothing").isEqualTo(quarterAfterFirst);
        assertThat(quarterBucket.getString("_id")).isEqualTo(p.id() + ":2026-11-27T23:15:00Z").isEqualTo(quarter.key());
        assertThat(quarterBucket.get("participationId")).isEqualTo(new ObjectId(p.id()));
        assertThat(quarterBucket.getDate("start")).isEqualTo(Date.from(Instant.parse("2026-11-27T23:15:00Z")));
        assertThat(quarterBucket.get("impressions", Number.class).longValue()).isEqualTo(100);
        assertThat(quarterBucket.get("earningsMicros", Number.class).longValue()).isEqualTo(450_000);
        assertThat(quarterBucket.get("peakViewerCount", Number.class).longValue()).isEqualTo(200);
        assertThat(quarterBucket.getList("appliedBatches", String.class)).containsExactly("batch-1");
    }

    @Test
    void anotherBatchAddsUpAndOnlyTheLastBatchIdsAreKept() {
        Participation p = fixture.updates().join(newId(), newId());
        ParticipationDay day = new ParticipationDay(p.id(), LocalDate.of(2026, 11, 27));

        for (int i = 0; i < CounterBatches.REMEMBERED_BATCHES + 5; i++) {
            apply("batch-" + i, Map.of(p.id(), DELTA), Map.of(day, DELTA), Map.of());
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
        ParticipationQuarterHour mondayEvening = quarterOf(monday, "20:00");
        ParticipationQuarterHour tuesdayMorning = quarterOf(tuesday, "08:45");
        apply("batch-1", Map.of(), Map.of(monday, DELTA), Map.of(mondayEvening, DELTA));

        CounterBatches.Outcome outcome = apply("batch-2", Map.of(p.id(), DELTA), Map.of(monday, DELTA, tuesday, DELTA),
                Map.of(mondayEvening, DELTA, tuesdayMorning, DELTA));

        assertThat(outcome).isEqualTo(new CounterBatches.Outcome(1, 2, 2));
        assertThat(fixture.rawDailyStats().countDocuments()).isEqualTo(2);
        assertThat(fixture.rawQuarterHours().countDocuments()).isEqualTo(2);
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
        Map<ParticipationQuarterHour, CounterDelta> byQuarter = Map.of(quarterOf(monday, "23:45"), DELTA,
                quarterOf(tuesday, "00:00"), DELTA);

        assertThatThrownBy(() -> apply("batch-1", byParticipation, byDay, byQuarter))
                .as("a batch with a day that did not take it is not done")
                .isInstanceOf(StoreException.class);

        fixture.rawDailyStats().updateOne(Filters.eq("_id", tuesday.key()), Updates.set("impressions", 0));
        CounterBatches.Outcome retried = apply("batch-1", byParticipation, byDay, byQuarter);

        assertThat(retried).as("only Tuesday and the quarters, written after the days, still needed the batch")
                .isEqualTo(new CounterBatches.Outcome(0, 1, 2));
        assertThat(fixture.store().participations().byId(p.id()).orElseThrow().impressions()).isEqualTo(100);
        for (ParticipationDay day : byDay.keySet()) {
            Document bucket = fixture.rawDailyStats().find(Filters.eq("_id", day.key())).first();
            assertThat(bucket.get("impressions", Number.class).longValue()).as(day.toString()).isEqualTo(100);
        }
        for (ParticipationQuarterHour quarter : byQuarter.keySet()) {
            Document bucket = fixture.rawQuarterHours().find(Filters.eq("_id", quarter.key())).first();
            assertThat(bucket.get("impressions", Number.class).longValue()).as(quarter.toString()).isEqualTo(100);
        }
    }

    @Test
    void aQuarterBucketTheStoreRefusesFailsTheBatchAndItsRetryCompletesItExactly() {
        Participation p = fixture.updates().join(newId(), newId());
        ParticipationDay monday = new ParticipationDay(p.id(), LocalDate.of(2026, 11, 23));
        ParticipationQuarterHour early = quarterOf(monday, "19:00");
        ParticipationQuarterHour late = quarterOf(monday, "19:15");
        fixture.rawQuarterHours().insertOne(new Document("_id", late.key())
                .append("participationId", new ObjectId(p.id())).append("start", Date.from(late.start())).append("clicks", "some"));
        Map<ParticipationQuarterHour, CounterDelta> byQuarter = Map.of(early, DELTA, late, DELTA);
        CounterDelta both = DELTA.plus(DELTA);

        assertThatThrownBy(() -> apply("batch-1", Map.of(p.id(), both), Map.of(monday, both), byQuarter))
                .isInstanceOf(StoreException.class);
        fixture.rawQuarterHours().updateOne(Filters.eq("_id", late.key()), Updates.set("clicks", 0));
        CounterBatches.Outcome retried = apply("batch-1", Map.of(p.id(), both), Map.of(monday, both), byQuarter);
        CounterBatches.Outcome again = apply("batch-1", Map.of(p.id(), both), Map.of(monday, both), byQuarter);

        assertThat(retried).as("only the refused quarter still needed the batch").isEqualTo(new CounterBatches.Outcome(0, 0, 1));
        assertThat(again).isEqualTo(new CounterBatches.Outcome(0, 0, 0));
        assertQuartersAddUpToDaysAndDaysToTheTotal(p, 200, 6);
    }

    @Test
    void quartersAddUpToTheirDaysAndDaysToTheParticipationAcrossBatchesAndRetries() {
        Participation p = fixture.updates().join(newId(), newId());
        ParticipationDay monday = new ParticipationDay(p.id(), LocalDate.of(2026, 11, 23));
        ParticipationDay tuesday = new ParticipationDay(p.id(), LocalDate.of(2026, 11, 24));
        CounterDelta small = new CounterDelta(7, 1, 1, 0, 0, 0, 0, 0, 14_000, 0, 0, 0);
        Map<ParticipationQuarterHour, CounterDelta> byQuarter = Map.of(quarterOf(monday, "23:30"), DELTA,
                quarterOf(monday, "23:45"), small, quarterOf(tuesday, "00:00"), small);
        Map<ParticipationDay, CounterDelta> byDay = Map.of(monday, DELTA.plus(small), tuesday, small);
        CounterDelta total = DELTA.plus(small).plus(small);

        for (String batch : List.of("batch-1", "batch-1", "batch-2", "batch-2", "batch-1")) {
            apply(batch, Map.of(p.id(), total), byDay, byQuarter);
        }

        assertQuartersAddUpToDaysAndDaysToTheTotal(p, 2 * total.impressions(), 2 * total.clicks());
    }

    @Test
    void oldQuarterHoursAreForgottenAndTheDaysKeepEveryCount() {
        Participation mine = fixture.updates().join(newId(), newId());
        Participation someoneElses = fixture.updates().join(newId(), newId());
        Instant old = Instant.parse("2026-10-01T23:15:00Z");
        Instant recent = Instant.parse("2026-11-27T23:15:00Z");
        ParticipationDay oldDay = new ParticipationDay(mine.id(), LocalDate.of(2026, 10, 1));
        apply("batch-1", Map.of(mine.id(), DELTA), Map.of(oldDay, DELTA), Map.of(
                new ParticipationQuarterHour(mine.id(), old), DELTA, new ParticipationQuarterHour(mine.id(), recent), DELTA,
                new ParticipationQuarterHour(someoneElses.id(), old), DELTA));

        long forgotten = fixture.store().counterBatches().forgetQuarterHoursBefore(List.of(mine.id()),
                Instant.parse("2026-10-20T00:00:00Z"));

        assertThat(forgotten).isEqualTo(1);
        assertThat(fixture.rawQuarterHours().find().map(document -> document.getString("_id")).into(new java.util.ArrayList<>()))
                .containsExactlyInAnyOrder(mine.id() + ":2026-11-27T23:15:00Z", someoneElses.id() + ":2026-10-01T23:15:00Z");
        assertThat(fixture.rawDailyStats().find(Filters.eq("_id", oldDay.key())).first()
                .get("impressions", Number.class).longValue()).isEqualTo(100);
        assertThat(fixture.store().counterBatches().forgetQuarterHoursBefore(List.of(), Instant.parse("2026-12-01T00:00:00Z")))
                .isZero();
    }

    @Test
    void thePlatformsAverageViewerCountIsKeptExactOnMongoDbAndDerivedOnTheEmbeddedStore() {
        Participation p = fixture.updates().join(newId(), newId());
        CounterDelta twoSamples = new CounterDelta(0, 0, 0, 0, 0, 0, 0, 0, 0, 300, 2, 200);
        CounterDelta twoMore = new CounterDelta(0, 0, 0, 0, 0, 0, 0, 0, 0, 600, 2, 350);

        apply("batch-1", Map.of(p.id(), twoSamples), Map.of(), Map.of());
        apply("batch-2", Map.of(p.id(), twoMore), Map.of(), Map.of());
        apply("batch-2", Map.of(p.id(), twoMore), Map.of(), Map.of()); // retried after a timeout

        assertThat(fixture.store().participations().byId(p.id()).orElseThrow().averageViewerCount()).isEqualTo(225.0);
        Document stored = fixture.rawParticipations().find(Filters.eq("_id", new ObjectId(p.id()))).first();
        if (fixture.isRemote()) {
            assertThat(stored.get("avgViewerCount", Number.class).doubleValue()).as("900 viewers over 4 samples").isEqualTo(225.0);
        } else {
            assertThat(stored).as("no update pipelines on the embedded server").doesNotContainKey("avgViewerCount");
        }
    }

    @Test
    void aBatchForAParticipationThatDoesNotExistCreatesNothing() {
        CounterBatches.Outcome outcome = apply("b", Map.of(newId(), DELTA), Map.of(), Map.of());

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

        fixture.store().counterBatches().apply("batch-1", Map.of(p.id(), DELTA), Map.of(), Map.of(), activity);
        fixture.store().counterBatches().apply("batch-1", Map.of(p.id(), DELTA), Map.of(), Map.of(), activity);
        // The same showing in another batch (a beacon resent after a crash lost the journal's memory of it) too.
        fixture.store().counterBatches().apply("batch-2", Map.of(), Map.of(), Map.of(), activity.subList(0, 1));

        assertThat(fixture.store().activityLog().recent(p.id(), at.minusSeconds(1), 10)).containsExactly(
                activity.get(1), activity.get(0));
    }

    private CounterBatches.Outcome apply(String batchId, Map<String, CounterDelta> byParticipation,
                                         Map<ParticipationDay, CounterDelta> byDay,
                                         Map<ParticipationQuarterHour, CounterDelta> byQuarter) {
        return fixture.store().counterBatches().apply(batchId, byParticipation, byDay, byQuarter, List.of());
    }

    private static ParticipationQuarterHour quarterOf(ParticipationDay day, String time) {
        return new ParticipationQuarterHour(day.participationId(), Instant.parse(day.day() + "T" + time + ":00Z"));
    }

    /** Read back through the queries the window uses: quarters, days and the participation's own counters agree. */
    private void assertQuartersAddUpToDaysAndDaysToTheTotal(Participation p, long impressions, long clicks) {
        List<QuarterHourEarnings> quarters = fixture.store().earnings()
                .quarterHours(List.of(p.id()), Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));
        List<DailyEarnings> days = fixture.store().earnings()
                .daily(List.of(p.id()), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
        Participation after = fixture.store().participations().byId(p.id()).orElseThrow();
        assertThat(after.impressions()).isEqualTo(impressions);
        assertThat(after.clicks()).isEqualTo(clicks);
        assertThat(quarters.stream().mapToLong(QuarterHourEarnings::impressions).sum()).as("impressions of the quarters")
                .isEqualTo(days.stream().mapToLong(DailyEarnings::impressions).sum()).isEqualTo(impressions);
        assertThat(quarters.stream().mapToLong(QuarterHourEarnings::clicks).sum()).as("clicks of the quarters")
                .isEqualTo(days.stream().mapToLong(DailyEarnings::clicks).sum()).isEqualTo(clicks);
        assertThat(quarters.stream().map(QuarterHourEarnings::earnings).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("earnings of the quarters")
                .isEqualByComparingTo(days.stream().map(DailyEarnings::earnings).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(after.estimatedEarnings());
    }
}
