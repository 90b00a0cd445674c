package com.gametriggers.companion.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sponsor's campaign as the platform defines it. {@code paymentRate} is per 1000 impressions for
 * {@link PaymentType#CPM} and per click for {@link PaymentType#CPC}, in {@code currency} (ISO 4217). Dates may be null
 * when the platform left them open. {@code budget} caps what the campaign pays in total and {@code dailyBudget} what it
 * pays per UTC day, both in {@code currency}; zero or null leaves that cap off.
 */
public record Campaign(
        String id,
        String name,
        String brandName,
        String description,
        CampaignStatus status,
        PaymentType paymentType,
        BigDecimal paymentRate,
        BigDecimal budget,
        String mediaUrl,
        MediaType mediaType,
        String landingUrl,
        Instant startDate,
        Instant endDate,
        Currency currency,
        BigDecimal dailyBudget) {

    /** What a campaign pays in when the platform names no currency. */
    public static final Currency DEFAULT_CURRENCY = Currency.getInstance("USD");

    public Campaign {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(paymentType, "paymentType");
        Objects.requireNonNull(paymentRate, "paymentRate");
        Objects.requireNonNull(currency, "currency");
    }

    /** A campaign without a daily budget. */
    public Campaign(String id, String name, String brandName, String description, CampaignStatus status,
                    PaymentType paymentType, BigDecimal paymentRate, BigDecimal budget, String mediaUrl,
                    MediaType mediaType, String landingUrl, Instant startDate, Instant endDate, Currency currency) {
        this(id, name, brandName, description, status, paymentType, paymentRate, budget, mediaUrl, mediaType,
                landingUrl, startDate, endDate, currency, null);
    }

    /** A campaign in the {@linkplain #DEFAULT_CURRENCY default currency}, without a daily budget. */
    public Campaign(String id, String name, String brandName, String description, CampaignStatus status,
                    PaymentType paymentType, BigDecimal paymentRate, BigDecimal budget, String mediaUrl,
                    MediaType mediaType, String landingUrl, Instant startDate, Instant endDate) {
        this(id, name, brandName, description, status, paymentType, paymentRate, budget, mediaUrl, mediaType,
                landingUrl, startDate, endDate, DEFAULT_CURRENCY);
    }

    /** Whether the campaign runs at {@code moment}: open dates do not limit it. */
    public boolean runsAt(Instant moment) {
        return (startDate == null || !moment.isBefore(startDate)) && (endDate == null || moment.isBefore(endDate));
    }

    /** The total cap in micro-units, or 0 when there is none. */
    public long budgetMicros() {
        return capMicros(budget);
    }

    /** The cap per UTC day in micro-units, or 0 when there is none. */
    public long dailyBudgetMicros() {
        return capMicros(dailyBudget);
    }

    /** Whether a budget limits what the campaign pays. */
    public boolean capped() {
        return budgetMicros() > 0 || dailyBudgetMicros() > 0;
    }

    /**
     * Why the campaign pays nothing more for events on these UTC days, having spent {@code spend}: its total budget is
     * spent, or its daily budget on one of the days; empty while it still pays.
     */
    public Optional<Activity.Outcome> budgetSpent(CampaignSpend spend, Collection<LocalDate> utcDays) {
        if (budgetMicros() > 0 && spend.totalMicros() >= budgetMicros()) {
            return Optional.of(Activity.Outcome.BUDGET_SPENT);
        }
        if (dailyBudgetMicros() > 0 && utcDays.stream().anyMatch(day -> spend.onUtcDay(day) >= dailyBudgetMicros())) {
            return Optional.of(Activity.Outcome.DAILY_BUDGET_SPENT);
        }
        return Optional.empty();
    }

    /** {@link #budgetSpent(CampaignSpend, Collection)} for events at {@code moment}. */
    public Optional<Activity.Outcome> budgetSpentAt(CampaignSpend spend, Instant moment) {
        return budgetSpent(spend, List.of(LocalDate.ofInstant(moment, ZoneOffset.UTC)));
    }

    private static long capMicros(BigDecimal cap) {
        return cap == null || cap.signum() <= 0 ? 0 : Money.toMicros(cap);
    }
}
