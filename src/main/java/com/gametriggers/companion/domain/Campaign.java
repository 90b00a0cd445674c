package com.gametriggers.companion.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A sponsor's campaign as the platform defines it. {@code paymentRate} is per 1000 impressions for
 * {@link PaymentType#CPM} and per click for {@link PaymentType#CPC}. Dates may be null when the platform left them open.
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
        Instant endDate) {

    public Campaign {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(paymentType, "paymentType");
        Objects.requireNonNull(paymentRate, "paymentRate");
    }

    /** Whether the campaign runs at {@code moment}: open dates do not limit it. */
    public boolean runsAt(Instant moment) {
        return (startDate == null || !moment.isBefore(startDate)) && (endDate == null || moment.isBefore(endDate));
    }
}
