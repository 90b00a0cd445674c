package com.gametriggers.companion.ui.earnings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.DailyEarnings;
import com.gametriggers.companion.domain.Money;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.PaymentType;

/**
 * What the earnings view shows, computed from plain data (no JavaFX, no store): totals for today, the last 7 and 30
 * days and all time, a row per campaign, and a zero-filled daily series for the chart, each split by payment type.
 *
 * <p>Periods end with {@code today} and include it: the last 7 days are {@code today - 6 .. today}. Period totals and
 * the series come from the daily rows; all-time totals and the campaign rows from the participations' own counters
 * ({@code estimatedEarnings}, exact micro-units when the app wrote them). Sums are exact {@link BigDecimal}s. Earnings
 * of a participation whose campaign was not given, or of a daily row whose participation was not given, have no
 * payment type: they count in the totals as {@code other}, so {@code total = cpm + cpc + other} always holds and
 * nothing vanishes. Daily rows after {@code today} are in no period.
 *
 * <p>Amounts in different currencies are never added up: a summary is in one {@link #currency()}, that of the
 * campaigns it covers (a participation whose campaign is missing counts in the default currency). It starts in the
 * currency the streamer earned most in, and {@link #in} shows the same data in another of {@link #currencies()}.
 */
public final class EarningsSummary {

    /** Days in the chart's window, and in the longest period. */
    public static final int CHART_DAYS = 30;
    /** Days in the short period. */
    public static final int WEEK_DAYS = 7;

    private static final BigDecimal ZERO = Money.fromMicros(0);

    /** Earnings and counts over one period, split by payment type. */
    public record PeriodTotals(BigDecimal cpm, BigDecimal cpc, BigDecimal other, long impressions, long clicks) {

        public static final PeriodTotals EMPTY = new PeriodTotals(ZERO, ZERO, ZERO, 0, 0);

        public PeriodTotals {
            Objects.requireNonNull(cpm, "cpm");
            Objects.requireNonNull(cpc, "cpc");
            Objects.requireNonNull(other, "other");
        }

        /** Everything earned in the period: {@code cpm + cpc + other}. */
        public BigDecimal total() {
            return cpm.add(cpc).add(other);
        }

        /** Earnings of one payment type; {@code null} means the ones of no known type. */
        public BigDecimal of(PaymentType type) {
            if (type == null) {
                return other;
            }
            return type == PaymentType.CPM ? cpm : cpc;
        }

        PeriodTotals plus(PaymentType type, BigDecimal earnings, long moreImpressions, long moreClicks) {
            return new PeriodTotals(
                    type == PaymentType.CPM ? cpm.add(earnings) : cpm,
                    type == PaymentType.CPC ? cpc.add(earnings) : cpc,
                    type == null ? other.add(earnings) : other,
                    impressions + moreImpressions,
                    clicks + moreClicks);
        }
    }

    /**
     * One campaign's all-time numbers, summed over the given participations in it. {@code brandName},
     * {@code campaignName} and {@code paymentType} are {@code null} when the campaign was not given.
     */
    public record CampaignRow(String campaignId, String brandName, String campaignName, PaymentType paymentType,
                              BigDecimal earnings, long impressions, long clicks) {

        public CampaignRow {
            Objects.requireNonNull(earnings, "earnings");
        }

        /** Click-through rate, {@code clicks / impressions} as a fraction (0.015 is 1.5 %), or 0 without impressions. */
        public double ctr() {
            return impressions == 0 ? 0.0 : (double) clicks / impressions;
        }
    }

    /** One day of the chart's series, split by payment type; a day without data is all zeros. */
    public record DayPoint(LocalDate day, BigDecimal cpm, BigDecimal cpc, BigDecimal other) {

        public DayPoint {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(cpm, "cpm");
            Objects.requireNonNull(cpc, "cpc");
            Objects.requireNonNull(other, "other");
        }

        public BigDecimal total() {
            return cpm.add(cpc).add(other);
        }
    }

    /** What a summary was computed from, kept so the same data can be shown in another of its currencies. */
    private record Inputs(List<Participation> participations, Map<String, Campaign> campaigns, List<DailyEarnings> daily,
                          LocalDate today) {

        Currency currencyOf(Participation participation) {
            Campaign campaign = participation.campaignId() == null ? null : campaigns.get(participation.campaignId());
            return campaign == null ? Campaign.DEFAULT_CURRENCY : campaign.currency();
        }

        /** Most earned first, then by code; the default currency alone when there is nothing yet. */
        List<Currency> currencies() {
            Map<Currency, BigDecimal> earned = new HashMap<>();
            participations.forEach(participation -> earned.merge(currencyOf(participation),
                    participation.estimatedEarnings(), BigDecimal::add));
            if (earned.isEmpty()) {
                return List.of(Campaign.DEFAULT_CURRENCY);
            }
            return earned.entrySet().stream()
                    .sorted(Map.Entry.<Currency, BigDecimal>comparingByValue().reversed()
                            .thenComparing(entry -> entry.getKey().getCurrencyCode()))
                    .map(Map.Entry::getKey).toList();
        }

        EarningsSummary in(Currency currency) {
            List<Participation> kept = participations.stream()
                    .filter(participation -> currencyOf(participation).equals(currency)).toList();
            Map<String, Currency> currencyById = participations.stream()
                    .collect(Collectors.toMap(Participation::id, this::currencyOf, (a, b) -> a));
            // A day of a participation not given has no campaign either: it counts in the default currency.
            List<DailyEarnings> keptDays = daily.stream().filter(row -> currencyById
                    .getOrDefault(row.participationId(), Campaign.DEFAULT_CURRENCY).equals(currency)).toList();
            return compute(this, currency, kept, keptDays);
        }
    }

    private final Inputs inputs;
    private final Currency currency;
    private final LocalDate today;
    private final PeriodTotals todayTotals;
    private final PeriodTotals lastSevenDays;
    private final PeriodTotals lastThirtyDays;
    private final PeriodTotals allTime;
    private final List<CampaignRow> campaigns;
    private final List<DayPoint> series;

    private EarningsSummary(Inputs inputs, Currency currency, LocalDate today, PeriodTotals todayTotals, PeriodTotals lastSevenDays,
                            PeriodTotals lastThirtyDays, PeriodTotals allTime, List<CampaignRow> campaigns,
                            List<DayPoint> series) {
        this.inputs = inputs;
        this.currency = currency;
        this.today = today;
        this.todayTotals = todayTotals;
        this.lastSevenDays = lastSevenDays;
        this.lastThirtyDays = lastThirtyDays;
        this.allTime = allTime;
        this.campaigns = campaigns;
        this.series = series;
    }

    /**
     * Computes the summary, in the currency the streamer earned most in.
     *
     * @param participations the streamer's participations (their counters give the all-time numbers)
     * @param campaigns      their campaigns by id; missing ones make earnings of type "other"
     * @param daily          daily rows of these participations, at least the last {@value #CHART_DAYS} days
     * @param today          the last day of every period (the day the daily rows call today, in the streamer's zone)
     */
    public static EarningsSummary of(List<Participation> participations, Map<String, Campaign> campaigns,
                                     List<DailyEarnings> daily, LocalDate today) {
        Objects.requireNonNull(today, "today");
        Inputs inputs = new Inputs(List.copyOf(participations), Map.copyOf(campaigns), List.copyOf(daily), today);
        return inputs.in(inputs.currencies().get(0));
    }

    /** The same data in {@code other}, one of {@link #currencies()}; in no campaign's currency, a summary of zeros. */
    public EarningsSummary in(Currency other) {
        return other.equals(currency) ? this : inputs.in(other);
    }

    /** The currency of every amount in this summary. */
    public Currency currency() {
        return currency;
    }

    /** Every currency the streamer's campaigns pay in, most earned first; one entry for most streamers. */
    public List<Currency> currencies() {
        return inputs.currencies();
    }

    private static EarningsSummary compute(Inputs inputs, Currency currency, List<Participation> participations,
                                           List<DailyEarnings> daily) {
        LocalDate today = inputs.today();
        Map<String, Campaign> campaigns = inputs.campaigns();
        Map<String, PaymentType> typeByParticipation = new HashMap<>();
        PeriodTotals allTime = PeriodTotals.EMPTY;
        Map<String, CampaignRow> rows = new LinkedHashMap<>();
        for (Participation participation : participations) {
            Campaign campaign = participation.campaignId() == null ? null : campaigns.get(participation.campaignId());
            PaymentType type = campaign == null ? null : campaign.paymentType();
            typeByParticipation.put(participation.id(), type);
            allTime = allTime.plus(type, participation.estimatedEarnings(), participation.impressions(),
                    participation.clicks());
            rows.merge(String.valueOf(participation.campaignId()),
                    new CampaignRow(participation.campaignId(),
                            campaign == null ? null : campaign.brandName(),
                            campaign == null ? null : campaign.name(),
                            type,
                            ZERO.add(participation.estimatedEarnings()),
                            participation.impressions(),
                            participation.clicks()),
                    (a, b) -> new CampaignRow(a.campaignId(), a.brandName(), a.campaignName(), a.paymentType(),
                            a.earnings().add(b.earnings()), a.impressions() + b.impressions(), a.clicks() + b.clicks()));
        }

        LocalDate weekStart = today.minusDays(WEEK_DAYS - 1);
        LocalDate monthStart = today.minusDays(CHART_DAYS - 1);
        PeriodTotals todayTotals = PeriodTotals.EMPTY;
        PeriodTotals week = PeriodTotals.EMPTY;
        PeriodTotals month = PeriodTotals.EMPTY;
        Map<LocalDate, DayPoint> points = new LinkedHashMap<>();
        for (LocalDate day = monthStart; !day.isAfter(today); day = day.plusDays(1)) {
            points.put(day, new DayPoint(day, ZERO, ZERO, ZERO));
        }
        for (DailyEarnings row : daily) {
            LocalDate day = row.day();
            if (day.isBefore(monthStart) || day.isAfter(today)) {
                continue;
            }
            PaymentType type = typeByParticipation.get(row.participationId());
            month = month.plus(type, row.earnings(), row.impressions(), row.clicks());
            if (!day.isBefore(weekStart)) {
                week = week.plus(type, row.earnings(), row.impressions(), row.clicks());
            }
            if (day.equals(today)) {
                todayTotals = todayTotals.plus(type, row.earnings(), row.impressions(), row.clicks());
            }
            DayPoint point = points.get(day);
            points.put(day, new DayPoint(day,
                    type == PaymentType.CPM ? point.cpm().add(row.earnings()) : point.cpm(),
                    type == PaymentType.CPC ? point.cpc().add(row.earnings()) : point.cpc(),
                    type == null ? point.other().add(row.earnings()) : point.other()));
        }

        List<CampaignRow> campaignRows = new ArrayList<>(rows.values());
        campaignRows.sort(Comparator.comparing(CampaignRow::earnings).reversed()
                .thenComparing(CampaignRow::brandName, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
                .thenComparing(CampaignRow::campaignName, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)));
        return new EarningsSummary(inputs, currency, today, todayTotals, week, month, allTime, List.copyOf(campaignRows),
                List.copyOf(points.values()));
    }

    /** The last day of every period. */
    public LocalDate day() {
        return today;
    }

    /** Today alone, from the daily rows. */
    public PeriodTotals today() {
        return todayTotals;
    }

    /** Today and the 6 days before it, from the daily rows. */
    public PeriodTotals lastSevenDays() {
        return lastSevenDays;
    }

    /** Today and the 29 days before it, from the daily rows. */
    public PeriodTotals lastThirtyDays() {
        return lastThirtyDays;
    }

    /** Everything the participations ever earned and counted, from their own counters. */
    public PeriodTotals allTime() {
        return allTime;
    }

    /** One row per campaign, most earned first, then by brand and name. */
    public List<CampaignRow> campaigns() {
        return campaigns;
    }

    /** {@value #CHART_DAYS} points, oldest first, ending with today; days without data are zero. */
    public List<DayPoint> series() {
        return series;
    }
}
