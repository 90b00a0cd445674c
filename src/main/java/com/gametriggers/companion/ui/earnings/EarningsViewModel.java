package com.gametriggers.companion.ui.earnings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;

import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.store.StoreException;
import com.gametriggers.companion.ui.Formats;
import com.gametriggers.companion.ui.earnings.EarningsSummary.CampaignRow;
import com.gametriggers.companion.ui.earnings.EarningsSummary.DayPoint;
import com.gametriggers.companion.ui.earnings.EarningsSummary.PeriodTotals;

/**
 * What the earnings view shows, as plain values and sentences: the four totals cards, which chart series appear, the
 * chart's day labels and tooltips, and the table's cells. No JavaFX here, so the rules are tested without a window.
 *
 * <p>Amounts are in the summary's currency, and like counts and dates they follow the system's format locale
 * ({@link Formats}). They show the currency's usual places; the exact amount, to the micro-unit the store keeps, is a
 * tooltip away.
 */
public final class EarningsViewModel {

    /** Shown where a number cannot be computed yet (a CTR before the first impression), as in the Campaigns table. */
    static final String NO_VALUE = Formats.NO_VALUE;
    static final String EMPTY_STATE = "Earnings appear here once a sponsor has been on stream.";
    /** Every how many days, counted back from today, the chart's day axis has a label. */
    static final int LABEL_EVERY_DAYS = 7;
    /** Takes no room on the day axis, so the labels there stay horizontal. */
    static final String UNLABELLED = "\u200B";

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
        Currency currency = summary.currency();
        return new Card(period.title, Formats.money(totals.total(), currency), Formats.exactMoney(totals.total(), currency),
                split(totals, currency), counts(totals.impressions(), totals.clicks()));
    }

    /** CPM and CPC apart, always both; "other" only when there is some. */
    static String split(PeriodTotals totals, Currency currency) {
        String split = "CPM " + Formats.money(totals.cpm(), currency) + " · CPC " + Formats.money(totals.cpc(), currency);
        return totals.other().signum() == 0 ? split : split + " · other " + Formats.money(totals.other(), currency);
    }

    static String counts(long impressions, long clicks) {
        return Formats.count(impressions) + (impressions == 1 ? " impression · " : " impressions · ")
                + Formats.count(clicks) + (clicks == 1 ? " click" : " clicks");
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
     * The chart's category of a day, which is also its label on the day axis: {@code 11/27} for today and every
     * {@value #LABEL_EVERY_DAYS}th day before it, an invisible one in between, as 30 dates side by side would overlap
     * (the tooltips name every day). A chart's categories must differ, so an unlabelled day is as many zero-width
     * spaces as it is days before today.
     */
    static String category(LocalDate day, LocalDate today) {
        long daysBack = ChronoUnit.DAYS.between(day, today);
        if (daysBack >= 0 && daysBack % LABEL_EVERY_DAYS == 0) {
            return Formats.shortDay(day);
        }
        return UNLABELLED.repeat((int) Math.abs(daysBack));
    }

    /** A bar's tooltip: the day, its total, and each shown series' part. */
    static String dayTooltip(DayPoint point, List<Series> shown, Currency currency) {
        StringBuilder text = new StringBuilder(Formats.longDay(point.day())).append(": ")
                .append(Formats.money(point.total(), currency));
        for (Series series : shown) {
            text.append('\n').append(series == Series.OTHER ? "Other" : series.name()).append(' ')
                    .append(Formats.money(series.of(point), currency));
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
        return Formats.percent(clicks, impressions);
    }

    /** The sentence for a failed read: the store's own sentence when it has one. */
    static String problem(Throwable failure) {
        if (failure instanceof StoreException && failure.getMessage() != null) {
            return "The earnings could not be read: " + failure.getMessage();
        }
        return "The earnings could not be read; logs/companion.log in the data folder has the details for a bug report.";
    }
}
