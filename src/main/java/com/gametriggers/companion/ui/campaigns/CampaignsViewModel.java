package com.gametriggers.companion.ui.campaigns;

import com.gametriggers.companion.domain.CampaignSpend;

import com.gametriggers.companion.domain.Activity;

import java.time.Instant;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.ParticipationStatus;
import com.gametriggers.companion.ui.Formats;

/**
 * What the campaigns table shows, as plain values: one row per participation, and which actions its status allows.
 * No JavaFX here, so the rules are tested without a window.
 */
public final class CampaignsViewModel {

    /** Shown where a number cannot be computed yet (a CTR before the first impression). */
    static final String NO_VALUE = Formats.NO_VALUE;

    private CampaignsViewModel() {
    }

    /**
     * A counter as the table shows it: a number, or {@value #NO_VALUE} where nothing can have been counted (scans and
     * link clicks while the links are not public), so a 0 never stands for "unknown".
     */
    public record Count(long value, boolean known) implements Comparable<Count> {

        @Override
        public int compareTo(Count other) {
            return known != other.known ? Boolean.compare(known, other.known) : Long.compare(value, other.value);
        }

        @Override
        public String toString() {
            return known ? Formats.count(value) : NO_VALUE;
        }
    }

    /** One line of the table; {@code participation} is what the row's actions act on. */
    /**
     * @param details the campaign itself, null when the platform no longer has it
     * @param spent   what the campaign has paid out across every streamer's app
     */
    public record Row(Participation participation, String brand, String campaign, String status, long impressions,
                      long chatClicks, Count qrScans, Count linkClicks, String clickThroughRate, String earnings,
                      Campaign details, CampaignSpend spent) {

        public String id() {
            return participation.id();
        }
    }

    /** Which of the row's actions its status allows: the store moves active→paused, paused→active, either→left. */
    public record Actions(boolean pause, boolean resume, boolean leave) {

        public static final Actions NONE = new Actions(false, false, false);
    }

    /**
     * A row per participation, in the order given. A participation whose campaign is missing (the platform removed
     * it) still shows, under its campaign id, because it may still hold counts and earnings.
     *
     * @param spending     what the campaigns have paid out, by campaign id
     * @param linksCounted whether scans and link clicks are counted now (the links are public)
     * @param now          the moment whose UTC day a daily budget is for
     */
    public static List<Row> rows(List<Participation> participations, Collection<Campaign> campaigns,
                                 Map<String, CampaignSpend> spending, boolean linksCounted, Instant now) {
        Map<String, Campaign> byId = campaigns.stream().collect(Collectors.toMap(Campaign::id, Function.identity(), (a, b) -> a));
        return participations.stream()
                .map(participation -> row(participation, byId.get(participation.campaignId()),
                        spending.getOrDefault(participation.campaignId(), CampaignSpend.NONE), linksCounted, now))
                .toList();
    }

    private static Row row(Participation participation, Campaign campaign, CampaignSpend spent, boolean linksCounted,
                           Instant now) {
        return new Row(participation,
                campaign == null ? "Unknown sponsor" : campaign.brandName(),
                campaign == null ? "Campaign " + participation.campaignId() : campaign.name(),
                status(participation.status(), campaign, spent, now),
                participation.impressions(), participation.chatClicks(),
                // Counts from a time the links were public stay true; only a 0 now would be a guess.
                new Count(participation.qrScans(), linksCounted || participation.qrScans() > 0),
                new Count(participation.linkClicks(), linksCounted || participation.linkClicks() > 0),
                clickThroughRate(participation.clicks(), participation.impressions()),
                Formats.exactMoney(participation.estimatedEarnings(),
                        campaign == null ? Campaign.DEFAULT_CURRENCY : campaign.currency()), campaign, spent);
    }

    /** The participation's status; an active one whose campaign's budget is spent is off the rotation, and says so. */
    static String status(ParticipationStatus status, Campaign campaign, CampaignSpend spent, Instant now) {
        if (status != ParticipationStatus.ACTIVE || campaign == null) {
            return statusName(status);
        }
        return campaign.budgetSpentAt(spent, now)
                .map(reason -> reason == Activity.Outcome.BUDGET_SPENT ? "Budget spent" : "Spent today")
                .orElse(statusName(status));
    }

    public static Actions actions(Participation participation) {
        if (participation == null) {
            return Actions.NONE;
        }
        return switch (participation.status()) {
            case ACTIVE -> new Actions(true, false, true);
            case PAUSED -> new Actions(false, true, true);
            case LEFT -> Actions.NONE;
        };
    }

    static String statusName(ParticipationStatus status) {
        return switch (status) {
            case ACTIVE -> "Active";
            case PAUSED -> "Paused";
            case LEFT -> "Left";
        };
    }

    /** Counted clicks per impression as a percentage with one decimal. */
    static String clickThroughRate(long clicks, long impressions) {
        return Formats.percent(clicks, impressions);
    }

    /** The open campaigns the streamer can join: those without a participation, or whose participation was left. */
    public static List<Campaign> joinable(List<Campaign> open, List<Participation> participations) {
        java.util.Set<String> in = participations.stream()
                .filter(participation -> participation.status() != ParticipationStatus.LEFT)
                .map(Participation::campaignId).collect(Collectors.toSet());
        return open.stream().filter(campaign -> !in.contains(campaign.id())).toList();
    }

    /** The campaign's last day, or "open end". */
    static String endDate(Campaign campaign) {
        return campaign.endDate() == null ? "open end"
                : Formats.date(campaign.endDate(), ZoneId.systemDefault());
    }

    /** How a row is named in sentences, such as the question before leaving. */
    static String title(Row row) {
        return row.brand() + " – " + row.campaign();
    }
}
