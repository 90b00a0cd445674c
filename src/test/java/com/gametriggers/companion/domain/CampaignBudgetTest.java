package com.gametriggers.companion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CampaignBudgetTest {

    /** Instants are data here; the day they fall on in UTC is the budget's day. */
    private static final Instant LATE_EVENING = Instant.parse("2026-12-01T23:59:59Z");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    private static Campaign campaign(String budget, String dailyBudget) {
        return new Campaign("c1", "Launch", "Nova", "", CampaignStatus.ACTIVE, PaymentType.CPM, new BigDecimal("4"),
                budget == null ? null : new BigDecimal(budget), "/m.png", MediaType.IMAGE, "https://nova.example",
                null, null, Campaign.DEFAULT_CURRENCY, dailyBudget == null ? null : new BigDecimal(dailyBudget));
    }

    private static CampaignSpend spent(long total, long onDay) {
        return new CampaignSpend(total, Map.of(DAY, onDay));
    }

    @Test
    void noBudgetOrAZeroBudgetCapsNothing() {
        assertThat(campaign(null, null).capped()).isFalse();
        assertThat(campaign("0", "0").capped()).isFalse();
        assertThat(campaign("0", null).budgetSpentAt(spent(Long.MAX_VALUE, 0), LATE_EVENING)).isEmpty();
    }

    @Test
    void theTotalBudgetIsSpentOnceTheSpendingReachesIt() {
        Campaign campaign = campaign("10", null);
        assertThat(campaign.budgetSpentAt(spent(9_999_999, 0), LATE_EVENING)).isEmpty();
        assertThat(campaign.budgetSpentAt(spent(10_000_000, 0), LATE_EVENING)).contains(Activity.Outcome.BUDGET_SPENT);
    }

    @Test
    void theDailyBudgetCountsTheUtcDayOfTheMomentOnly() {
        Campaign campaign = campaign("100", "2");
        assertThat(campaign.budgetSpentAt(spent(2_000_000, 2_000_000), LATE_EVENING))
                .contains(Activity.Outcome.DAILY_BUDGET_SPENT);
        assertThat(campaign.budgetSpentAt(spent(2_000_000, 2_000_000), LATE_EVENING.plusSeconds(1)))
                .as("a second later it is the next UTC day").isEmpty();
    }

    @Test
    void aSpentTotalIsTheReasonEvenWhenTheDayIsSpentToo() {
        assertThat(campaign("2", "2").budgetSpentAt(spent(2_000_000, 2_000_000), LATE_EVENING))
                .contains(Activity.Outcome.BUDGET_SPENT);
    }
}
