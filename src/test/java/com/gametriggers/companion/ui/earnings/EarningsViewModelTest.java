package com.gametriggers.companion.ui.earnings;

import static org.assertj.core.api.Assertions.assertThat;

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
import com.gametriggers.companion.store.StoreUnavailableException;
import com.gametriggers.companion.ui.Formats;
import com.gametriggers.companion.ui.earnings.EarningsSummary.CampaignRow;
import com.gametriggers.companion.ui.earnings.EarningsSummary.DayPoint;
import com.gametriggers.companion.ui.earnings.EarningsSummary.PeriodTotals;
import com.gametriggers.companion.ui.earnings.EarningsViewModel.Card;
import com.gametriggers.companion.ui.earnings.EarningsViewModel.Period;
import com.gametriggers.companion.ui.earnings.EarningsViewModel.Series;

class EarningsViewModelTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final Campaign CPM = new Campaign("c-cpm", "Nova Energy launch", "Nova Energy", "",
            CampaignStatus.ACTIVE, PaymentType.CPM, new BigDecimal("4.50"), new BigDecimal("1000"), null, MediaType.IMAGE,
            null, null, null);

    private static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }

    private static Participation participation(String id, String campaignId, long impressions, long clicks, String earnings) {
        return new Participation(id, campaignId, "streamer", ParticipationStatus.ACTIVE, "token", impressions, clicks,
                0, 0, clicks, 0, 0, 0, new BigDecimal(earnings), 0, 0, 0, null, null, null, null, null);
    }

    private static DayPoint point(int daysAgo, String cpm, String cpc, String other) {
        return new DayPoint(TODAY.minusDays(daysAgo), amount(cpm), amount(cpc), amount(other));
    }

    @Test
    void amountsShowWholeCentsGroupedWithTheDollarSign() {
        assertThat(Formats.money(amount("0"), USD)).isEqualTo("$0.00");
        assertThat(Formats.money(amount("0.000000"), USD)).isEqualTo("$0.00");
        assertThat(Formats.money(amount("4.5"), USD)).isEqualTo("$4.50");
        assertThat(Formats.money(amount("63.8505"), USD)).isEqualTo("$63.85");
        assertThat(Formats.money(amount("0.125"), USD)).as("half-even, as the store rounds").isEqualTo("$0.12");
        assertThat(Formats.money(amount("1234567.5"), USD)).isEqualTo("$1,234,567.50");
        assertThat(Formats.money(amount("-2.5"), USD)).isEqualTo("-$2.50");
    }

    @Test
    void somethingEarnedNeverReadsAsZero() {
        assertThat(Formats.money(amount("0.0045"), USD)).isEqualTo("$0.0045");
        assertThat(Formats.money(amount("0.000001"), USD)).isEqualTo("$0.000001");
        assertThat(Formats.money(amount("0.0099999"), USD)).as("six places at most").isEqualTo("$0.01");
        assertThat(Formats.money(amount("0.01"), USD)).isEqualTo("$0.01");
    }

    @Test
    void theExactAmountShowsEveryStoredPlace() {
        assertThat(Formats.exactMoney(amount("63.850500"), USD)).isEqualTo("$63.8505");
        assertThat(Formats.exactMoney(amount("1234.5"), USD)).isEqualTo("$1,234.50");
        assertThat(Formats.exactMoney(amount("0.0000004"), USD)).isEqualTo("$0.00");
    }

    @Test
    void countsAreGroupedAndCtrHasOneDecimal() {
        assertThat(Formats.count(0)).isEqualTo("0");
        assertThat(Formats.count(48_484)).isEqualTo("48,484");
        assertThat(EarningsViewModel.ctr(3, 200)).isEqualTo("1.5%");
        assertThat(EarningsViewModel.ctr(0, 2_700)).isEqualTo("0.0%");
        assertThat(EarningsViewModel.ctr(133, 0)).as("no impressions, no rate").isEqualTo("–");
    }

    @Test
    void aCardShowsTheTotalWithCpmAndCpcApartAndTheCounts() {
        EarningsSummary summary = EarningsSummary.of(
                List.of(participation("p1", CPM.id(), 1_000, 0, "4.5"), participation("p2", "gone", 0, 2, "0.70")),
                Map.of(CPM.id(), CPM),
                List.of(new DailyEarnings(TODAY, "p1", 1_000, 0, amount("4.5"))),
                TODAY);

        Card today = EarningsViewModel.card(Period.TODAY, summary);
        Card allTime = EarningsViewModel.card(Period.ALL_TIME, summary);

        assertThat(today).isEqualTo(new Card("Today", "$4.50", "$4.50", "CPM $4.50 · CPC $0.00", "1,000 impressions · 0 clicks"));
        assertThat(allTime.total()).isEqualTo("$5.20");
        assertThat(allTime.split()).as("earnings of a campaign the store lost").isEqualTo("CPM $4.50 · CPC $0.00 · other $0.70");
        assertThat(allTime.counts()).isEqualTo("1,000 impressions · 2 clicks");
        assertThat(EarningsViewModel.card(Period.WEEK, summary).title()).isEqualTo("Last 7 days");
        assertThat(EarningsViewModel.card(Period.MONTH, summary).title()).isEqualTo("Last 30 days");
    }

    @Test
    void oneOfACountIsSingular() {
        assertThat(EarningsViewModel.counts(1, 1)).isEqualTo("1 impression · 1 click");
        assertThat(EarningsViewModel.split(new PeriodTotals(amount("1"), amount("0.5"), amount("0"), 1, 1), USD))
                .isEqualTo("CPM $1.00 · CPC $0.50");
    }

    @Test
    void emptyUntilSomethingWasCountedOrEarned() {
        Participation fresh = participation("p1", CPM.id(), 0, 0, "0");
        Participation unbilled = participation("p1", CPM.id(), 500, 0, "0");

        assertThat(EarningsViewModel.isEmpty(EarningsSummary.of(List.of(), Map.of(), List.of(), TODAY))).isTrue();
        assertThat(EarningsViewModel.isEmpty(EarningsSummary.of(List.of(fresh), Map.of(CPM.id(), CPM), List.of(), TODAY))).isTrue();
        assertThat(EarningsViewModel.isEmpty(EarningsSummary.of(List.of(unbilled), Map.of(CPM.id(), CPM), List.of(), TODAY)))
                .as("on stream while paused: counted, nothing earned").isFalse();
    }

    @Test
    void cpmAndCpcAlwaysShowOtherOnlyWhenADayHasSome() {
        List<DayPoint> plain = new ArrayList<>(List.of(point(1, "1", "0", "0"), point(0, "0", "0.35", "0")));
        assertThat(EarningsViewModel.seriesShown(plain)).containsExactly(Series.CPM, Series.CPC);
        assertThat(EarningsViewModel.seriesShown(List.of())).containsExactly(Series.CPM, Series.CPC);

        plain.add(point(0, "0", "0", "0.000001"));
        assertThat(EarningsViewModel.seriesShown(plain)).containsExactly(Series.CPM, Series.CPC, Series.OTHER);
    }

    @Test
    void eachSeriesReadsItsOwnPartOfADay() {
        DayPoint day = point(0, "1", "2", "3");

        assertThat(Series.CPM.of(day)).isEqualByComparingTo("1");
        assertThat(Series.CPC.of(day)).isEqualByComparingTo("2");
        assertThat(Series.OTHER.of(day)).isEqualByComparingTo("3");
    }

    @Test
    void theDayAxisNamesTodayAndEveryWeekBackAndLeavesTheRestBlankButDistinct() {
        List<String> categories = new ArrayList<>();
        for (int daysAgo = 29; daysAgo >= 0; daysAgo--) {
            categories.add(EarningsViewModel.category(TODAY.minusDays(daysAgo), TODAY));
        }

        assertThat(categories).doesNotHaveDuplicates().hasSize(30);
        assertThat(categories.stream().map(label -> label.replace(EarningsViewModel.UNLABELLED, "")).filter(label -> !label.isEmpty()))
                .containsExactly("10/30", "11/6", "11/13", "11/20", "11/27");
        assertThat(categories.get(28)).isEqualTo(EarningsViewModel.UNLABELLED);
    }

    @Test
    void aDaysTooltipNamesTheDayItsTotalAndEachShownPart() {
        DayPoint day = point(2, "12.5", "2.45", "0");

        assertThat(EarningsViewModel.dayTooltip(day, List.of(Series.CPM, Series.CPC), USD))
                .isEqualTo("Wednesday, November 25, 2026: $14.95\nCPM $12.50\nCPC $2.45");
        assertThat(EarningsViewModel.dayTooltip(point(0, "0", "0", "1"), List.of(Series.CPM, Series.CPC, Series.OTHER), USD))
                .endsWith("\nOther $1.00");
    }

    @Test
    void exactAmountsShowTwoToSixDecimalsAsNeeded() {
        assertThat(Formats.exactMoney(BigDecimal.ZERO, USD)).isEqualTo("$0.00");
        assertThat(Formats.exactMoney(new BigDecimal("0.000000"), USD)).isEqualTo("$0.00");
        assertThat(Formats.exactMoney(new BigDecimal("1.5"), USD)).isEqualTo("$1.50");
        assertThat(Formats.exactMoney(new BigDecimal("100"), USD)).isEqualTo("$100.00");
        assertThat(Formats.exactMoney(new BigDecimal("0.0025"), USD)).isEqualTo("$0.0025");
        assertThat(Formats.exactMoney(new BigDecimal("12.123456"), USD)).isEqualTo("$12.123456");
        assertThat(Formats.exactMoney(new BigDecimal("0.1234567"), USD)).isEqualTo("$0.123457");
    }

    @Test
    void theAmountAxisShowsAsManyPlacesAsItsTicksNeed() {
        assertThat(Formats.axisMoney(15, 5, USD)).isEqualTo("$15");
        assertThat(Formats.axisMoney(1000, 250, USD)).isEqualTo("$1,000");
        assertThat(Formats.axisMoney(7.5, 2.5, USD)).isEqualTo("$7.50");
        assertThat(Formats.axisMoney(0.2, 0.1, USD)).isEqualTo("$0.20");
        assertThat(Formats.axisMoney(0.0015, 0.0005, USD)).isEqualTo("$0.0015");
    }

    @Test
    void campaignCellsNameWhatTheStoreNoLongerKnows() {
        CampaignRow known = new CampaignRow(CPM.id(), "Nova Energy", "Nova Energy launch", PaymentType.CPM, amount("1"), 10, 0);
        CampaignRow lost = new CampaignRow("64d0", null, null, null, amount("1"), 10, 0);

        assertThat(EarningsViewModel.brand(known)).isEqualTo("Nova Energy");
        assertThat(EarningsViewModel.campaign(known)).isEqualTo("Nova Energy launch");
        assertThat(EarningsViewModel.paymentType(PaymentType.CPC)).isEqualTo("CPC");
        assertThat(EarningsViewModel.brand(lost)).isEqualTo("Unknown sponsor");
        assertThat(EarningsViewModel.campaign(lost)).isEqualTo("Campaign 64d0");
        assertThat(EarningsViewModel.paymentType(null)).isEqualTo("–");
    }

    @Test
    void aFailedReadIsASentence() {
        assertThat(EarningsViewModel.problem(new StoreUnavailableException("The store does not answer.", null)))
                .isEqualTo("The earnings could not be read: The store does not answer.");
        assertThat(EarningsViewModel.problem(new IllegalStateException("NPE somewhere")))
                .isEqualTo("The earnings could not be read; logs/companion.log in the data folder has the details for a bug report.");
    }
}
