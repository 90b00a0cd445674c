package com.gametriggers.companion.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class FormatsTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final Instant EVENING = Instant.parse("2026-11-27T18:05:09Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aUsStreamerReadsUsFormats() {
        try (TestLocale ignored = TestLocale.use(Locale.US)) {
            assertThat(Formats.count(1_234_567)).isEqualTo("1,234,567");
            assertThat(Formats.money(new BigDecimal("1234.5"), USD)).isEqualTo("$1,234.50");
            assertThat(Formats.money(new BigDecimal("1234.5"), EUR)).isEqualTo("€1,234.50");
            assertThat(Formats.percent(3, 200)).isEqualTo("1.5%");
            assertThat(Formats.shortDay(DAY)).isEqualTo("11/27");
            assertThat(Formats.date(DAY)).isEqualTo("Nov 27, 2026");
            assertThat(Formats.dateTime(EVENING, BERLIN)).isEqualTo("11/27/26, 7:05:09 PM");
            assertThat(Formats.time(EVENING, BERLIN)).isEqualTo("7:05 PM");
        }
    }

    @Test
    void aGermanStreamerReadsGermanFormats() {
        try (TestLocale ignored = TestLocale.use(Locale.GERMANY)) {
            assertThat(Formats.count(1_234_567)).isEqualTo("1.234.567");
            assertThat(Formats.money(new BigDecimal("1234.5"), EUR)).isEqualTo("1.234,50\u00a0€");
            assertThat(Formats.money(new BigDecimal("1234.5"), USD)).isEqualTo("1.234,50\u00a0$");
            assertThat(Formats.percent(3, 200)).isEqualTo("1,5\u00a0%");
            assertThat(Formats.shortDay(DAY)).isEqualTo("27.11.");
            assertThat(Formats.date(DAY)).isEqualTo("27.11.2026");
            assertThat(Formats.longDay(DAY)).isEqualTo("Freitag, 27. November 2026");
            assertThat(Formats.dateTime(EVENING, BERLIN)).isEqualTo("27.11.26, 19:05:09");
            assertThat(Formats.time(EVENING, BERLIN)).isEqualTo("19:05");
        }
    }

    @Test
    void amountsKeepTheCurrencysUsualPlacesAndShowWhatIsBelowItsSmallestUnit() {
        try (TestLocale ignored = TestLocale.use(Locale.US)) {
            assertThat(Formats.money(new BigDecimal("1234.5"), JPY)).as("yen have no minor unit").isEqualTo("¥1,234");
            assertThat(Formats.money(new BigDecimal("0.45"), JPY)).isEqualTo("¥0.45");
            assertThat(Formats.money(new BigDecimal("0.0045"), USD)).isEqualTo("$0.0045");
            assertThat(Formats.money(BigDecimal.ZERO, USD)).isEqualTo("$0.00");
            assertThat(Formats.money(new BigDecimal("-2.5"), USD)).isEqualTo("-$2.50");
            assertThat(Formats.exactMoney(new BigDecimal("63.850500"), EUR)).isEqualTo("€63.8505");
            assertThat(Formats.axisMoney(0.0015, 0.0005, USD)).isEqualTo("$0.0015");
            assertThat(Formats.axisMoney(100, 50, JPY)).isEqualTo("¥100");
        }
    }

    @Test
    void noValueBeforeTheFirstImpression() {
        assertThat(Formats.percent(0, 0)).isEqualTo(Formats.NO_VALUE);
    }

    @Test
    void aShortDayLosesItsYearAndTheSeparatorBeforeIt() {
        assertThat(Formats.withoutYear("M/d/yy")).isEqualTo("M/d");
        assertThat(Formats.withoutYear("dd.MM.yy")).isEqualTo("dd.MM.");
        assertThat(Formats.withoutYear("y/MM/dd")).isEqualTo("MM/dd");
        assertThat(Formats.withoutYear("yy. M. d.")).isEqualTo("M. d.");
        assertThat(Formats.withoutYear("dd/MM/y")).isEqualTo("dd/MM");
        assertThat(Formats.withoutYear("d-M")).as("nothing to take away").isEqualTo("d-M");
    }
}
