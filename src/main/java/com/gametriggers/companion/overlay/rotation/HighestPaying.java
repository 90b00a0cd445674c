package com.gametriggers.companion.overlay.rotation;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.gametriggers.companion.domain.Campaign;

/**
 * The sponsor expected to pay the streamer most for a showing; ties go to the one shown least, then by id.
 *
 * <p>CPM and CPC rates are not comparable as they stand, so both are turned into expected pay per thousand
 * impressions (the industry's eCPM). A CPM rate already is that. A CPC rate earns only when viewers click, so it is
 * multiplied by the clicks a thousand impressions are assumed to bring: {@link #ASSUMED_CLICK_THROUGH_RATE}. The
 * audience needs no assumption: impressions and clicks both grow with the viewers watching the showing, and those
 * are the same viewers whichever sponsor is on screen, so the audience cancels out of the comparison.
 */
final class HighestPaying implements SelectionStrategy {

    static final String NAME = "highest-paying";

    /**
     * Clicks (chat commands, QR scans, link clicks) per impression: one in 200. A deliberately round guess, above
     * banner ads' usual 0.1 % because a streamer's audience is asked to act by someone they follow. With it a CPC
     * rate counts like a CPM rate five times as high: 0.50 per click weighs as 2.50 per thousand impressions.
     */
    static final BigDecimal ASSUMED_CLICK_THROUGH_RATE = new BigDecimal("0.005");

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private static final Comparator<RotationCandidate> ORDER = Comparator
            .comparing((RotationCandidate candidate) -> expectedPayPerThousandImpressions(candidate.campaign()))
            .reversed()
            .thenComparingLong(RotationCandidate::timesShown)
            .thenComparing(RotationCandidate::participationId);

    static BigDecimal expectedPayPerThousandImpressions(Campaign campaign) {
        return switch (campaign.paymentType()) {
            case CPM -> campaign.paymentRate();
            case CPC -> campaign.paymentRate().multiply(ASSUMED_CLICK_THROUGH_RATE).multiply(THOUSAND);
        };
    }

    @Override
    public Optional<RotationCandidate> pick(List<RotationCandidate> candidates, Optional<String> lastShownParticipationId) {
        return NoRepeat.eligible(candidates, lastShownParticipationId).stream().min(ORDER);
    }

    @Override
    public String name() {
        return NAME;
    }
}
