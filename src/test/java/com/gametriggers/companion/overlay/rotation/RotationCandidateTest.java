package com.gametriggers.companion.overlay.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.ParticipationStatus;
import com.gametriggers.companion.domain.PaymentType;

class RotationCandidateTest {

    private final Campaign campaign = Sponsors.campaign("c1", PaymentType.CPM, "3");

    @Test
    void onlyAnActiveParticipationOfThatCampaignIsACandidate() {
        assertThat(new RotationCandidate(Sponsors.participation("p1", "c1", ParticipationStatus.ACTIVE), campaign, 0)
                .participationId()).isEqualTo("p1");
        assertThatThrownBy(() -> new RotationCandidate(Sponsors.participation("p1", "c1", ParticipationStatus.PAUSED), campaign, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("paused");
        assertThatThrownBy(() -> new RotationCandidate(Sponsors.participation("p1", "c1", ParticipationStatus.LEFT), campaign, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RotationCandidate(Sponsors.participation("p1", "other", ParticipationStatus.ACTIVE), campaign, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other");
        assertThatThrownBy(() -> new RotationCandidate(Sponsors.participation("p1", "c1", ParticipationStatus.ACTIVE), campaign, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSponsorIsNamedByItsBrandOrElseItsCampaign() {
        assertThat(Sponsors.cpm("p1", "1").sponsorName()).isEqualTo("Brand campaign-p1");
        Campaign unbranded = new Campaign("c2", "Winter sale", " ", "", campaign.status(), PaymentType.CPC,
                campaign.paymentRate(), null, null, null, null, null, null);
        assertThat(new RotationCandidate(Sponsors.participation("p2", "c2", ParticipationStatus.ACTIVE), unbranded, 0)
                .sponsorName()).isEqualTo("Winter sale");
    }
}
