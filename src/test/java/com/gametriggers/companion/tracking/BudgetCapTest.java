package com.gametriggers.companion.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignStatus;
import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.CounterDelta;
import com.gametriggers.companion.domain.MediaType;
import com.gametriggers.companion.domain.Money;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.ParticipationStatus;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreFixture;
import com.gametriggers.companion.store.TestIds;

/** Budgets hold across streamers' apps: the cap, the unbilled remainder with its reason, a retried batch. */
class BudgetCapTest {

    /** The most events one batch holds here, and the viewers per showing: one batch earns at most 50 x 10 x 0.004 = 2. */
    private static final int BATCH_EVENTS = 50;
    private static final long VIEWERS = 10;
    private static final long ONE_BATCH_MICROS = Money.toMicros(new BigDecimal("2"));

    @TempDir
    Path dataDir;

    private final Clock clock = Clock.systemUTC();
    private StoreFixture fixture;
    private MongoStore secondApp;
    private final List<Tracker> trackers = new ArrayList<>();

    @BeforeEach
    void open() {
        fixture = StoreFixture.open(dataDir.resolve("store"));
        secondApp = fixture.openAnotherApp(dataDir.resolve("second-app"));
    }

    @AfterEach
    void close() {
        trackers.forEach(Tracker::close);
        secondApp.close();
        fixture.close();
    }

    private Campaign campaign(String budget, String dailyBudget) {
        Instant now = clock.instant();
        return new Campaign(TestIds.newId(), "Launch", "Nova", "", CampaignStatus.ACTIVE, PaymentType.CPM,
                new BigDecimal("4"), new BigDecimal(budget), "/m.png", MediaType.IMAGE, "https://nova.example",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), Campaign.DEFAULT_CURRENCY,
                dailyBudget == null ? null : new BigDecimal(dailyBudget));
    }

    private Tracker tracker(MongoStore store, String name) throws Exception {
        Tracker tracker = Tracker.start(store, dataDir.resolve("journal-" + name), TrackerOptions.defaults()
                .withClock(clock).withFlushInterval(Duration.ofMillis(10)).withMaxBatchEvents(BATCH_EVENTS));
        trackers.add(tracker);
        return tracker;
    }

    private long spentMicros(Campaign campaign) {
        Document spend = fixture.raw().getCollection("campaignspend").find(new Document("_id", new ObjectId(campaign.id()))).first();
        return spend == null ? 0 : spend.getLong("spentMicros");
    }

    private Participation reload(Participation participation) {
        return fixture.store().participations().byId(participation.id()).orElseThrow();
    }

    @Test
    void twoStreamersAppsSpendingOneBudgetStopWithinOneBatchOfItAndEverythingAfterIsUnbilledWithTheReason() throws Exception {
        Campaign campaign = campaign("20", null);
        fixture.addCampaign(campaign);
        Participation alice = fixture.updates().join(campaign.id(), TestIds.newId());
        Participation bob = fixture.updates().join(campaign.id(), TestIds.newId());
        Tracker aliceApp = tracker(fixture.store(), "alice");
        Tracker bobApp = tracker(secondApp, "bob");
        List<String> heard = new CopyOnWriteArrayList<>();
        aliceApp.onBudgetSpent(heard::add);
        bobApp.onBudgetSpent(heard::add);

        // 800 showings of 10 viewers at 4 per 1000 would earn 32: more than the budget of 20.
        List<CompletableFuture<RecordOutcome>> recorded = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            recorded.add(aliceApp.record(TrackingEvent.impression("a-" + i, alice.id(), clock.instant(), VIEWERS)));
            recorded.add(bobApp.record(TrackingEvent.impression("b-" + i, bob.id(), clock.instant(), VIEWERS)));
        }
        recorded.forEach(CompletableFuture::join);
        await().atMost(Duration.ofSeconds(30)).until(() -> aliceApp.status().eventsWaiting() == 0
                && bobApp.status().eventsWaiting() == 0);

        long spent = spentMicros(campaign);
        assertThat(spent).as("stopped within one batch of the cap, never more than one batch beyond it")
                .isGreaterThanOrEqualTo(campaign.budgetMicros()).isLessThan(campaign.budgetMicros() + ONE_BATCH_MICROS);
        Participation aliceAfter = reload(alice);
        Participation bobAfter = reload(bob);
        assertThat(Money.toMicros(aliceAfter.estimatedEarnings()) + Money.toMicros(bobAfter.estimatedEarnings()))
                .as("the streamers earned exactly what the campaign paid").isEqualTo(spent);
        long billed = aliceAfter.impressions() - aliceAfter.unbilledImpressions()
                + bobAfter.impressions() - bobAfter.unbilledImpressions();
        assertThat(Money.toMicros(new BigDecimal("0.004").multiply(BigDecimal.valueOf(billed)))).isEqualTo(spent);
        assertThat(aliceAfter.impressions() + bobAfter.impressions()).as("every showing counted").isEqualTo(800 * VIEWERS);
        assertThat(aliceAfter.unbilledImpressions() + bobAfter.unbilledImpressions()).isPositive();

        List<Activity> trail = new ArrayList<>(fixture.store().activityLog().recent(alice.id(), clock.instant().minus(Duration.ofHours(1)), 1000));
        trail.addAll(fixture.store().activityLog().recent(bob.id(), clock.instant().minus(Duration.ofHours(1)), 1000));
        assertThat(trail).hasSize(800);
        assertThat(trail.stream().filter(showing -> showing.outcome() == Activity.Outcome.BUDGET_SPENT)
                .mapToLong(Activity::impressions).sum())
                .as("each unbilled showing says why").isEqualTo(aliceAfter.unbilledImpressions() + bobAfter.unbilledImpressions());
        assertThat(Set.copyOf(heard)).as("both apps hear that the budget is spent, for the rotation").containsExactly(campaign.id());
    }

    @Test
    void aClickAfterTheDailyBudgetIsSpentIsCountedUnbilledWithThatReason() throws Exception {
        Campaign cpc = new Campaign(TestIds.newId(), "Launch", "Nova", "", CampaignStatus.ACTIVE, PaymentType.CPC,
                new BigDecimal("0.50"), new BigDecimal("100"), "/m.png", MediaType.IMAGE, "https://nova.example",
                null, null, Campaign.DEFAULT_CURRENCY, new BigDecimal("1"));
        fixture.addCampaign(cpc);
        Participation joined = fixture.updates().join(cpc.id(), TestIds.newId());
        Tracker app = tracker(fixture.store(), "cpc");

        for (int i = 0; i < 3; i++) {
            app.record(TrackingEvent.click("c-" + i, joined.id(), clock.instant(), ClickType.QR, "viewer-" + i)).join();
            int sent = i;
            await().atMost(Duration.ofSeconds(10)).until(() -> reload(joined).clicks() == sent + 1);
        }

        Participation after = reload(joined);
        assertThat(after.estimatedEarnings()).isEqualByComparingTo("1.00");
        assertThat(after.unbilledClicks()).isEqualTo(1);
        assertThat(fixture.store().activityLog().recent(joined.id(), clock.instant().minus(Duration.ofHours(1)), 10))
                .extracting(Activity::outcome)
                .containsExactlyInAnyOrder(Activity.Outcome.COUNTED, Activity.Outcome.COUNTED, Activity.Outcome.DAILY_BUDGET_SPENT);
    }

    @Test
    void aRetriedBatchSpendsOnceAndIsCountedAsTheFirstTryDecided() {
        Campaign campaign = campaign("1", null);
        fixture.addCampaign(campaign);
        String participationId = TestIds.newId();
        ParticipationTerms terms = new ParticipationTerms(TestIds.newId(), ParticipationStatus.ACTIVE, campaign);
        BudgetGate gate = new BudgetGate(fixture.store().campaignSpending(), clock, id -> { });
        List<JournalEntry.Event> events = List.of(
                new JournalEntry.Event(TrackingEvent.impression("x", participationId, clock.instant(), 200), false, clock.millis()));

        CounterDelta first = gate.settle("batch-1", events, Map.of(participationId, terms)).byParticipation().get(participationId);
        CounterDelta retried = gate.settle("batch-1", events, Map.of(participationId, terms)).byParticipation().get(participationId);

        assertThat(first.earningsMicros()).isEqualTo(Money.toMicros(new BigDecimal("0.8")));
        assertThat(retried).isEqualTo(first);
        assertThat(spentMicros(campaign)).as("the retry added nothing").isEqualTo(first.earningsMicros());

        CounterDelta next = gate.settle("batch-2", events, Map.of(participationId, terms)).byParticipation().get(participationId);
        gate.settle("batch-3", events, Map.of(participationId, terms));
        assertThat(spentMicros(campaign)).as("batch-2 crossed the cap of 1 and was paid; batch-3 was refused").isEqualTo(2 * first.earningsMicros());
        assertThat(next.earningsMicros()).isEqualTo(first.earningsMicros());
        CounterDelta refusedRetry = gate.settle("batch-3", events, Map.of(participationId, terms)).byParticipation().get(participationId);
        assertThat(refusedRetry.earningsMicros()).isZero();
        assertThat(refusedRetry.unbilledImpressions()).isEqualTo(200);
    }
}
