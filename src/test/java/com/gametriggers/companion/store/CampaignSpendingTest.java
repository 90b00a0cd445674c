package com.gametriggers.companion.store;

import static com.gametriggers.companion.store.TestIds.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignSpend;
import com.gametriggers.companion.domain.CampaignStatus;
import com.gametriggers.companion.domain.MediaType;
import com.gametriggers.companion.domain.PaymentType;

@ExtendWith(StoreFixture.PerTest.class)
class CampaignSpendingTest {

    /** Days are data here: the spending is keyed by the UTC day the tracker names, never by a clock. */
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final LocalDate NEXT_DAY = DAY.plusDays(1);

    private final StoreFixture fixture;
    private final CampaignSpending spending;

    CampaignSpendingTest(StoreFixture fixture) {
        this.fixture = fixture;
        this.spending = fixture.store().campaignSpending();
    }

    private static Campaign capped(String budget, String dailyBudget) {
        return new Campaign(newId(), "Launch", "Nova", "", CampaignStatus.ACTIVE, PaymentType.CPM, new BigDecimal("4"),
                budget == null ? null : new BigDecimal(budget), "/m.png", MediaType.IMAGE, "https://nova.example", null, null,
                Campaign.DEFAULT_CURRENCY, dailyBudget == null ? null : new BigDecimal(dailyBudget));
    }

    private static long micros(String amount) {
        return new BigDecimal(amount).movePointRight(6).longValueExact();
    }

    private Document spendDocument(Campaign campaign) {
        return fixture.raw().getCollection("campaignspend").find(new Document("_id", new org.bson.types.ObjectId(campaign.id())))
                .first();
    }

    @Test
    void aBatchUnderTheBudgetIsAddedToTheCampaignsSpentCounterPerUtcDay() {
        Campaign campaign = capped("100", null);

        CampaignSpending.Settled settled = spending.spend(campaign, newId(), "batch-1",
                Map.of(DAY, micros("1.25"), NEXT_DAY, micros("0.75")));

        assertThat(settled.outcome()).isEqualTo(Activity.Outcome.COUNTED);
        assertThat(settled.spend()).isEqualTo(new CampaignSpend(micros("2"), Map.of(DAY, micros("1.25"), NEXT_DAY, micros("0.75"))));
        Document stored = spendDocument(campaign);
        assertThat(stored.getLong("spentMicros")).isEqualTo(micros("2"));
        assertThat(stored.getDouble("spent")).isEqualTo(2.0);
        assertThat(spending.forCampaigns(List.of(campaign.id(), newId()))).containsOnly(Map.entry(campaign.id(), settled.spend()));
    }

    @Test
    void aRetriedBatchIsAddedOnce() {
        Campaign campaign = capped("100", "50");
        String streamer = newId();

        spending.spend(campaign, streamer, "batch-1", Map.of(DAY, micros("3")));
        CampaignSpending.Settled again = spending.spend(campaign, streamer, "batch-1", Map.of(DAY, micros("3")));

        assertThat(again.outcome()).isEqualTo(Activity.Outcome.COUNTED);
        assertThat(spendDocument(campaign).getLong("spentMicros")).isEqualTo(micros("3"));
        assertThat(spending.spend(campaign, newId(), "batch-1", Map.of(DAY, micros("3"))).outcome())
                .as("another streamer's batch with the same id is another batch").isEqualTo(Activity.Outcome.COUNTED);
        assertThat(spendDocument(campaign).getLong("spentMicros")).isEqualTo(micros("6"));
    }

    @Test
    void theBatchThatCrossesTheBudgetIsPaidAndTheNextIsRefusedWithTheReason() {
        Campaign campaign = capped("10", null);
        String streamer = newId();

        assertThat(spending.spend(campaign, streamer, "b1", Map.of(DAY, micros("9"))).outcome()).isEqualTo(Activity.Outcome.COUNTED);
        assertThat(spending.spend(campaign, streamer, "b2", Map.of(DAY, micros("4"))).outcome()).isEqualTo(Activity.Outcome.COUNTED);
        CampaignSpending.Settled refused = spending.spend(campaign, streamer, "b3", Map.of(DAY, micros("1")));

        assertThat(refused.outcome()).isEqualTo(Activity.Outcome.BUDGET_SPENT);
        assertThat(refused.spend().totalMicros()).isEqualTo(micros("13"));
        assertThat(spendDocument(campaign).getLong("spentMicros")).as("never more than the one batch beyond").isEqualTo(micros("13"));
    }

    @Test
    void aRefusedBatchRetriedAfterTheBudgetWasRaisedStaysRefused() {
        Campaign campaign = capped("5", null);
        String streamer = newId();
        spending.spend(campaign, streamer, "b1", Map.of(DAY, micros("5")));
        assertThat(spending.spend(campaign, streamer, "b2", Map.of(DAY, micros("1"))).outcome())
                .isEqualTo(Activity.Outcome.BUDGET_SPENT);

        Campaign raised = capped("50", null);
        Campaign sameCampaignRaised = new Campaign(campaign.id(), raised.name(), raised.brandName(), raised.description(),
                raised.status(), raised.paymentType(), raised.paymentRate(), raised.budget(), raised.mediaUrl(),
                raised.mediaType(), raised.landingUrl(), null, null);

        assertThat(spending.spend(sameCampaignRaised, streamer, "b2", Map.of(DAY, micros("1"))).outcome())
                .as("the retry is counted as the first try was: its events were written unbilled")
                .isEqualTo(Activity.Outcome.BUDGET_SPENT);
        assertThat(spending.spend(sameCampaignRaised, streamer, "b3", Map.of(DAY, micros("1"))).outcome())
                .as("a new batch under the raised budget").isEqualTo(Activity.Outcome.COUNTED);
        assertThat(spendDocument(campaign).getLong("spentMicros")).isEqualTo(micros("6"));
    }

    @Test
    void aSpentDailyBudgetRefusesThatDayOnly() {
        Campaign campaign = capped(null, "2");
        String streamer = newId();
        spending.spend(campaign, streamer, "b1", Map.of(DAY, micros("2")));

        assertThat(spending.spend(campaign, streamer, "b2", Map.of(DAY, micros("1"))).outcome())
                .isEqualTo(Activity.Outcome.DAILY_BUDGET_SPENT);
        assertThat(spending.spend(campaign, streamer, "b3", Map.of(NEXT_DAY, micros("1"))).outcome())
                .isEqualTo(Activity.Outcome.COUNTED);
        assertThat(spending.forCampaigns(List.of(campaign.id())).get(campaign.id()))
                .isEqualTo(new CampaignSpend(micros("3"), Map.of(DAY, micros("2"), NEXT_DAY, micros("1"))));
    }

    @Test
    void aStreamerIdThatCannotNameAFieldIsRefused() {
        assertThatThrownBy(() -> spending.spend(capped("5", null), "a.b", "b1", Map.of(DAY, 1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a.b");
    }

    /** Eight apps spend at once, each batch retried once as after a lost answer: the cap holds to within one batch. */
    @Test
    void appsSpendingAtOnceOverspendByLessThanOneBatchAndPayExactlyWhatTheyWereToldTheyPaid() throws Exception {
        Campaign campaign = capped("40", null);
        long batch = micros("0.37");
        AtomicLong paidAsTold = new AtomicLong();
        ExecutorService apps = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int app = 0; app < 8; app++) {
                String streamer = newId();
                done.add(apps.submit(() -> {
                    for (int i = 0; i < 30; i++) {
                        String id = "b" + i;
                        Activity.Outcome first = spending.spend(campaign, streamer, id, Map.of(DAY, batch)).outcome();
                        Activity.Outcome retried = spending.spend(campaign, streamer, id, Map.of(DAY, batch)).outcome();
                        assertThat(retried).isEqualTo(first);
                        if (first == Activity.Outcome.COUNTED) {
                            paidAsTold.addAndGet(batch);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> app : done) {
                app.get();
            }
        } finally {
            apps.shutdownNow();
        }
        long spent = spendDocument(campaign).getLong("spentMicros");
        assertThat(spent).isEqualTo(paidAsTold.get())
                .isGreaterThanOrEqualTo(campaign.budgetMicros())
                .isLessThan(campaign.budgetMicros() + batch);
    }
}
