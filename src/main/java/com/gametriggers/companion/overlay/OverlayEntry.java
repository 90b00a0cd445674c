package com.gametriggers.companion.overlay;

import java.time.Instant;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignSpend;
import com.gametriggers.companion.domain.CampaignStatus;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.ParticipationStatus;

/**
 * A participation as the overlay serves it: with its campaign, what the campaign has spent so far across every
 * streamer's app, and its public tracking code.
 */
record OverlayEntry(Participation participation, Campaign campaign, CampaignSpend spend, String trackingCode) {

    /** Only what earns is shown: an active participation in an active campaign within its dates and its budget. */
    boolean showableAt(Instant now) {
        return participation.status() == ParticipationStatus.ACTIVE
                && campaign.status() == CampaignStatus.ACTIVE
                && campaign.runsAt(now)
                && campaign.budgetSpentAt(spend, now).isEmpty();
    }

    String token() {
        return participation.browserSourceToken();
    }
}
