package com.gametriggers.companion.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.store.StoreFixture;

class TrackerTest {

    @TempDir
    Path dataDir;

    private StoreFixture fixture;
    private Tracker tracker;

    @BeforeEach
    void start() throws Exception {
        fixture = StoreFixture.open(dataDir.resolve("store"));
        tracker = Tracker.start(fixture.store(), dataDir.resolve("journal"),
                TrackerOptions.defaults().withFlushInterval(Duration.ofMillis(20)));
    }

    @AfterEach
    void stop() {
        tracker.close();
        fixture.close();
    }

    private Participation reload(Participation p) {
        return fixture.store().participations().byId(p.id()).orElseThrow();
    }

    @Test
    void aCallerThatStopsWaitingForItsEventDoesNotKeepTheEventFromTheStore() {
        Participation cpm = Campaigns.joined(fixture, Campaigns.running(PaymentType.CPM, "4.50"));
        Instant now = Instant.now();
        for (int i = 0; i < 200; i++) {
            // As the beacon handler's timeout does while the journal waits for disk space: before the event is on disk.
            tracker.record(TrackingEvent.impression("given-up-" + i, cpm.id(), now, 2))
                    .completeExceptionally(new TimeoutException("the page was answered already"));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> reload(cpm).impressions() == 400);
        assertThat(tracker.record(TrackingEvent.impression("given-up-7", cpm.id(), now, 2)).join())
                .as("the page's resend").isEqualTo(RecordOutcome.DUPLICATE);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> reload(cpm).impressions() == 400);
    }

    @Test
    void recordedEventsReachTheStoreCoalescedAndExact() {
        Participation cpm = Campaigns.joined(fixture, Campaigns.running(PaymentType.CPM, "4.50"));
        Instant now = Instant.now();
        List<CompletableFuture<RecordOutcome>> done = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            done.add(tracker.record(TrackingEvent.impression("imp-" + i, cpm.id(), now, 3)));
            done.add(tracker.record(TrackingEvent.click("click-" + i, cpm.id(), now, ClickType.values()[i % 3], null)));
        }
        done.add(tracker.record(TrackingEvent.viewerSample("vs-1", cpm.id(), now, 120)));
        done.add(tracker.record(TrackingEvent.viewerSample("vs-2", cpm.id(), now, 80)));

        assertThat(done).allSatisfy(future -> assertThat(future.join()).isEqualTo(RecordOutcome.RECORDED));
        await().atMost(Duration.ofSeconds(20)).until(() -> tracker.status().eventsWaiting() == 0);

        Participation after = reload(cpm);
        assertThat(after.impressions()).as("viewer samples are statistics, not impressions").isEqualTo(1500);
        assertThat(after.clicks()).isEqualTo(500);
        assertThat(after.chatClicks()).isEqualTo(167);
        assertThat(after.qrScans()).isEqualTo(167);
        assertThat(after.linkClicks()).isEqualTo(166);
        assertThat(after.peakViewerCount()).isEqualTo(120);
        assertThat(after.averageViewerCount()).isEqualTo(100.0);
        // 1500 impressions at 4.50 per 1000
        assertThat(after.estimatedEarnings()).isEqualByComparingTo("6.75");
        assertThat(tracker.status().online()).isTrue();
        assertThat(tracker.status().lastSuccessfulFlush()).isNotNull();
        long dailyImpressions = fixture.rawDailyStats().find().into(new ArrayList<>()).stream()
                .mapToLong(d -> d.get("impressions", Number.class).longValue()).sum();
        assertThat(dailyImpressions).isEqualTo(1500);
    }

    @Test
    void anEventIdSeenAgainIsADuplicateAndCountsOnce() {
        Participation p = Campaigns.joined(fixture, Campaigns.running(PaymentType.CPC, "0.35"));

        assertThat(tracker.record(TrackingEvent.click("same", p.id(), Instant.now(), ClickType.LINK, null)).join())
                .isEqualTo(RecordOutcome.RECORDED);
        assertThat(tracker.record(TrackingEvent.click("same", p.id(), Instant.now(), ClickType.LINK, null)).join())
                .isEqualTo(RecordOutcome.DUPLICATE);

        await().atMost(Duration.ofSeconds(20)).until(() -> tracker.status().eventsWaiting() == 0);
        assertThat(reload(p).linkClicks()).isEqualTo(1);
        assertThat(reload(p).estimatedEarnings()).isEqualByComparingTo("0.35");
        assertThat(tracker.stats().duplicates()).isEqualTo(1);
    }

    @Test
    void aViewersRepeatClickIsCountedAsFilteredNotAsAClick() {
        Participation p = Campaigns.joined(fixture, Campaigns.running(PaymentType.CPC, "0.35"));
        String viewer = ViewerKeys.forChatUser("4711");

        assertThat(tracker.record(TrackingEvent.click("c1", p.id(), Instant.now(), ClickType.CHAT, viewer)).join())
                .isEqualTo(RecordOutcome.RECORDED);
        assertThat(tracker.record(TrackingEvent.click("c2", p.id(), Instant.now(), ClickType.CHAT, viewer)).join())
                .isEqualTo(RecordOutcome.FILTERED);
        assertThat(tracker.record(TrackingEvent.click("c3", p.id(), Instant.now(), ClickType.CHAT,
                ViewerKeys.forChatUser("other"))).join()).isEqualTo(RecordOutcome.RECORDED);

        await().atMost(Duration.ofSeconds(20)).until(() -> tracker.status().eventsWaiting() == 0);
        Participation after = reload(p);
        assertThat(after.chatClicks()).isEqualTo(2);
        assertThat(after.filteredClicks()).isEqualTo(1);
        assertThat(after.estimatedEarnings()).isEqualByComparingTo("0.70");
        assertThat(tracker.stats().filtered()).isEqualTo(1);
    }

    @Test
    void eventsOfAPausedParticipationCountButEarnNothing() {
        Participation p = Campaigns.joined(fixture, Campaigns.running(PaymentType.CPM, "10"));
        fixture.updates().pause(p.id());

        tracker.record(TrackingEvent.impression("i1", p.id(), Instant.now(), 1000)).join();

        await().atMost(Duration.ofSeconds(20)).until(() -> tracker.status().eventsWaiting() == 0);
        Participation after = reload(p);
        assertThat(after.impressions()).isEqualTo(1000);
        assertThat(after.unbilledImpressions()).isEqualTo(1000);
        assertThat(after.estimatedEarnings()).isEqualByComparingTo("0");
    }

    @Test
    void eventsOutsideTheCampaignsDatesCountButEarnNothing() {
        Instant now = Instant.now();
        Participation p = Campaigns.joined(fixture,
                Campaigns.campaign(PaymentType.CPC, "1.00", now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2))));

        tracker.record(TrackingEvent.click("early", p.id(), now, ClickType.QR, null)).join();

        await().atMost(Duration.ofSeconds(20)).until(() -> tracker.status().eventsWaiting() == 0);
        Participation after = reload(p);
        assertThat(after.qrScans()).isEqualTo(1);
        assertThat(after.unbilledClicks()).isEqualTo(1);
        assertThat(after.estimatedEarnings()).isEqualByComparingTo("0");
    }

    @Test
    void eventsOfAnUnknownParticipationAreCountedAsOrphaned() {
        tracker.record(TrackingEvent.impression("ghost", com.gametriggers.companion.store.TestIds.newId(), Instant.now(), 5)).join();

        await().atMost(Duration.ofSeconds(20)).until(() -> tracker.stats().orphaned() == 1);
        assertThat(fixture.rawParticipations().countDocuments()).isZero();
        assertThat(fixture.rawDailyStats().countDocuments()).isZero();
    }

    @Test
    void whatWasWaitingAtCloseIsWrittenOnTheNextStart() throws Exception {
        Participation p = Campaigns.joined(fixture, Campaigns.running(PaymentType.CPM, "1"));
        tracker.close();
        tracker = Tracker.start(fixture.store(), dataDir.resolve("journal"),
                TrackerOptions.defaults().withFlushInterval(Duration.ofHours(1)));
        tracker.record(TrackingEvent.impression("kept", p.id(), Instant.now(), 7)).join();
        // The long flush interval keeps the event waiting; close writes it within closeTimeout.
        tracker.close();
        assertThat(reload(p).impressions()).isEqualTo(7);

        tracker = Tracker.start(fixture.store(), dataDir.resolve("journal"), TrackerOptions.defaults());
        assertThat(tracker.record(TrackingEvent.impression("kept", p.id(), Instant.now(), 7)).join())
                .as("the id is remembered across restarts").isEqualTo(RecordOutcome.DUPLICATE);
        Document stored = fixture.rawParticipations().find().first();
        assertThat(stored.getList("appliedBatches", String.class)).hasSize(1);
    }
}
