package com.gametriggers.companion.ui.earnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignStatus;
import com.gametriggers.companion.domain.DailyEarnings;
import com.gametriggers.companion.domain.MediaType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.ParticipationStatus;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.ui.earnings.EarningsSummary.CampaignRow;
import com.gametriggers.companion.ui.earnings.EarningsSummary.DayPoint;
import com.gametriggers.companion.ui.earnings.EarningsSummary.PeriodTotals;

class EarningsSummaryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private static final Campaign CPM = campaign("c-cpm", "Energy Drink Launch", "Zap", PaymentType.CPM);
    private static final Campaign CPC = campaign("c-cpc", "Headset Sale", "Audio Co", PaymentType.CPC);
    private static final Map<String, Campaign> CAMPAIGNS = Map.of(CPM.id(), CPM, CPC.id(), CPC);

    private static final Participation P_CPM = participation("p-cpm", CPM.id(), 2000, 30, "12.345678");
    private static final Participation P_CPC = participation("p-cpc", CPC.id(), 400, 0, "0.1");
    private static final List<Participation> PARTICIPATIONS = List.of(P_CPM, P_CPC);

    private static Campaign campaign(String id, String name, String brand, PaymentType type) {
        return new Campaign(id, name, brand, "", CampaignStatus.ACTIVE, type, new BigDecimal("2.5"), new BigDecimal("1000"),
                null, MediaType.IMAGE, null, null, null);
    }

    private static Participation participation(String id, String campaignId, long impressions, long clicks, String earnings) {
        return new Participation(id, campaignId, "streamer", ParticipationStatus.ACTIVE, "token", impressions, clicks,
                0, 0, clicks, 0, 0, 0, new BigDecimal(earnings), 0, 0, 0, null, null, null, null, null);
    }

    private static DailyEarnings row(int daysAgo, Participation p, long impressions, long clicks, String earnings) {
        return new DailyEarnings(TODAY.minusDays(daysAgo), p.id(), impressions, clicks, new BigDecimal(earnings));
    }

    @Test
    void periodsIncludeTodayAndEndExactlyAtTheirFirstDay() {
        List<DailyEarnings> daily = List.of(
                row(0, P_CPM, 100, 1, "0.250000"),
                row(6, P_CPM, 100, 1, "0.100000"),   // first day of the 7-day period
                row(7, P_CPM, 100, 1, "0.010000"),   // just outside it
                row(29, P_CPC, 100, 1, "0.001000"),  // first day of the 30-day period
                row(30, P_CPC, 100, 1, "5.000000"),  // just outside it
                row(-1, P_CPM, 100, 1, "7.000000")); // tomorrow: in no period

        EarningsSummary summary = EarningsSummary.of(PARTICIPATIONS, CAMPAIGNS, daily, TODAY);

        assertThat(summary.today().total()).isEqualByComparingTo("0.25");
        assertThat(summary.today().impressions()).isEqualTo(100);
        assertThat(summary.lastSevenDays().total()).isEqualByComparingTo("0.35");
        assertThat(summary.lastSevenDays().clicks()).isEqualTo(2);
        assertThat(summary.lastThirtyDays().total()).isEqualByComparingTo("0.361");
        assertThat(summary.lastThirtyDays().impressions()).isEqualTo(400);
        assertThat(summary.day()).isEqualTo(TODAY);
    }

    @Test
    void amountsInDifferentCurrenciesAreNeverAddedUp() {
        Currency eur = Currency.getInstance("EUR");
        Campaign euroCampaign = new Campaign("c-eur", "Keyboard week", "Tasten", "", CampaignStatus.ACTIVE, PaymentType.CPC,
                new BigDecimal("0.30"), new BigDecimal("500"), null, MediaType.IMAGE, null, null, null, eur);
        Participation inEuro = participation("p-eur", euroCampaign.id(), 50, 40, "12.00");
        Map<String, Campaign> campaigns = Map.of(CPM.id(), CPM, CPC.id(), CPC, euroCampaign.id(), euroCampaign);
        List<DailyEarnings> daily = List.of(row(0, P_CPM, 100, 0, "0.25"), row(0, inEuro, 10, 5, "1.50"));

        EarningsSummary summary = EarningsSummary.of(List.of(P_CPM, P_CPC, inEuro), campaigns, daily, TODAY);

        assertThat(summary.currencies()).as("most earned first").containsExactly(Campaign.DEFAULT_CURRENCY, eur);
        assertThat(summary.currency()).isEqualTo(Campaign.DEFAULT_CURRENCY);
        assertThat(summary.allTime().total()).isEqualByComparingTo("12.445678");
        assertThat(summary.today().total()).isEqualByComparingTo("0.25");
        EarningsSummary euros = summary.in(eur);
        assertThat(euros.currency()).isEqualTo(eur);
        assertThat(euros.allTime().total()).isEqualByComparingTo("12.00");
        assertThat(euros.today().total()).isEqualByComparingTo("1.50");
        assertThat(euros.campaigns()).extracting(CampaignRow::campaignId).containsExactly("c-eur");
        assertThat(euros.in(Campaign.DEFAULT_CURRENCY).allTime().total()).isEqualByComparingTo("12.445678");
    }

    @Test
    void withNothingJoinedTheSummaryIsInTheDefaultCurrency() {
        EarningsSummary summary = EarningsSummary.of(List.of(), Map.of(), List.of(), TODAY);

        assertThat(summary.currencies()).containsExactly(Campaign.DEFAULT_CURRENCY);
        assertThat(summary.currency()).isEqualTo(Campaign.DEFAULT_CURRENCY);
    }

    @Test
    void allTimeComesFromTheParticipationsAndSplitsByPaymentType() {
        EarningsSummary summary = EarningsSummary.of(PARTICIPATIONS, CAMPAIGNS, List.of(), TODAY);

        PeriodTotals allTime = summary.allTime();
        assertThat(allTime.cpm()).isEqualByComparingTo("12.345678");
        assertThat(allTime.cpc()).isEqualByComparingTo("0.1");
        assertThat(allTime.other()).isEqualByComparingTo("0");
        assertThat(allTime.total()).isEqualByComparingTo("12.445678");
        assertThat(allTime.impressions()).isEqualTo(2400);
        assertThat(allTime.clicks()).isEqualTo(30);
        assertThat(summary.today()).isEqualTo(PeriodTotals.EMPTY);
        assertThat(summary.lastThirtyDays().total()).isEqualByComparingTo("0");
    }

    @Test
    void cpmAndCpcAreSummedApartInEveryPeriod() {
        List<DailyEarnings> daily = List.of(
                row(0, P_CPM, 1000, 0, "2.500000"),
                row(0, P_CPC, 10, 2, "5.000000"),
                row(3, P_CPM, 1000, 0, "2.500000"),
                row(20, P_CPC, 10, 1, "2.500000"));

        EarningsSummary summary = EarningsSummary.of(PARTICIPATIONS, CAMPAIGNS, daily, TODAY);

        assertThat(summary.today().cpm()).isEqualByComparingTo("2.5");
        assertThat(summary.today().cpc()).isEqualByComparingTo("5");
        assertThat(summary.today().of(PaymentType.CPC)).isEqualByComparingTo("5");
        assertThat(summary.lastSevenDays().cpm()).isEqualByComparingTo("5");
        assertThat(summary.lastSevenDays().cpc()).isEqualByComparingTo("5");
        assertThat(summary.lastThirtyDays().cpm()).isEqualByComparingTo("5");
        assertThat(summary.lastThirtyDays().cpc()).isEqualByComparingTo("7.5");
        assertThat(summary.lastThirtyDays().total()).isEqualByComparingTo("12.5");
    }

    @Test
    void sumsAreExactWhereDoublesWouldDrift() {
        List<DailyEarnings> daily = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            daily.add(row(0, P_CPM, 1, 0, "0.100000"));
        }

        EarningsSummary summary = EarningsSummary.of(PARTICIPATIONS, CAMPAIGNS, daily, TODAY);

        assertThat(summary.today().cpm()).isEqualTo(new BigDecimal("1.000000"));
        assertThat(summary.series().get(29).cpm()).isEqualTo(new BigDecimal("1.000000"));
    }

    @Test
    void campaignRowsCarryBrandNameTypeEarningsAndCtr() {
        EarningsSummary summary = EarningsSummary.of(PARTICIPATIONS, CAMPAIGNS, List.of(), TODAY);

        assertThat(summary.campaigns()).hasSize(2);
        CampaignRow first = summary.campaigns().get(0);
        assertThat(first.campaignId()).isEqualTo("c-cpm");
        assertThat(first.brandName()).isEqualTo("Zap");
        assertThat(first.campaignName()).isEqualTo("Energy Drink Launch");
        assertThat(first.paymentType()).isEqualTo(PaymentType.CPM);
        assertThat(first.earnings()).isEqualByComparingTo("12.345678");
        assertThat(first.impressions()).isEqualTo(2000);
        assertThat(first.clicks()).isEqualTo(30);
        assertThat(first.ctr()).isCloseTo(0.015, within(1e-12));
        CampaignRow second = summary.campaigns().get(1);
        assertThat(second.campaignId()).isEqualTo("c-cpc");
        assertThat(second.paymentType()).isEqualTo(PaymentType.CPC);
        assertThat(second.ctr()).isZero();
    }

    @Test
    void ctrIsZeroWithoutImpressions() {
        Participation none = participation("p-none", CPC.id(), 0, 3, "0");
        EarningsSummary summary = EarningsSummary.of(List.of(none), CAMPAIGNS, List.of(), TODAY);

        assertThat(summary.campaigns()).singleElement().satisfies(row -> {
            assertThat(row.clicks()).isEqualTo(3);
            assertThat(row.ctr()).isZero();
        });
    }

    @Test
    void seriesHasOneZeroFilledPointPerDayOfTheWindowSplitByType() {
        List<DailyEarnings> daily = List.of(
                row(0, P_CPM, 1, 0, "1.000000"),
                row(0, P_CPC, 1, 1, "2.000000"),
                row(29, P_CPC, 1, 1, "3.000000"),
                row(30, P_CPC, 1, 1, "4.000000"));

        List<DayPoint> series = EarningsSummary.of(PARTICIPATIONS, CAMPAIGNS, daily, TODAY).series();

        assertThat(series).hasSize(EarningsSummary.CHART_DAYS);
        assertThat(series.get(0).day()).isEqualTo(TODAY.minusDays(29));
        assertThat(series.get(29).day()).isEqualTo(TODAY);
        for (int i = 1; i < series.size(); i++) {
            assertThat(series.get(i).day()).isEqualTo(series.get(i - 1).day().plusDays(1));
        }
        assertThat(series.get(0).cpc()).isEqualByComparingTo("3");
        assertThat(series.get(0).cpm()).isEqualByComparingTo("0");
        assertThat(series.get(29).cpm()).isEqualByComparingTo("1");
        assertThat(series.get(29).cpc()).isEqualByComparingTo("2");
        assertThat(series.get(29).total()).isEqualByComparingTo("3");
        assertThat(series.subList(1, 29)).allSatisfy(point -> assertThat(point.total()).isEqualByComparingTo("0"));
        BigDecimal chartSum = series.stream().map(DayPoint::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(chartSum).isEqualByComparingTo(
                EarningsSummary.of(PARTICIPATIONS, CAMPAIGNS, daily, TODAY).lastThirtyDays().total());
    }

    @Test
    void theSeriesCrossesAMonthBoundary() {
        LocalDate march2 = LocalDate.of(2028, 3, 2);
        List<DayPoint> series = EarningsSummary.of(List.of(), Map.of(), List.of(), march2).series();

        assertThat(series).hasSize(30);
        assertThat(series.get(0).day()).isEqualTo(LocalDate.of(2028, 2, 2));
        assertThat(series).extracting(DayPoint::day).contains(LocalDate.of(2028, 2, 29));
    }

    @Test
    void earningsOfAnUnknownCampaignOrParticipationStayInTheTotalsAsOther() {
        Participation orphan = participation("p-orphan", "c-gone", 10, 1, "0.5");
        List<DailyEarnings> daily = List.of(
                new DailyEarnings(TODAY, "p-orphan", 10, 1, new BigDecimal("0.5")),
                new DailyEarnings(TODAY, "p-not-given", 1, 0, new BigDecimal("0.25")),
                row(0, P_CPM, 1, 0, "1"));

        EarningsSummary summary = EarningsSummary.of(List.of(P_CPM, orphan), CAMPAIGNS, daily, TODAY);

        assertThat(summary.today().other()).isEqualByComparingTo("0.75");
        assertThat(summary.today().total()).isEqualByComparingTo("1.75");
        assertThat(summary.series().get(29).other()).isEqualByComparingTo("0.75");
        assertThat(summary.allTime().other()).isEqualByComparingTo("0.5");
        assertThat(summary.allTime().total()).isEqualByComparingTo("12.845678");
        CampaignRow unknown = summary.campaigns().stream().filter(r -> "c-gone".equals(r.campaignId())).findFirst().orElseThrow();
        assertThat(unknown.paymentType()).isNull();
        assertThat(unknown.brandName()).isNull();
        assertThat(unknown.earnings()).isEqualByComparingTo("0.5");
    }
}
