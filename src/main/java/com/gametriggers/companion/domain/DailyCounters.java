package com.gametriggers.companion.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One participation's daily bucket with every counter it holds (clicks by type, filtered, unbilled), as the earnings
 * export lists it; {@code earnings} is exact, as in {@link DailyEarnings}.
 */
public record DailyCounters(ParticipationDay day, CounterDelta counts, BigDecimal earnings) {

    public DailyCounters {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(earnings, "earnings");
    }
}
