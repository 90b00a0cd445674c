package com.gametriggers.companion.store;

import static com.gametriggers.companion.store.TestIds.newId;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.gametriggers.companion.domain.CounterDelta;
import com.gametriggers.companion.domain.DailyEarnings;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.ParticipationDay;
import com.gametriggers.companion.domain.ParticipationQuarterHour;

/** Daily and quarter-hour buckets as the counter writer leaves them, read back by participation and range. */
@ExtendWith(StoreFixture.PerTest.class)
class EarningsQueriesTest {

    private static final LocalDate NOV_27 = LocalDate.of(2026, 11, 27);

    private final StoreFixture fixture;
    private final EarningsQueries queries;

    EarningsQueriesTest(StoreFixture fixture) {
        this.fixture = fixture;
        this.queries = new EarningsQueries(fixture.raw());
    }

    private static CounterDelta delta(long impressions, long clicks, long earningsMicros) {
        return new CounterDelta(impressions, clicks, 0, 0, clicks, 0, 0, 0, earningsMicros, 0, 0, 0);
    }

    private void write(String batchId, String participationId, LocalDate day, CounterDelta delta) {
        fixture.store().counterBatches().apply(batchId, Map.of(), Map.of(new ParticipationDay(participationId, day), delta), Map.of(),
                List.of());
    }

    @Test
    void readsTheInclusiveRangeSortedByDayWithExactEarnings() {
        Participation a = fixture.updates().join(newId(), newId());
        Participation b = fixture.updates().join(newId(), newId());
        write("b1", a.id(), NOV_27.minusDays(3), delta(1, 0, 1));
        write("b2", a.id(), NOV_27.minusDays(2), delta(1000, 2, 2_500_000));
        write("b3", b.id(), NOV_27.minusDays(2), delta(10, 1, 333_333));
        write("b4", a.id(), NOV_27, delta(200, 3, 100_000));
        write("b5", b.id(), NOV_27.minusDays(1), delta(7, 0, 0));
        write("b6", a.id(), NOV_27.plusDays(1), delta(5, 5, 5));

        List<DailyEarnings> rows = queries.daily(List.of(a.id(), b.id()), NOV_27.minusDays(2), NOV_27);

        assertThat(rows).extracting(DailyEarnings::day)
                .containsExactly(NOV_27.minusDays(2), NOV_27.minusDays(2), NOV_27.minusDays(1), NOV_27);
        assertThat(rows.get(0).participationId()).isIn(a.id(), b.id());
        DailyEarnings aFirst = rows.stream().filter(r -> r.participationId().equals(a.id())).findFirst().orElseThrow();
        assertThat(aFirst).isEqualTo(new DailyEarnings(NOV_27.minusDays(2), a.id(), 1000, 2, new BigDecimal("2.500000")));
        DailyEarnings bFirst = rows.stream().filter(r -> r.participationId().equals(b.id())).findFirst().orElseThrow();
        assertThat(bFirst.earnings()).isEqualTo(new BigDecimal("0.333333"));
        assertThat(rows.get(2)).isEqualTo(new DailyEarnings(NOV_27.minusDays(1), b.id(), 7, 0, new BigDecimal("0.000000")));
        assertThat(rows.get(3)).isEqualTo(new DailyEarnings(NOV_27, a.id(), 200, 3, new BigDecimal("0.100000")));
    }

    @Test
    void onlyTheAskedParticipationsAndTheSumOfBatchesOnOneDay() {
        Participation a = fixture.updates().join(newId(), newId());
        Participation other = fixture.updates().join(newId(), newId());
        for (int i = 0; i < 10; i++) {
            write("batch-" + i, a.id(), NOV_27, delta(1, 0, 100_000)); // 0.1 ten times, exactly 1
        }
        write("batch-0", a.id(), NOV_27, delta(1, 0, 100_000)); // a retried batch counts once
        write("x", other.id(), NOV_27, delta(50, 5, 9_000_000));

        List<DailyEarnings> rows = queries.daily(List.of(a.id()), NOV_27, NOV_27);

        assertThat(rows).containsExactly(new DailyEarnings(NOV_27, a.id(), 10, 0, new BigDecimal("1.000000")));
    }

    @Test
    void rangesThatMatchNothingAndNoIds() {
        Participation a = fixture.updates().join(newId(), newId());
        write("b1", a.id(), NOV_27, delta(1, 1, 1));

        assertThat(queries.daily(List.of(a.id()), NOV_27.plusDays(1), NOV_27.plusDays(30))).isEmpty();
        assertThat(queries.daily(List.of(a.id()), NOV_27, NOV_27.minusDays(1))).isEmpty();
        assertThat(queries.daily(List.of(), NOV_27.minusDays(1), NOV_27)).isEmpty();
        assertThat(queries.daily(List.of(newId()), NOV_27, NOV_27)).isEmpty();
    }

    @Test
    void rangesCrossMonthAndYearBoundaries() {
        Participation a = fixture.updates().join(newId(), newId());
        write("b1", a.id(), LocalDate.of(2026, 12, 31), delta(1, 0, 1));
        write("b2", a.id(), LocalDate.of(2027, 1, 1), delta(2, 0, 2));
        write("b3", a.id(), LocalDate.of(2027, 2, 1), delta(3, 0, 3));
        write("b4", a.id(), LocalDate.of(2026, 12, 30), delta(4, 0, 4));

        List<DailyEarnings> rows = queries.daily(List.of(a.id()), LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 31));

        assertThat(rows).extracting(DailyEarnings::day)
                .containsExactly(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 1));
    }

    @Test
    void aPlatformBucketWithoutMicrosFallsBackToEstimatedEarnings() {
        Participation a = fixture.updates().join(newId(), newId());
        fixture.rawDailyStats().insertOne(new Document("_id", a.id() + ":2026-11-27")
                .append("participationId", new ObjectId(a.id()))
                .append("day", "2026-11-27")
                .append("impressions", 12)
                .append("clicks", 1)
                .append("estimatedEarnings", 0.25));

        assertThat(queries.daily(List.of(a.id()), NOV_27, NOV_27))
                .containsExactly(new DailyEarnings(NOV_27, a.id(), 12, 1, new BigDecimal("0.25")));
    }

    @Test
    void localDaysFoldQuartersIntoTheZonesDaysAndKeepOlderCountsOnTheirUtcDate() {
        Participation a = fixture.updates().join(newId(), newId());
        // Written by a version without quarter hours: a whole UTC day.
        write("old", a.id(), NOV_27, delta(40, 1, 80_000));
        // Written now: an evening in New York (EST) on November 27, across UTC midnight.
        ParticipationQuarterHour before = new ParticipationQuarterHour(a.id(), Instant.parse("2026-11-27T23:30:00Z"));
        ParticipationQuarterHour after = new ParticipationQuarterHour(a.id(), Instant.parse("2026-11-28T00:30:00Z"));
        fixture.store().counterBatches().apply("new", Map.of(),
                Map.of(new ParticipationDay(a.id(), NOV_27), delta(10, 0, 20_000),
                        new ParticipationDay(a.id(), NOV_27.plusDays(1)), delta(5, 0, 10_000)),
                Map.of(before, delta(10, 0, 20_000), after, delta(5, 0, 10_000)), List.of());

        assertThat(queries.localDays(List.of(a.id()), ZoneId.of("America/New_York"), NOV_27, NOV_27.plusDays(1)))
                .containsExactly(new DailyEarnings(NOV_27, a.id(), 55, 1, new BigDecimal("0.110000")));
        assertThat(queries.localDays(List.of(a.id()), ZoneOffset.UTC, NOV_27, NOV_27.plusDays(1))).containsExactly(
                new DailyEarnings(NOV_27, a.id(), 50, 1, new BigDecimal("0.100000")),
                new DailyEarnings(NOV_27.plusDays(1), a.id(), 5, 0, new BigDecimal("0.010000")));
        assertThat(queries.localDays(List.of(a.id()), ZoneId.of("Asia/Tokyo"), NOV_27, NOV_27.plusDays(1)))
                .as("both quarters are on November 28 in Tokyo; the older counts stay on November 27").containsExactly(
                        new DailyEarnings(NOV_27, a.id(), 40, 1, new BigDecimal("0.080000")),
                        new DailyEarnings(NOV_27.plusDays(1), a.id(), 15, 0, new BigDecimal("0.030000")));
    }

    @Test
    void theQuarterHoursAreIndexedByParticipationAndStartOnMongoDbAndScannedOnTheEmbeddedServer() {
        assertThat(IndexSetup.REQUIRED).filteredOn(index -> index.collection().equals("participationquarterhours"))
                .singleElement().satisfies(index -> {
                    assertThat(index.name()).isEqualTo("participationId_1_start_1");
                    assertThat(index.onEmbedded()).isFalse();
                });

        fixture.reopen();

        List<String> names = fixture.rawQuarterHours().listIndexes().map(index -> index.getString("name"))
                .into(new ArrayList<>());
        if (fixture.isRemote()) {
            assertThat(names).contains("participationId_1_start_1");
        } else {
            assertThat(names).as("the embedded server has no secondary indexes").doesNotContain("participationId_1_start_1");
        }
    }
}
