package com.gametriggers.companion.tracking;

import java.time.Instant;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignStatus;
import com.gametriggers.companion.domain.ParticipationStatus;

/**
 * What decides whether a participation's events earn: its status, its campaign's pricing and dates, and, once the
 * campaign's budget refused a batch, why ({@code budgetRefusal}, null while the budget pays).
 */
record ParticipationTerms(String streamerId, ParticipationStatus status, Campaign campaign, Activity.Outcome budgetRefusal) {

    ParticipationTerms(String streamerId, ParticipationStatus status, Campaign campaign) {
        this(streamerId, status, campaign, null);
    }

    /** These terms for a batch the campaign's budget refused to pay for. */
    ParticipationTerms refusedBy(Activity.Outcome budgetSpent) {
        return new ParticipationTerms(streamerId, status, campaign, budgetSpent);
    }

    /** Events earn only while the participation and the campaign are active, within the campaign's dates and budget. */
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
        if (!campaign.runsAt(moment)) {
            return Activity.Outcome.OUTSIDE_CAMPAIGN_DATES;
        }
        return budgetRefusal == null ? Activity.Outcome.COUNTED : budgetRefusal;
    }
}
