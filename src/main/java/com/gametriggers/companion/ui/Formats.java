package com.gametriggers.companion.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

import com.gametriggers.companion.domain.Money;

/**
 * Numbers, amounts and dates as the streamer's system writes them: the format locale of the JVM (the system's
 * regional settings), read on every call so a test can switch it. {@code 12,345} and {@code $1,234.50} in the US,
 * {@code 12.345} and {@code 1.234,50 €} in Germany. The sentences around them stay English; only the values follow
 * the locale. Files meant for other programs (the CSV export) never use this: they keep plain, locale-free values.
 */
public final class Formats {

    /** Shown where a number cannot be computed yet (a click-through rate before the first impression). */
    public static final String NO_VALUE = "–";

    private Formats() {
    }

    public static Locale locale() {
        return Locale.getDefault(Locale.Category.FORMAT);
    }

    /** A count with the locale's grouping: {@code 12,345} or {@code 12.345}. */
    public static String count(long value) {
        return NumberFormat.getIntegerInstance(locale()).format(value);
    }

    /** {@code part / whole} as a percentage with one decimal ({@code 1.5%}, {@code 1,5 %}); {@link #NO_VALUE} for 0. */
    public static String percent(long part, long whole) {
        if (whole == 0) {
            return NO_VALUE;
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(new BigDecimal(part).divide(new BigDecimal(whole), 6, RoundingMode.HALF_EVEN));
    }

    /**
     * An amount in the currency's usual places ({@code $1,234.50}, {@code 1.234,50 €}, {@code ¥1,235}). An amount
     * smaller than the currency's smallest unit shows its fraction ({@code $0.0045}, what a few CPM impressions
     * earn), so something earned never reads as zero.
     */
    public static String money(BigDecimal amount, Currency currency) {
        int usual = usualPlaces(currency);
        BigDecimal smallestUnit = BigDecimal.ONE.movePointLeft(usual);
        int places = amount.signum() != 0 && amount.abs().compareTo(smallestUnit) < 0 ? exactPlaces(amount, usual) : usual;
        return money(amount, currency, places);
    }

    /** The amount to the micro-unit the store keeps, at least the currency's usual places: {@code $63.8505}. */
    public static String exactMoney(BigDecimal amount, Currency currency) {
        return money(amount, currency, exactPlaces(amount, usualPlaces(currency)));
    }

    /**
     * A label of a chart's amount axis: whole units while the ticks are whole ({@code $5}), else the currency's usual
     * places, else as many places as a tick below the smallest unit needs ({@code $0.0005}).
     */
    public static String axisMoney(double value, double tickUnit, Currency currency) {
        int usual = usualPlaces(currency);
        int places;
        if (tickUnit >= 1 && tickUnit == Math.rint(tickUnit)) {
            places = 0;
        } else if (tickUnit >= Math.pow(10, -usual)) {
            places = usual;
        } else {
            places = Math.min(Money.SCALE, Math.max(usual, BigDecimal.valueOf(tickUnit).stripTrailingZeros().scale()));
        }
        return money(BigDecimal.valueOf(value), currency, places);
    }

    private static String money(BigDecimal amount, Currency currency, int places) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale());
        format.setCurrency(currency);
        format.setMinimumFractionDigits(places);
        format.setMaximumFractionDigits(places);
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(amount.setScale(places, RoundingMode.HALF_EVEN));
    }

    private static int usualPlaces(Currency currency) {
        int places = currency.getDefaultFractionDigits();
        return places < 0 ? 2 : places; // pseudo-currencies such as XXX have none; cents are the safest guess
    }

    private static int exactPlaces(BigDecimal amount, int usual) {
        return Math.max(amount.setScale(Money.SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros().scale(), usual);
    }

    /** A day as a chart labels it, without its year: {@code 11/27} in the US, {@code 27.11.} in Germany. */
    public static String shortDay(LocalDate day) {
        return DateTimeFormatter.ofPattern(withoutYear(pattern(FormatStyle.SHORT)), locale()).format(day);
    }

    /** A day in full, as a tooltip names it: {@code Friday, November 27, 2026}, {@code Freitag, 27. November 2026}. */
    public static String longDay(LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale()).format(day);
    }

    /** A date: {@code Nov 27, 2026}, {@code 27.11.2026}. */
    public static String date(LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(day);
    }

    /** A moment's date in {@code zone}. */
    public static String date(Instant moment, ZoneId zone) {
        return date(LocalDate.ofInstant(moment, zone));
    }

    /** A moment to the second: {@code 11/27/26, 7:15:04 PM}, {@code 27.11.26, 19:15:04}. */
    public static String dateTime(Instant moment, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM).withLocale(locale())
                .withZone(zone).format(moment);
    }

    /** A moment's time of day to the minute: {@code 7:15 PM}, {@code 19:15}. */
    public static String time(Instant moment, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale()).withZone(zone).format(moment);
    }

    private static String pattern(FormatStyle style) {
        return DateTimeFormatterBuilder.getLocalizedDateTimePattern(style, null, IsoChronology.INSTANCE, locale());
    }

    /**
     * The locale's short date pattern without its year and the separator that joined it: {@code M/d/yy} becomes
     * {@code M/d}, {@code dd.MM.yy} becomes {@code dd.MM.}, {@code y/MM/dd} becomes {@code MM/dd}.
     */
    static String withoutYear(String pattern) {
        String trimmed = pattern.replaceAll("^y+[^A-Za-z']*", "").replaceAll("[^A-Za-z'.]*y+[^A-Za-z']*$", "")
                .replaceAll("[^A-Za-z']*y+", "");
        return trimmed.isBlank() ? pattern : trimmed.strip();
    }
}
