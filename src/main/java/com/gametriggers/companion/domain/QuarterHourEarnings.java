package com.gametriggers.companion.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one participation counted and earned in one quarter hour, read from its quarter-hour bucket; {@code earnings}
 * is exact, as in {@link DailyEarnings}.
 */
public record QuarterHourEarnings(ParticipationQuarterHour quarter, long impressions, long clicks, BigDecimal earnings) {

    public QuarterHourEarnings {
        Objects.requireNonNull(quarter, "quarter");
        Objects.requireNonNull(earnings, "earnings");
    }
}
