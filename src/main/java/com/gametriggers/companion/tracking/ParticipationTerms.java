package com.gametriggers.companion.tracking;

import java.time.Instant;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignStatus;
import com.gametriggers.companion.domain.ParticipationStatus;

/** What decides whether a participation's events earn: its status and its campaign's pricing and dates. */
record ParticipationTerms(ParticipationStatus status, Campaign campaign) {

    /** Events earn only while the participation and the campaign are active, within the campaign's dates. */
    boolean billableAt(Instant moment) {
        return status == ParticipationStatus.ACTIVE && campaign.status() == CampaignStatus.ACTIVE && campaign.runsAt(moment);
    }
}
