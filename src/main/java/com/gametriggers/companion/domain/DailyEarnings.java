package com.gametriggers.companion.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What one participation counted and earned on one (UTC) day, read from its daily stats bucket. {@code earnings} is
 * exact: the bucket's micro-units when the app wrote them.
 */
public record DailyEarnings(LocalDate day, String participationId, long impressions, long clicks, BigDecimal earnings) {

    public DailyEarnings {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(participationId, "participationId");
        Objects.requireNonNull(earnings, "earnings");
    }
}
