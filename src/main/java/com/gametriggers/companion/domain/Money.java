package com.gametriggers.companion.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Earnings are kept as whole micro-units (millionths of the currency unit) so that sums stay exact
 * under any number of concurrent {@code $inc}s; binary doubles would drift a little on every add.
 */
public final class Money {

    /** Six decimal places: the precision earnings are rounded to, once per recorded batch. */
    public static final int SCALE = 6;

    private Money() {
    }

    public static long toMicros(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.HALF_EVEN).movePointRight(SCALE).longValueExact();
    }

    public static BigDecimal fromMicros(long micros) {
        return BigDecimal.valueOf(micros, SCALE);
    }
}
