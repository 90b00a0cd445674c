package com.gametriggers.companion.store;

import static com.gametriggers.companion.store.TestIds.newId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.gametriggers.companion.domain.CounterDelta;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.ParticipationDay;
import com.mongodb.client.model.Filters;

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

        CounterBatches.Outcome first = fixture.store().counterBatches().apply("batch-1", Map.of(p.id(), DELTA), Map.of(day, DELTA));
        CounterBatches.Outcome again = fixture.store().counterBatches().apply("batch-1", Map.of(p.id(), DELTA), Map.of(day, DELTA));

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
            fixture.store().counterBatches().apply("batch-" + i, Map.of(p.id(), DELTA), Map.of(day, DELTA));
        }

        Document stored = fixture.rawParticipations().find(Filters.eq("_id", new ObjectId(p.id()))).first();
        assertThat(stored.get("impressions", Number.class).longValue()).isEqualTo(100L * (CounterBatches.REMEMBERED_BATCHES + 5));
        assertThat(stored.getList("appliedBatches", String.class)).hasSize(CounterBatches.REMEMBERED_BATCHES)
                .endsWith("batch-" + (CounterBatches.REMEMBERED_BATCHES + 4));
        assertThat(stored.getString("browserSourceToken")).isEqualTo(p.browserSourceToken());
    }

    @Test
    void aBatchForAParticipationThatDoesNotExistCreatesNothing() {
        CounterBatches.Outcome outcome = fixture.store().counterBatches().apply("b", Map.of(newId(), DELTA), Map.of());

        assertThat(outcome.participationsApplied()).isZero();
        assertThat(fixture.rawParticipations().countDocuments()).isZero();
    }
}
