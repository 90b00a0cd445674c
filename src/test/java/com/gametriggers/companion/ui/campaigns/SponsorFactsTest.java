package com.gametriggers.companion.ui.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignSpend;
import com.gametriggers.companion.domain.CampaignStatus;
import com.gametriggers.companion.domain.MediaType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.ParticipationStatus;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.ui.campaigns.SponsorFacts.Fact;
import com.gametriggers.companion.ui.campaigns.SponsorFacts.Line;

class SponsorFactsTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant START = Instant.parse("2026-11-01T05:00:00Z");
    private static final Instant END = Instant.parse("2027-01-01T05:00:00Z");
    private static final Campaign NOVA = new Campaign("c1", "Summer Rush", "Nova Energy", "Energy for the long nights",
            CampaignStatus.ACTIVE, PaymentType.CPM, new BigDecimal("4.50"), new BigDecimal("1000"), "https://cdn/m.png",
            MediaType.IMAGE, "https://nova.example/drink", START, END);

    private Locale before;

    @BeforeEach
    void inTheUnitedStates() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.US);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void theCampaignSaysWhatItPaysWhenItRunsItsBudgetAndWhereItLeads() {
        assertThat(SponsorFacts.campaign(NOVA, new CampaignSpend(412_500_000, Map.of()), START, NEW_YORK)).containsExactly(
                new Fact("Campaign", "Nova Energy – Summer Rush"),
                new Fact("About", "Energy for the long nights"),
                new Fact("Pays", "$4.50 per 1,000 impressions"),
                new Fact("Runs", "Nov 1, 2026 to Jan 1, 2027"),
                new Fact("Budget", "$412.50 of $1,000.00 spent"),
                new Fact("Creative", "image at https://cdn/m.png"),
                new Fact("Landing page", "https://nova.example/drink"),
                new Fact("Status", "active"));
    }

    @Test
    void aDailyBudgetSaysWhatWasSpentOnTodaysUtcDayAndNoBudgetSaysSo() {
        Campaign daily = new Campaign("c1", "Summer Rush", "Nova Energy", "", CampaignStatus.ACTIVE, PaymentType.CPC,
                new BigDecimal("0.25"), null, "https://cdn/m.png", MediaType.IMAGE, "https://nova.example/drink", null,
                null, Campaign.DEFAULT_CURRENCY, new BigDecimal("50"));
        Instant lateInNewYork = Instant.parse("2026-12-02T03:00:00Z"); // Dec 1 in New York, Dec 2 in UTC
        CampaignSpend spent = new CampaignSpend(30_000_000,
                Map.of(java.time.LocalDate.of(2026, 12, 1), 18_000_000L, java.time.LocalDate.of(2026, 12, 2), 12_000_000L));

        assertThat(SponsorFacts.campaign(daily, spent, lateInNewYork, NEW_YORK))
                .contains(new Fact("Budget", "no limit"), new Fact("Daily budget", "$12.00 of $50.00 spent today (UTC)"));
    }

    @Test
    void theCountsStandSideBySide() {
        Participation p = new Participation("p1", "c1", "s1", ParticipationStatus.ACTIVE, "token", 12_500, 40, 20, 10,
                10, 7, 500, 2, new BigDecimal("54"), 0, 0, 0, null, "https://links/t/abc", "!nova", START, START);

        assertThat(SponsorFacts.counts(p)).containsExactly(
                new Fact("Billable", "12,000 impressions, 38 clicks"),
                new Fact("Filtered", "7 repeat clicks"),
                new Fact("Unbilled", "500 impressions, 2 clicks"));
    }

    @Test
    void eachActivityLineSaysWhenWhatAndWhyItDidNotEarn() {
        Instant evening = Instant.parse("2026-12-02T01:30:05Z"); // 20:30 the evening before in New York
        List<Activity> entries = List.of(
                new Activity("t1", "s1", "p1", "c1", Activity.Kind.SHOWING, evening, 1234, Activity.Outcome.COUNTED),
                new Activity("k1", "s1", "p1", "c1", Activity.Kind.CHAT, evening, 0, Activity.Outcome.REPEAT_VIEWER),
                new Activity("k2", "s1", "p1", "c1", Activity.Kind.QR, evening, 0, Activity.Outcome.PARTICIPATION_PAUSED));

        List<Line> lines = SponsorFacts.activity(entries, NEW_YORK);

        assertThat(lines).extracting(Line::when).containsOnly("12/1/26, 8:30:05 PM");
        assertThat(lines).extracting(Line::what).containsExactly("Showing to 1,234 viewers", "Chat command", "QR code scan");
        assertThat(lines).extracting(Line::verdict).containsExactly("counted", "filtered", "unbilled");
        assertThat(lines.get(0).reason()).isEmpty();
        assertThat(lines.get(1).reason()).contains("same viewer");
        assertThat(lines.get(2).reason()).isEqualTo("the sponsor was paused");
    }

    @Test
    void aShowingSaysHowLongItWasOnAirOnceItsPageReportedIt() {
        Instant evening = Instant.parse("2026-12-02T01:30:05Z");
        List<Activity> entries = List.of(
                new Activity("t1", "s1", "p1", "c1", Activity.Kind.SHOWING, evening, 2, Activity.Outcome.COUNTED, 45),
                new Activity("t2", "s1", "p1", "c1", Activity.Kind.SHOWING, evening, 1, Activity.Outcome.COUNTED, 125),
                new Activity("t3", "s1", "p1", "c1", Activity.Kind.SHOWING, evening, 1, Activity.Outcome.COUNTED, 3600),
                new Activity("t4", "s1", "p1", "c1", Activity.Kind.SHOWING, evening, 1, Activity.Outcome.COUNTED));

        assertThat(SponsorFacts.activity(entries, NEW_YORK)).extracting(Line::what).containsExactly(
                "Showing to 2 viewers, 45 s on air", "Showing to 1 viewer, 2 min 5 s on air",
                "Showing to 1 viewer, 1 h 0 min on air", "Showing to 1 viewer");
    }
}
