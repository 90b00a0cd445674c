package com.gametriggers.companion.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns UTC day buckets and their quarter-hour buckets into days of the streamer's own time zone. Each quarter hour
 * goes to the local date of its start, which is exact in every zone: every offset is a whole number of quarter hours.
 * A UTC day bucket can hold more than its quarters add up to, when counts came from a version that kept no quarters
 * (or from the platform): that remainder of each participation's UTC day goes to the local date equal to the UTC
 * date, so nothing counted is lost, and everything counted with quarters lands on its exact local day. Before the
 * window is cut, the local days add up exactly to the UTC days given.
 */
public final class LocalDays {

    private LocalDays() {
    }

    private record Counts(long impressions, long clicks, BigDecimal earnings) {

        static final Counts NONE = new Counts(0, 0, Money.fromMicros(0));

        static Counts of(DailyEarnings day) {
            return new Counts(day.impressions(), day.clicks(), day.earnings());
        }

        static Counts of(QuarterHourEarnings quarter) {
            return new Counts(quarter.impressions(), quarter.clicks(), quarter.earnings());
        }

        Counts plus(Counts other) {
            return new Counts(impressions + other.impressions, clicks + other.clicks, earnings.add(other.earnings));
        }

        Counts minus(Counts other) {
            return new Counts(impressions - other.impressions, clicks - other.clicks, earnings.subtract(other.earnings));
        }

        boolean isZero() {
            return impressions == 0 && clicks == 0 && earnings.signum() == 0;
        }
    }

    /**
     * The local days {@code from} to {@code to} (inclusive) in {@code zone}, one row per participation and day that
     * has counts, ordered by day, then participation id.
     *
     * @param utcDays  the UTC day buckets; for an exact fold, every UTC day the local days touch ({@code from - 1} to
     *                 {@code to + 1} covers every zone)
     * @param quarters the quarter-hour buckets of the same participations and the same UTC days
     */
    public static List<DailyEarnings> fold(List<DailyEarnings> utcDays, List<QuarterHourEarnings> quarters, ZoneId zone,
                                           LocalDate from, LocalDate to) {
        Map<ParticipationDay, Counts> quartersByUtcDay = new HashMap<>();
        Map<ParticipationDay, Counts> local = new HashMap<>();
        for (QuarterHourEarnings quarter : quarters) {
            Counts counts = Counts.of(quarter);
            quartersByUtcDay.merge(quarter.quarter().utcDay(), counts, Counts::plus);
            LocalDate localDate = LocalDate.ofInstant(quarter.quarter().start(), zone);
            local.merge(new ParticipationDay(quarter.quarter().participationId(), localDate), counts, Counts::plus);
        }
        for (DailyEarnings day : utcDays) {
            ParticipationDay key = new ParticipationDay(day.participationId(), day.day());
            Counts remainder = Counts.of(day).minus(quartersByUtcDay.getOrDefault(key, Counts.NONE));
            if (!remainder.isZero()) {
                local.merge(key, remainder, Counts::plus);
            }
        }
        return local.entrySet().stream()
                .filter(entry -> !entry.getKey().day().isBefore(from) && !entry.getKey().day().isAfter(to))
                .map(entry -> new DailyEarnings(entry.getKey().day(), entry.getKey().participationId(),
                        entry.getValue().impressions(), entry.getValue().clicks(), entry.getValue().earnings()))
                .sorted(Comparator.comparing(DailyEarnings::day).thenComparing(DailyEarnings::participationId))
                .toList();
    }
}
