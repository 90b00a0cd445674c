package com.gametriggers.companion.overlay.rotation;

import java.math.BigDecimal;
import java.time.Instant;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignStatus;
import com.gametriggers.companion.domain.MediaType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.ParticipationStatus;
import com.gametriggers.companion.domain.PaymentType;

/** Candidates for rotation tests, named by their participation id. */
final class Sponsors {

    private static final Instant JOINED = Instant.parse("2026-11-01T12:00:00Z");

    private Sponsors() {
    }

    static RotationCandidate cpm(String participationId, String rate) {
        return candidate(participationId, PaymentType.CPM, rate, 0);
    }

    static RotationCandidate candidate(String participationId, PaymentType type, String rate, long timesShown) {
        Campaign campaign = campaign("campaign-" + participationId, type, rate);
        return new RotationCandidate(participation(participationId, campaign.id(), ParticipationStatus.ACTIVE), campaign, timesShown);
    }

    static Campaign campaign(String id, PaymentType type, String rate) {
        return new Campaign(id, "Campaign " + id, "Brand " + id, "", CampaignStatus.ACTIVE, type, new BigDecimal(rate),
                new BigDecimal("1000"), "/m.png", MediaType.IMAGE, "https://example.com", null, null);
    }

    static Participation participation(String id, String campaignId, ParticipationStatus status) {
        return new Participation(id, campaignId, "streamer-1", status, "token-" + id, 0, 0, 0, 0, 0, 0, 0, 0,
                BigDecimal.ZERO, 0, 0, 0, null, null, null, JOINED, JOINED);
    }
}
