package com.gametriggers.companion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** UTC days and their quarter hours folded into the streamer's days, with plain values. */
class LocalDaysTest {

    private static final String P = "64b7f0c2a1b2c3d4e5f60001";
    private static final String Q = "64b7f0c2a1b2c3d4e5f60002";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    /** What the tracker writes: each quarter's counts, and each UTC day as the sum of its quarters. */
    private static final class Written {
        final List<QuarterHourEarnings> quarters = new ArrayList<>();
        final List<DailyEarnings> days = new ArrayList<>();

        Written quarter(String participationId, String start, long impressions, long clicks, String earnings) {
            ParticipationQuarterHour quarter = new ParticipationQuarterHour(participationId, Instant.parse(start));
            quarters.add(new QuarterHourEarnings(quarter, impressions, clicks, money(earnings)));
            return day(participationId, quarter.utcDay().day().toString(), impressions, clicks, earnings);
        }

        /** Counts in a UTC day bucket alone, as a version without quarter hours (or the platform) left them. */
        Written day(String participationId, String day, long impressions, long clicks, String earnings) {
            LocalDate date = LocalDate.parse(day);
            DailyEarnings added = new DailyEarnings(date, participationId, impressions, clicks, money(earnings));
            DailyEarnings existing = days.stream()
                    .filter(d -> d.day().equals(date) && d.participationId().equals(participationId)).findFirst().orElse(null);
            if (existing == null) {
                days.add(added);
            } else {
                days.set(days.indexOf(existing), new DailyEarnings(date, participationId,
                        existing.impressions() + impressions, existing.clicks() + clicks,
                        existing.earnings().add(added.earnings())));
            }
            return this;
        }

        List<DailyEarnings> fold(ZoneId zone, String from, String to) {
            return LocalDays.fold(days, quarters, zone, LocalDate.parse(from), LocalDate.parse(to));
        }
    }

    private static DailyEarnings row(String day, String participationId, long impressions, long clicks, String earnings) {
        return new DailyEarnings(LocalDate.parse(day), participationId, impressions, clicks, money(earnings));
    }

    /** An amount as the store gives it back: exact micro-units. */
    private static BigDecimal money(String amount) {
        return Money.fromMicros(Money.toMicros(new BigDecimal(amount)));
    }

    @Test
    void aNewYorkEveningStreamIsOneLocalDayThoughItSpansTwoUtcDays() {
        // 19:00 to 23:00 in New York on December 1 is 00:00 to 04:00 UTC on December 2 (EST, UTC-5)...
        // ...and an earlier stream, 18:00 New York on December 1, is 23:00 UTC on December 1.
        Written written = new Written()
                .quarter(P, "2026-12-01T23:00:00Z", 100, 1, "0.20")
                .quarter(P, "2026-12-01T23:45:00Z", 50, 0, "0.10")
                .quarter(P, "2026-12-02T00:00:00Z", 200, 2, "0.40")
                .quarter(P, "2026-12-02T03:45:00Z", 10, 0, "0.02")
                .quarter(P, "2026-12-02T05:00:00Z", 7, 0, "0.014"); // midnight in New York: December 2

        assertThat(written.fold(NEW_YORK, "2026-11-30", "2026-12-03")).containsExactly(
                row("2026-12-01", P, 360, 3, "0.72"),
                row("2026-12-02", P, 7, 0, "0.014"));
        assertThat(written.fold(ZoneOffset.UTC, "2026-11-30", "2026-12-03")).as("in UTC, the buckets as they are")
                .containsExactly(row("2026-12-01", P, 150, 1, "0.30"), row("2026-12-02", P, 217, 2, "0.434"));
    }

    @Test
    void kolkataAtFiveThirtyAndKathmanduAtFiveFortyFiveAheadSplitOnTheirQuarter() {
        // Midnight in Kolkata (UTC+5:30) is 18:30 UTC, in Kathmandu (UTC+5:45) 18:15 UTC: an hour bucket 18:00-19:00
        // UTC would straddle both.
        Written written = new Written()
                .quarter(P, "2026-12-01T18:00:00Z", 1, 0, "1")
                .quarter(P, "2026-12-01T18:15:00Z", 2, 0, "2")
                .quarter(P, "2026-12-01T18:30:00Z", 4, 0, "4")
                .quarter(P, "2026-12-01T18:45:00Z", 8, 0, "8");

        assertThat(written.fold(KOLKATA, "2026-12-01", "2026-12-02")).containsExactly(
                row("2026-12-01", P, 3, 0, "3"),
                row("2026-12-02", P, 12, 0, "12"));
        assertThat(written.fold(ZoneId.of("Asia/Kathmandu"), "2026-12-01", "2026-12-02")).containsExactly(
                row("2026-12-01", P, 1, 0, "1"),
                row("2026-12-02", P, 14, 0, "14"));
    }

    @Test
    void theDayNewYorkFallsBackHasTwentyFiveHoursAllOnIt() {
        // November 1, 2026: EDT (UTC-4) until 02:00 local, then EST (UTC-5). The local day runs 04:00Z to 05:00Z next day.
        Written written = new Written()
                .quarter(P, "2026-11-01T03:45:00Z", 1, 0, "0.001")   // October 31, 23:45 EDT
                .quarter(P, "2026-11-01T04:00:00Z", 10, 0, "0.01")   // November 1, 00:00 EDT
                .quarter(P, "2026-11-01T05:30:00Z", 20, 0, "0.02")   // 01:30 EDT, the first time
                .quarter(P, "2026-11-01T06:30:00Z", 40, 0, "0.04")   // 01:30 EST, the second time
                .quarter(P, "2026-11-02T04:45:00Z", 80, 0, "0.08")   // 23:45 EST, the 25th hour's last quarter
                .quarter(P, "2026-11-02T05:00:00Z", 160, 0, "0.16"); // November 2, 00:00 EST

        assertThat(written.fold(NEW_YORK, "2026-10-31", "2026-11-02")).containsExactly(
                row("2026-10-31", P, 1, 0, "0.001"),
                row("2026-11-01", P, 150, 0, "0.15"),
                row("2026-11-02", P, 160, 0, "0.16"));
    }

    @Test
    void countsFromBeforeQuarterHoursStayOnTheirUtcDateAndNothingIsLost() {
        Written written = new Written()
                .day(P, "2026-12-01", 1000, 10, "2.00")              // an older version's whole day
                .quarter(P, "2026-12-02T02:00:00Z", 5, 0, "0.01")     // after the update, on the same UTC day...
                .day(P, "2026-12-02", 300, 3, "0.60")                 // ...as counts from before it
                .day(Q, "2026-12-02", 9, 0, "0.009");                 // another participation, older counts only

        assertThat(written.fold(NEW_YORK, "2026-11-30", "2026-12-02")).containsExactly(
                row("2026-12-01", P, 1005, 10, "2.01"),  // the quarter at 21:00 December 1 in New York, and the old day
                row("2026-12-02", P, 300, 3, "0.60"),    // the remainder of December 2 (UTC), on December 2
                row("2026-12-02", Q, 9, 0, "0.009"));
    }

    @Test
    void onlyTheDaysAskedForComeOut() {
        Written written = new Written()
                .quarter(P, "2026-12-01T02:00:00Z", 1, 0, "0")   // November 30 in New York
                .quarter(P, "2026-12-03T12:00:00Z", 2, 0, "0");

        assertThat(written.fold(NEW_YORK, "2026-12-01", "2026-12-02")).isEmpty();
        assertThat(written.fold(NEW_YORK, "2026-11-30", "2026-12-03")).extracting(DailyEarnings::day)
                .containsExactly(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-03"));
    }
}
