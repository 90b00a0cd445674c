package com.gametriggers.companion.tracking;

import java.math.BigDecimal;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.Money;
import com.gametriggers.companion.domain.PaymentType;

/**
 * What billable counts earn: CPM campaigns pay {@code paymentRate x impressions / 1000}, CPC campaigns
 * {@code paymentRate x clicks}. Exact decimals throughout, rounded once, to six places, per batch and
 * quarter hour.
 */
final class Earnings {

    private Earnings() {
    }

    static long micros(Campaign campaign, long billableImpressions, long billableClicks) {
        BigDecimal rate = campaign.paymentRate();
        BigDecimal amount = campaign.paymentType() == PaymentType.CPM
                ? rate.multiply(BigDecimal.valueOf(billableImpressions)).movePointLeft(3)
                : rate.multiply(BigDecimal.valueOf(billableClicks));
        return Money.toMicros(amount);
    }
}
