package com.gametriggers.companion.ui.campaigns;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.ui.earnings.EarningsViewModel;

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

    public static List<Fact> campaign(Campaign campaign, ZoneId zone) {
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withZone(zone);
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Campaign", campaign.brandName() + " – " + campaign.name()));
        if (campaign.description() != null && !campaign.description().isBlank()) {
            facts.add(new Fact("About", campaign.description()));
        }
        facts.add(new Fact("Pays", pays(campaign.paymentType(), campaign.paymentRate())));
        facts.add(new Fact("Runs", runs(campaign.startDate(), campaign.endDate(), date)));
        facts.add(new Fact("Budget", campaign.budget() == null ? "not set" : EarningsViewModel.money(campaign.budget())));
        facts.add(new Fact("Creative", campaign.mediaType() == null ? "none"
                : campaign.mediaType().wireName() + " at " + campaign.mediaUrl()));
        facts.add(new Fact("Landing page", campaign.landingUrl() == null ? "none" : campaign.landingUrl()));
        facts.add(new Fact("Status", campaign.status() == null ? "unknown" : campaign.status().wireName()));
        return facts;
    }

    static String pays(PaymentType type, BigDecimal rate) {
        return switch (type) {
            case CPM -> EarningsViewModel.exactMoney(rate) + " per 1,000 impressions";
            case CPC -> EarningsViewModel.exactMoney(rate) + " per click";
        };
    }

    private static String runs(Instant start, Instant end, DateTimeFormatter date) {
        if (start == null && end == null) {
            return "no set dates";
        }
        if (end == null) {
            return "from " + date.format(start);
        }
        return (start == null ? "until " : date.format(start) + " to ") + date.format(end);
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
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withZone(zone);
        return entries.stream().map(entry -> new Line(when.format(entry.at()), what(entry),
                entry.outcome().verdict(), entry.outcome().billable() ? "" : entry.outcome().reason())).toList();
    }

    private static String what(Activity entry) {
        return switch (entry.kind()) {
            case SHOWING -> "Showing to " + count(entry.impressions(), "viewer");
            case CHAT -> "Chat command";
            case QR -> "QR code scan";
            case LINK -> "Link click";
        };
    }

    private static String count(long n, String noun) {
        return String.format(Locale.getDefault(), "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
