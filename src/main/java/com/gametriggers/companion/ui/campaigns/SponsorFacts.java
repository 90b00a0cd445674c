package com.gametriggers.companion.ui.campaigns;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignSpend;
import com.gametriggers.companion.domain.Money;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.ui.Formats;

/**
 * What the sponsor pane says about one sponsor, as plain text the views show: the campaign (what it pays, its dates,
 * budget and landing page), the counts side by side (billable, filtered, unbilled), and the activity behind them.
 */
public final class SponsorFacts {

    private SponsorFacts() {
    }

    /** A labelled line of the campaign's description. */
    public record Fact(String label, String value) {
    }

    /** One showing or click of the Activity list. */
    public record Line(String when, String what, String verdict, String reason) {
    }

    /**
     * @param spent what the campaign has paid out across every streamer's app
     * @param now   the moment whose UTC day the daily budget is for
     */
    public static List<Fact> campaign(Campaign campaign, CampaignSpend spent, Instant now, ZoneId zone) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Campaign", campaign.brandName() + " – " + campaign.name()));
        if (campaign.description() != null && !campaign.description().isBlank()) {
            facts.add(new Fact("About", campaign.description()));
        }
        facts.add(new Fact("Pays", pays(campaign)));
        facts.add(new Fact("Runs", runs(campaign.startDate(), campaign.endDate(), zone)));
        facts.add(new Fact("Budget", campaign.budgetMicros() == 0 ? "no limit"
                : budget(campaign.budget(), spent.totalMicros(), campaign) + " spent"));
        if (campaign.dailyBudgetMicros() > 0) {
            facts.add(new Fact("Daily budget", budget(campaign.dailyBudget(),
                    spent.onUtcDay(LocalDate.ofInstant(now, ZoneOffset.UTC)), campaign) + " spent today (UTC)"));
        }
        facts.add(new Fact("Creative", campaign.mediaType() == null ? "none"
                : campaign.mediaType().wireName() + " at " + campaign.mediaUrl()));
        facts.add(new Fact("Landing page", campaign.landingUrl() == null ? "none" : campaign.landingUrl()));
        facts.add(new Fact("Status", campaign.status() == null ? "unknown" : campaign.status().wireName()));
        return facts;
    }

    /** "$412.50 of $2,500.00": what was spent of a cap, in the campaign's currency. */
    private static String budget(BigDecimal cap, long spentMicros, Campaign campaign) {
        return Formats.money(Money.fromMicros(spentMicros), campaign.currency()) + " of "
                + Formats.money(cap, campaign.currency());
    }

    /** What a campaign pays, in its currency: "$4.50 per 1,000 impressions", "0,35 € per click". */
    static String pays(Campaign campaign) {
        String rate = Formats.exactMoney(campaign.paymentRate(), campaign.currency());
        return switch (campaign.paymentType()) {
            case CPM -> rate + " per " + Formats.count(1000) + " impressions";
            case CPC -> rate + " per click";
        };
    }

    private static String runs(Instant start, Instant end, ZoneId zone) {
        if (start == null && end == null) {
            return "no set dates";
        }
        if (end == null) {
            return "from " + Formats.date(start, zone);
        }
        return (start == null ? "until " : Formats.date(start, zone) + " to ") + Formats.date(end, zone);
    }

    /** Billable, filtered and unbilled, side by side, as a sponsor reads them. */
    public static List<Fact> counts(Participation participation) {
        long billableImpressions = participation.impressions() - participation.unbilledImpressions();
        long billableClicks = participation.clicks() - participation.unbilledClicks();
        return List.of(
                new Fact("Billable", count(billableImpressions, "impression") + ", " + count(billableClicks, "click")),
                new Fact("Filtered", count(participation.filteredClicks(), "repeat click")),
                new Fact("Unbilled", count(participation.unbilledImpressions(), "impression") + ", "
                        + count(participation.unbilledClicks(), "click")));
    }

    public static List<Line> activity(List<Activity> entries, ZoneId zone) {
        return entries.stream().map(entry -> new Line(Formats.dateTime(entry.at(), zone), what(entry),
                entry.outcome().verdict(), entry.outcome().billable() ? "" : entry.outcome().reason())).toList();
    }

    private static String what(Activity entry) {
        return switch (entry.kind()) {
            case SHOWING -> "Showing to " + count(entry.impressions(), "viewer")
                    + (entry.secondsOnAir() > 0 ? ", " + onAir(entry.secondsOnAir()) + " on air" : "");
            case CHAT -> "Chat command";
            case QR -> "QR code scan";
            case LINK -> "Link click";
            case ON_AIR -> onAir(entry.secondsOnAir()) + " on air"; // amends a showing; the trail lists none alone
        };
    }

    /** {@code 45 s}, {@code 2 min 5 s}, {@code 1 h 0 min}. */
    static String onAir(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    private static String count(long n, String noun) {
        return Formats.count(n) + " " + noun + (n == 1 ? "" : "s");
    }
}
