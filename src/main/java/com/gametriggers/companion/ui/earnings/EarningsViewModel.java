package com.gametriggers.companion.ui.earnings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.gametriggers.companion.domain.Money;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.store.StoreException;
import com.gametriggers.companion.ui.earnings.EarningsSummary.CampaignRow;
import com.gametriggers.companion.ui.earnings.EarningsSummary.DayPoint;
import com.gametriggers.companion.ui.earnings.EarningsSummary.PeriodTotals;

/**
 * What the earnings view shows, as plain values and sentences: the four totals cards, which chart series appear, the
 * chart's day labels and tooltips, and the table's cells. No JavaFX here, so the rules are tested without a window.
 *
 * <p>Amounts are in the platform's currency, which campaigns do not name; they read as dollars. They show whole
 * cents ({@link #money}); the exact amount, to the micro-unit the store keeps, is a tooltip away ({@link #exactMoney}).
 */
public final class EarningsViewModel {

    /** Shown where a number cannot be computed yet (a CTR before the first impression), as in the Campaigns table. */
    static final String NO_VALUE = "–";
    static final String EMPTY_STATE = "Earnings appear here once a sponsor has been on stream.";
    private static final int MIN_PLACES = 2;
    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final String CURRENCY = "$";
    /** Every how many days, counted back from today, the chart's day axis has a label. */
    static final int LABEL_EVERY_DAYS = 7;
    /** Takes no room on the day axis, so the labels there stay horizontal. */
    static final String UNLABELLED = "\u200B";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEE, MMM d", Locale.ENGLISH);

    private EarningsViewModel() {
    }

    /** The four periods of the totals cards, in their order on screen; {@code id} names the card's controls. */
    public enum Period {
        TODAY("Today", "today", EarningsSummary::today),
        WEEK("Last 7 days", "week", EarningsSummary::lastSevenDays),
        MONTH("Last 30 days", "month", EarningsSummary::lastThirtyDays),
        ALL_TIME("All time", "all-time", EarningsSummary::allTime);

        final String title;
        final String id;
        private final Function<EarningsSummary, PeriodTotals> totals;

        Period(String title, String id, Function<EarningsSummary, PeriodTotals> totals) {
            this.title = title;
            this.id = id;
            this.totals = totals;
        }

        public PeriodTotals totals(EarningsSummary summary) {
            return totals.apply(summary);
        }
    }

    /**
     * One totals card as text: {@code $12.50}, {@code CPM $10.00 · CPC $2.50}, {@code 2,000 impressions · 10 clicks};
     * {@code exactTotal} ({@code $12.4975}) for its tooltip.
     */
    public record Card(String title, String total, String exactTotal, String split, String counts) {
    }

    /** The chart's series, in stacking order; {@link #OTHER} holds earnings whose campaign the store no longer has. */
    public enum Series {
        CPM("CPM (per 1,000 impressions)"),
        CPC("CPC (per click)"),
        OTHER("Other");

        final String title;

        Series(String title) {
            this.title = title;
        }

        public BigDecimal of(DayPoint point) {
            return switch (this) {
                case CPM -> point.cpm();
                case CPC -> point.cpc();
                case OTHER -> point.other();
            };
        }
    }

    public static Card card(Period period, EarningsSummary summary) {
        PeriodTotals totals = period.totals(summary);
        return new Card(period.title, money(totals.total()), exactMoney(totals.total()), split(totals), counts(totals.impressions(), totals.clicks()));
    }

    /** CPM and CPC apart, always both; "other" only when there is some. */
    static String split(PeriodTotals totals) {
        String split = "CPM " + money(totals.cpm()) + " · CPC " + money(totals.cpc());
        return totals.other().signum() == 0 ? split : split + " · other " + money(totals.other());
    }

    static String counts(long impressions, long clicks) {
        return count(impressions) + (impressions == 1 ? " impression · " : " impressions · ")
                + count(clicks) + (clicks == 1 ? " click" : " clicks");
    }

    /**
     * Nothing to show yet: no participation has counted anything. Counts without earnings (a paused sponsor on
     * stream) are not empty: the cards then say so with their zeros and counts.
     */
    public static boolean isEmpty(EarningsSummary summary) {
        PeriodTotals all = summary.allTime();
        return all.total().signum() == 0 && all.impressions() == 0 && all.clicks() == 0
                && summary.lastThirtyDays().total().signum() == 0;
    }

    /** CPM and CPC always, so the legend keeps its place; "other" only when one of the days has some. */
    public static List<Series> seriesShown(List<DayPoint> points) {
        List<Series> shown = new ArrayList<>(List.of(Series.CPM, Series.CPC));
        if (points.stream().anyMatch(point -> point.other().signum() != 0)) {
            shown.add(Series.OTHER);
        }
        return shown;
    }

    /**
     * The chart's category of a day, which is also its label on the day axis: {@code Nov 27} for today and every
     * {@value #LABEL_EVERY_DAYS}th day before it, an invisible one in between, as 30 dates side by side would overlap
     * (the tooltips name every day). A chart's categories must differ, so an unlabelled day is as many zero-width
     * spaces as it is days before today.
     */
    static String category(LocalDate day, LocalDate today) {
        long daysBack = ChronoUnit.DAYS.between(day, today);
        if (daysBack >= 0 && daysBack % LABEL_EVERY_DAYS == 0) {
            return DAY.format(day);
        }
        return UNLABELLED.repeat((int) Math.abs(daysBack));
    }

    /** A bar's tooltip: the day, its total, and each shown series' part. */
    static String dayTooltip(DayPoint point, List<Series> shown) {
        StringBuilder text = new StringBuilder(LONG_DAY.format(point.day())).append(" (UTC): ").append(money(point.total()));
        for (Series series : shown) {
            text.append('\n').append(series == Series.OTHER ? "Other" : series.name()).append(' ').append(money(series.of(point)));
        }
        return text.toString();
    }

    static String brand(CampaignRow row) {
        return row.brandName() == null ? "Unknown sponsor" : row.brandName();
    }

    static String campaign(CampaignRow row) {
        return row.campaignName() == null ? "Campaign " + row.campaignId() : row.campaignName();
    }

    static String paymentType(PaymentType type) {
        if (type == null) {
            return NO_VALUE;
        }
        return switch (type) {
            case CPM -> "CPM";
            case CPC -> "CPC";
        };
    }

    /** Counted clicks per impression as a percentage with one decimal, as in the Campaigns table. */
    static String ctr(long clicks, long impressions) {
        if (impressions == 0) {
            return NO_VALUE;
        }
        return BigDecimal.valueOf(clicks).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(impressions), 1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    /**
     * {@code $1,234.50}: whole cents, grouped, never an exponent. An amount below one cent shows its fraction
     * ({@code $0.0045}, what a few CPM impressions earn), so something earned never reads as {@code $0.00}.
     */
    public static String money(BigDecimal amount) {
        BigDecimal abs = amount.abs();
        int places = abs.compareTo(CENT) < 0 ? exactPlaces(abs) : MIN_PLACES;
        return format(amount, places);
    }

    /** The amount to the micro-unit the store keeps, as the Campaigns table shows it: {@code $63.8505}. */
    public static String exactMoney(BigDecimal amount) {
        return format(amount, exactPlaces(amount));
    }

    private static int exactPlaces(BigDecimal amount) {
        return Math.max(amount.setScale(Money.SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros().scale(), MIN_PLACES);
    }

    private static String format(BigDecimal amount, int places) {
        BigDecimal rounded = amount.setScale(places, RoundingMode.HALF_EVEN);
        DecimalFormat format = grouped();
        format.setMinimumFractionDigits(places);
        format.setMaximumFractionDigits(places);
        return (rounded.signum() < 0 ? "-" : "") + CURRENCY + format.format(rounded.abs());
    }

    /**
     * A label of the chart's amount axis: whole dollars while the ticks are whole dollars ({@code $5}), else cents
     * ({@code $2.50}), else as many places as a tick below one cent needs ({@code $0.0005}).
     */
    static String axisMoney(double value, double tickUnit) {
        int places;
        if (tickUnit >= 1 && tickUnit == Math.rint(tickUnit)) {
            places = 0;
        } else if (tickUnit >= 0.01) {
            places = MIN_PLACES;
        } else {
            places = Math.min(Money.SCALE, Math.max(MIN_PLACES, BigDecimal.valueOf(tickUnit).stripTrailingZeros().scale()));
        }
        return format(BigDecimal.valueOf(value), places);
    }

    /** A count with thousands grouped: {@code 12,345}. */
    public static String count(long value) {
        return grouped().format(value);
    }

    /** The sentence for a failed read: the store's own sentence when it has one. */
    static String problem(Throwable failure) {
        if (failure instanceof StoreException && failure.getMessage() != null) {
            return "The earnings could not be read: " + failure.getMessage();
        }
        return "The earnings could not be read; logs/companion.log in the data folder has the details for a bug report.";
    }

    private static DecimalFormat grouped() {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format;
    }
}
