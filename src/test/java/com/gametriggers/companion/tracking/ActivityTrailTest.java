package com.gametriggers.companion.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.store.StoreFixture;

/**
 * The audit trail behind the counters: every showing and click reaches the store as its own entry, with the verdict
 * the counters gave it (counted, filtered as a repeat viewer, or unbilled and why), and a batch replayed keeps each once.
 */
class ActivityTrailTest {

    @TempDir
    Path dataDir;

    private final Clock clock = Clock.systemUTC();
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

    @Test
    void eachShowingAndClickIsKeptWithWhatBecameOfIt() {
        Participation running = Campaigns.joined(fixture, Campaigns.running(PaymentType.CPC, "0.35"));
        Instant now = clock.instant();
        String viewer = ViewerKeys.forChatUser("4711");
        tracker.record(TrackingEvent.impression("showing-1", running.id(), now.minusSeconds(30), 42)).join();
        tracker.record(TrackingEvent.click("chat-1", running.id(), now.minusSeconds(20), ClickType.CHAT, viewer)).join();
        tracker.record(TrackingEvent.click("chat-2", running.id(), now.minusSeconds(10), ClickType.CHAT, viewer)).join();
        tracker.record(TrackingEvent.click("scan-1", running.id(), now, ClickType.QR, null)).join();
        tracker.record(TrackingEvent.viewerSample("sample-1", running.id(), now, 40)).join();
        await().atMost(Duration.ofSeconds(20)).until(() -> tracker.status().eventsWaiting() == 0);

        List<Activity> trail = fixture.store().activityLog().recent(running.id(), now.minus(Duration.ofDays(7)), 100);

        assertThat(trail).as("newest first; a viewer sample is statistics, not an entry")
                .extracting(Activity::id).containsExactly("scan-1", "chat-2", "chat-1", "showing-1");
        assertThat(trail).extracting(Activity::kind).containsExactly(Activity.Kind.QR, Activity.Kind.CHAT,
                Activity.Kind.CHAT, Activity.Kind.SHOWING);
        assertThat(trail).extracting(Activity::outcome).containsExactly(Activity.Outcome.COUNTED,
                Activity.Outcome.REPEAT_VIEWER, Activity.Outcome.COUNTED, Activity.Outcome.COUNTED);
        Activity showing = trail.get(3);
        assertThat(showing.impressions()).isEqualTo(42);
        assertThat(showing.at()).isEqualTo(now.minusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(showing.streamerId()).isEqualTo(running.streamerId());
        assertThat(showing.campaignId()).isEqualTo(running.campaignId());
        assertThat(fixture.store().activityLog().recent(running.id(), now.minus(Duration.ofDays(7)), 2))
                .extracting(Activity::id).containsExactly("scan-1", "chat-2");
        assertThat(fixture.store().activityLog().recent(running.id(), now.minusSeconds(15), 100))
                .extracting(Activity::id).containsExactly("scan-1", "chat-2");
    }

    @Test
    void whatCouldNotEarnSaysWhy() {
        Participation paused = Campaigns.joined(fixture, Campaigns.running(PaymentType.CPM, "4.50"));
        fixture.store().participationUpdates().pause(paused.id());
        Instant now = clock.instant();
        Participation ended = Campaigns.joined(fixture, Campaigns.campaign(PaymentType.CPM, "4.50",
                now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))));

        tracker.record(TrackingEvent.impression("while-paused", paused.id(), now, 10)).join();
        tracker.record(TrackingEvent.click("after-the-end", ended.id(), now, ClickType.LINK, null)).join();
        await().atMost(Duration.ofSeconds(20)).until(() -> tracker.status().eventsWaiting() == 0);

        Instant weekAgo = now.minus(Duration.ofDays(7));
        assertThat(fixture.store().activityLog().recent(paused.id(), weekAgo, 10)).singleElement()
                .satisfies(entry -> assertThat(entry.outcome()).isEqualTo(Activity.Outcome.PARTICIPATION_PAUSED));
        assertThat(fixture.store().activityLog().recent(ended.id(), weekAgo, 10)).singleElement()
                .satisfies(entry -> assertThat(entry.outcome()).isEqualTo(Activity.Outcome.OUTSIDE_CAMPAIGN_DATES));
        assertThat(fixture.store().participations().byId(paused.id()).orElseThrow().unbilledImpressions()).isEqualTo(10);
    }

    @Test
    void theStreamersShowingsOfAPeriodOldestFirst() {
        Participation first = Campaigns.joined(fixture, Campaigns.running(PaymentType.CPM, "4.50"));
        Instant now = clock.instant();
        tracker.record(TrackingEvent.impression("later", first.id(), now.minusSeconds(60), 5)).join();
        tracker.record(TrackingEvent.impression("earlier", first.id(), now.minusSeconds(120), 7)).join();
        tracker.record(TrackingEvent.impression("too-old", first.id(), now.minus(Duration.ofDays(3)), 9)).join();
        tracker.record(TrackingEvent.click("not-a-showing", first.id(), now.minusSeconds(90), ClickType.LINK, null)).join();
        await().atMost(Duration.ofSeconds(20)).until(() -> tracker.status().eventsWaiting() == 0);

        assertThat(fixture.store().activityLog().showings(first.streamerId(), now.minus(Duration.ofDays(1)), now))
                .extracting(Activity::id).containsExactly("earlier", "later");
    }
}
