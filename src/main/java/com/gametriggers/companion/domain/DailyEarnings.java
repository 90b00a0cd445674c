package com.gametriggers.companion.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What one participation counted and earned on one day: a UTC day read from its daily stats bucket, or a day of the
 * streamer's zone that {@link LocalDays} folded from the buckets. {@code earnings} is exact: the buckets' micro-units
 * when the app wrote them.
 */
public record DailyEarnings(LocalDate day, String participationId, long impressions, long clicks, BigDecimal earnings) {

    public DailyEarnings {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(participationId, "participationId");
        Objects.requireNonNull(earnings, "earnings");
    }
}
