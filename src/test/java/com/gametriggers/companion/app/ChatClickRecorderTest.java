package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.chat.ChatClick;
import com.gametriggers.companion.chat.ChatPlatform;
import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignStatus;
import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.MediaType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.store.StoreFixture;
import com.gametriggers.companion.store.TestIds;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackerOptions;
import com.gametriggers.companion.tracking.TrackingEvent;
import com.gametriggers.companion.tracking.ViewerKeys;

/** Chat clicks from two platforms in one tracker: ids and viewers are told apart per platform. */
class ChatClickRecorderTest {

    private static final String PARTICIPATION = "0123456789abcdef01234567";

    @TempDir
    Path dir;

    @Test
    void twitchsEventIdsAndViewerKeysStayAsJournalsWrittenBeforeHoldThem() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");

        TrackingEvent twitch = ChatClickRecorder.event(
                new ChatClick(ChatPlatform.TWITCH, PARTICIPATION, "885196de", "4711", at));
        TrackingEvent youtube = ChatClickRecorder.event(
                new ChatClick(ChatPlatform.YOUTUBE, PARTICIPATION, "885196de", "4711", at));

        assertThat(twitch).isEqualTo(TrackingEvent.click("chat:885196de", PARTICIPATION, at,
                ClickType.CHAT, ViewerKeys.forChatUser("4711")));
        assertThat(youtube.eventId()).isEqualTo("chat:youtube:885196de");
        assertThat(youtube.viewerKey()).isEqualTo("youtube:4711");
    }

    @Test
    void theSameIdsOnTwoPlatformsAreTwoViewersAndTwoClicksWhileARepeatOnOnePlatformIsFiltered() throws Exception {
        try (StoreFixture fixture = StoreFixture.open(dir.resolve("store"));
             Tracker tracker = Tracker.start(fixture.store(), dir.resolve("journal"),
                     TrackerOptions.defaults().withFlushInterval(Duration.ofMillis(20)))) {
            // The clicks' times come from the clock the tracker and the campaign's dates use.
            Instant now = Instant.now();
            Campaign campaign = new Campaign(TestIds.newId(), "Launch", "Nova Energy", "", CampaignStatus.ACTIVE,
                    PaymentType.CPC, new BigDecimal("0.35"), BigDecimal.TEN, "/m.svg", MediaType.IMAGE,
                    "https://example.com", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));
            fixture.addCampaign(campaign);
            Participation shown = fixture.updates().join(campaign.id(), TestIds.newId());
            ChatClickRecorder clicks = new ChatClickRecorder(tracker);

            clicks.chatCommandUsed(new ChatClick(ChatPlatform.TWITCH, shown.id(), "m1", "4711", now));
            clicks.chatCommandUsed(new ChatClick(ChatPlatform.YOUTUBE, shown.id(), "m1", "4711", now));
            clicks.chatCommandUsed(new ChatClick(ChatPlatform.YOUTUBE, shown.id(), "m2", "4711", now.plusSeconds(5)));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Participation after = fixture.store().participations().byId(shown.id()).orElseThrow();
                assertThat(after.chatClicks()).isEqualTo(2);
                assertThat(after.filteredClicks()).isEqualTo(1);
            });
            assertThat(tracker.stats().duplicates()).isZero();
        }
    }
}
