package com.gametriggers.companion.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;

/**
 * A sponsor's campaign as the platform defines it. {@code paymentRate} is per 1000 impressions for
 * {@link PaymentType#CPM} and per click for {@link PaymentType#CPC}, in {@code currency} (ISO 4217). Dates may be null
 * when the platform left them open.
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
        Currency currency) {

    /** What a campaign pays in when the platform names no currency. */
    public static final Currency DEFAULT_CURRENCY = Currency.getInstance("USD");

    public Campaign {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(paymentType, "paymentType");
        Objects.requireNonNull(paymentRate, "paymentRate");
        Objects.requireNonNull(currency, "currency");
    }

    /** A campaign in the {@linkplain #DEFAULT_CURRENCY default currency}. */
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
}
