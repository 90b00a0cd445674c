package com.gametriggers.companion.tracking;

import java.time.Instant;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignStatus;
import com.gametriggers.companion.domain.ParticipationStatus;

/** What decides whether a participation's events earn: its status and its campaign's pricing and dates. */
record ParticipationTerms(String streamerId, ParticipationStatus status, Campaign campaign) {

    /** Events earn only while the participation and the campaign are active, within the campaign's dates. */
    boolean billableAt(Instant moment) {
        return outcomeAt(moment).billable();
    }

    /** What becomes of an event (one the click guard let through) at this moment, and why when it does not earn. */
    Activity.Outcome outcomeAt(Instant moment) {
        if (status == ParticipationStatus.PAUSED) {
            return Activity.Outcome.PARTICIPATION_PAUSED;
        }
        if (status == ParticipationStatus.LEFT) {
            return Activity.Outcome.PARTICIPATION_LEFT;
        }
        if (campaign.status() != CampaignStatus.ACTIVE) {
            return Activity.Outcome.CAMPAIGN_NOT_RUNNING;
        }
        return campaign.runsAt(moment) ? Activity.Outcome.COUNTED : Activity.Outcome.OUTSIDE_CAMPAIGN_DATES;
    }
}
