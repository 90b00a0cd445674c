package com.gametriggers.companion.ui.earnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.app.StoreReads;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.tracking.TrackingEvent;

/**
 * "Today" and the chart's days are the streamer's, in the clock's zone: events tracked into the real embedded store
 * and read back through {@code StoreReads}, as the window reads them.
 */
class EarningsLoaderTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final EarningsFixture fixture;

    EarningsLoaderTest(@TempDir Path dataDir) throws Exception {
        fixture = new EarningsFixture(dataDir);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void anEveningStreamAcrossUtcMidnightIsOneDayInNewYorkAndTwoInUtc() {
        Participation sponsor = fixture.join("Acme", "Evening", PaymentType.CPM, "2.00");
        // A few days back, so the whole evening is in the chart in either zone whatever the hour of the test.
        LocalDate evening = LocalDate.ofInstant(fixture.now, ZoneOffset.UTC).minusDays(3);
        Instant beforeMidnightUtc = evening.atTime(23, 30).toInstant(ZoneOffset.UTC);
        Instant afterMidnightUtc = evening.plusDays(1).atTime(0, 30).toInstant(ZoneOffset.UTC);
        List<CompletableFuture<?>> recorded = EarningsFixture.events();
        recorded.add(fixture.tracker.record(TrackingEvent.impression(UUID.randomUUID().toString(), sponsor.id(),
                beforeMidnightUtc, 1000)));
        recorded.add(fixture.tracker.record(TrackingEvent.impression(UUID.randomUUID().toString(), sponsor.id(),
                afterMidnightUtc, 500)));
        awaitStored(recorded);

        Map<LocalDate, BigDecimal> inNewYork = byDay(load(NEW_YORK));
        Map<LocalDate, BigDecimal> inUtc = byDay(load(ZoneOffset.UTC));

        assertThat(inNewYork).as("18:30 and 19:30 (or 19:30 and 20:30 in summer) in New York").containsOnly(
                Map.entry(evening, new BigDecimal("3.000000")));
        assertThat(inUtc).containsOnly(
                Map.entry(evening, new BigDecimal("2.000000")),
                Map.entry(evening.plusDays(1), new BigDecimal("1.000000")));
    }

    @Test
    void todayIsTheDateInTheClocksZone() {
        Instant lateInUtc = Instant.parse("2026-11-27T23:30:00Z");

        assertThat(EarningsLoader.today(Clock.fixed(lateInUtc, ZoneOffset.UTC))).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(EarningsLoader.today(Clock.fixed(lateInUtc, ZoneId.of("Asia/Tokyo")))).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(EarningsLoader.today(Clock.fixed(Instant.parse("2026-11-28T04:59:59Z"), NEW_YORK)))
                .isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void theTodayCardCountsTheStreamersDaySoFar() {
        Participation sponsor = fixture.join("Acme", "Today", PaymentType.CPM, "2.00");
        Instant localMidnight = LocalDate.ofInstant(fixture.now, NEW_YORK).atStartOfDay(NEW_YORK).toInstant();
        List<CompletableFuture<?>> recorded = EarningsFixture.events();
        recorded.add(fixture.tracker.record(TrackingEvent.impression(UUID.randomUUID().toString(), sponsor.id(),
                localMidnight.minusSeconds(60), 1000)));
        recorded.add(fixture.tracker.record(TrackingEvent.impression(UUID.randomUUID().toString(), sponsor.id(),
                localMidnight, 500)));
        awaitStored(recorded);

        EarningsSummary summary = load(NEW_YORK);

        assertThat(summary.day()).isEqualTo(LocalDate.ofInstant(fixture.now, NEW_YORK));
        assertThat(summary.today().total()).as("only what came after midnight in New York").isEqualByComparingTo("1.00");
        assertThat(summary.today().impressions()).isEqualTo(500);
        assertThat(summary.lastSevenDays().total()).isEqualByComparingTo("3.00");
    }

    /** Until the batches are stored whole: their quarter hours are written after the days the fixture waits for. */
    private void awaitStored(List<CompletableFuture<?>> recorded) {
        fixture.awaitStored(recorded, "3.00", "3.00");
        await().atMost(Duration.ofSeconds(20)).until(() -> fixture.tracker.status().eventsWaiting() == 0);
    }

    private EarningsSummary load(ZoneId zone) {
        return EarningsLoader.load(new StoreReads(fixture.store, fixture.streamerId),
                Clock.fixed(fixture.now, zone));
    }

    private static Map<LocalDate, BigDecimal> byDay(EarningsSummary summary) {
        return summary.series().stream().filter(point -> point.total().signum() != 0)
                .collect(Collectors.toMap(EarningsSummary.DayPoint::day, EarningsSummary.DayPoint::total));
    }
}
