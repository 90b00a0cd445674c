package com.gametriggers.companion.ui.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignSpend;
import com.gametriggers.companion.domain.CampaignStatus;
import com.gametriggers.companion.domain.MediaType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.ParticipationStatus;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.ui.campaigns.CampaignsViewModel.Actions;
import com.gametriggers.companion.ui.campaigns.CampaignsViewModel.Count;
import com.gametriggers.companion.ui.campaigns.CampaignsViewModel.Row;

class CampaignsViewModelTest {

    private static final Campaign NOVA = new Campaign("c1", "Summer Rush", "Nova Energy", "", CampaignStatus.ACTIVE,
            PaymentType.CPM, new BigDecimal("2.50"), new BigDecimal("1000"), "/m.png", MediaType.IMAGE,
            "https://example.com", null, null);
    /** The moment the rows are made: data here, the UTC day a daily budget is for. */
    private static final Instant NOW = Instant.parse("2026-12-01T20:00:00Z");

    @Test
    void aRowNamesTheSponsorAndShowsEveryCounter() {
        Participation participation = participation("p1", "c1", ParticipationStatus.PAUSED, 2000, 30, 5, 10, 15, "1.2345");

        List<Row> rows = CampaignsViewModel.rows(List.of(participation), List.of(NOVA), Map.of(), true, NOW);

        assertThat(rows).containsExactly(new Row(participation, "Nova Energy", "Summer Rush", "Paused", 2000, 5,
                new Count(10, true), new Count(15, true), "1.5%", "$1.2345", NOVA, CampaignSpend.NONE));
    }

    @Test
    void whileTheLinksAreNotPublicAZeroScanOrLinkCountShowsAsNotCountedNotAsZero() {
        Participation never = participation("p1", "c1", ParticipationStatus.ACTIVE, 2000, 3, 3, 0, 0, "1");
        Participation once = participation("p2", "c1", ParticipationStatus.ACTIVE, 2000, 10, 3, 4, 3, "1");

        List<Row> rows = CampaignsViewModel.rows(List.of(never, once), List.of(NOVA), Map.of(), false, NOW);

        assertThat(rows.get(0).qrScans()).hasToString("–");
        assertThat(rows.get(0).linkClicks()).hasToString("–");
        assertThat(rows.get(1).qrScans()).as("counted while the links were public").hasToString("4");
        assertThat(rows.get(0).chatClicks()).as("chat commands are always counted").isEqualTo(3);
        assertThat(rows.get(0).qrScans()).isLessThan(new Count(0, true));
        assertThat(new Count(2, true)).isGreaterThan(new Count(1, true));
    }

    @Test
    void aParticipationWhoseCampaignIsGoneStillShowsUnderItsId() {
        Row row = CampaignsViewModel.rows(List.of(participation("p1", "gone", ParticipationStatus.LEFT, 0, 0, 0, 0, 0, "0")),
                List.of(NOVA), Map.of(), true, NOW).get(0);

        assertThat(row.brand()).isEqualTo("Unknown sponsor");
        assertThat(row.campaign()).isEqualTo("Campaign gone");
        assertThat(row.status()).isEqualTo("Left");
    }

    @Test
    void anActiveSponsorWhoseBudgetIsSpentSaysSoInsteadOfActive() {
        Campaign capped = new Campaign("c1", "Summer Rush", "Nova Energy", "", CampaignStatus.ACTIVE, PaymentType.CPM,
                new BigDecimal("2.50"), new BigDecimal("1000"), "/m.png", MediaType.IMAGE, "https://example.com", null, null,
                Campaign.DEFAULT_CURRENCY, new BigDecimal("20"));
        Participation active = participation("p1", "c1", ParticipationStatus.ACTIVE, 0, 0, 0, 0, 0, "0");
        Participation paused = participation("p2", "c1", ParticipationStatus.PAUSED, 0, 0, 0, 0, 0, "0");
        java.time.LocalDate today = java.time.LocalDate.of(2026, 12, 1);

        assertThat(CampaignsViewModel.rows(List.of(active, paused), List.of(capped),
                Map.of("c1", new CampaignSpend(20_000_000, Map.of(today, 20_000_000L))), true, NOW))
                .extracting(Row::status).containsExactly("Spent today", "Paused");
        assertThat(CampaignsViewModel.rows(List.of(active), List.of(capped),
                Map.of("c1", new CampaignSpend(1_000_000_000, Map.of())), true, NOW))
                .extracting(Row::status).containsExactly("Budget spent");
        assertThat(CampaignsViewModel.rows(List.of(active), List.of(capped),
                Map.of("c1", new CampaignSpend(20_000_000, Map.of(today.minusDays(1), 20_000_000L))), true, NOW))
                .as("yesterday's budget").extracting(Row::status).containsExactly("Active");
    }

    @Test
    void clickThroughRateIsAPercentageWithOneDecimalAndNothingBeforeTheFirstImpression() {
        assertThat(CampaignsViewModel.clickThroughRate(0, 0)).isEqualTo("–");
        assertThat(CampaignsViewModel.clickThroughRate(3, 0)).isEqualTo("–");
        assertThat(CampaignsViewModel.clickThroughRate(0, 500)).isEqualTo("0.0%");
        assertThat(CampaignsViewModel.clickThroughRate(1, 3)).isEqualTo("33.3%");
        assertThat(CampaignsViewModel.clickThroughRate(2, 3)).isEqualTo("66.7%");
        assertThat(CampaignsViewModel.clickThroughRate(7, 7)).isEqualTo("100.0%");
    }

    @Test
    void theStatusDecidesWhichActionsAreOpen() {
        assertThat(CampaignsViewModel.actions(participation("p", "c1", ParticipationStatus.ACTIVE, 0, 0, 0, 0, 0, "0")))
                .isEqualTo(new Actions(true, false, true));
        assertThat(CampaignsViewModel.actions(participation("p", "c1", ParticipationStatus.PAUSED, 0, 0, 0, 0, 0, "0")))
                .isEqualTo(new Actions(false, true, true));
        assertThat(CampaignsViewModel.actions(participation("p", "c1", ParticipationStatus.LEFT, 0, 0, 0, 0, 0, "0")))
                .isEqualTo(Actions.NONE);
        assertThat(CampaignsViewModel.actions(null)).isEqualTo(Actions.NONE);
    }

    @Test
    void joinableCampaignsAreThoseNotJoinedOrLeft() {
        Campaign nova = campaign("c1", PaymentType.CPM);
        Campaign pixel = campaign("c2", PaymentType.CPC);
        Campaign echo = campaign("c3", PaymentType.CPC);
        List<Participation> mine = List.of(participation("p1", "c1", ParticipationStatus.PAUSED, 0, 0, 0, 0, 0, "0"),
                participation("p2", "c2", ParticipationStatus.LEFT, 0, 0, 0, 0, 0, "0"));

        assertThat(CampaignsViewModel.joinable(List.of(nova, pixel, echo), mine)).containsExactly(pixel, echo);
        assertThat(SponsorFacts.pays(nova)).isEqualTo("$4.50 per 1,000 impressions");
        assertThat(SponsorFacts.pays(pixel)).isEqualTo("$4.50 per click");
        assertThat(CampaignsViewModel.endDate(new Campaign("c4", "n", "b", null, CampaignStatus.ACTIVE, PaymentType.CPM,
                BigDecimal.ONE, null, null, null, null, null, null))).isEqualTo("open end");
    }

    private static Campaign campaign(String id, PaymentType type) {
        return new Campaign(id, "Campaign " + id, "Brand " + id, "", CampaignStatus.ACTIVE, type, new BigDecimal("4.5"),
                new BigDecimal("100"), null, MediaType.IMAGE, null, Instant.EPOCH, null);
    }

    private static Participation participation(String id, String campaignId, ParticipationStatus status, long impressions,
                                               long clicks, long chat, long qr, long link, String earnings) {
        return new Participation(id, campaignId, "s1", status, "token", impressions, clicks, chat, qr, link, 0, 0, 0,
                new BigDecimal(earnings), 0, 0, 0, null, null, "!nova", Instant.EPOCH, Instant.EPOCH);
    }
}
