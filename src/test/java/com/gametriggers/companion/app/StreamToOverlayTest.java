package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.chat.ChatPlatform;
import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignStatus;
import com.gametriggers.companion.domain.MediaType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.store.StoreFixture;
import com.gametriggers.companion.store.TestIds;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackerOptions;

/** A stream on Twitch and YouTube at once is one audience for the overlay and the viewer statistics. */
class StreamToOverlayTest {

    @TempDir
    Path dir;

    @Test
    void twoLivePlatformsAddTheirViewersAndTheOverlayGoesOfflineOnlyWithTheLast() throws Exception {
        try (StoreFixture fixture = StoreFixture.open(dir.resolve("store"));
             Tracker tracker = Tracker.start(fixture.store(), dir.resolve("journal"),
                     TrackerOptions.defaults().withFlushInterval(Duration.ofMillis(20)))) {
            Instant now = Instant.now();
            Campaign campaign = new Campaign(TestIds.newId(), "Launch", "Nova Energy", "", CampaignStatus.ACTIVE,
                    PaymentType.CPM, new BigDecimal("4.50"), BigDecimal.TEN, "/m.svg", MediaType.IMAGE,
                    "https://example.com", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));
            fixture.addCampaign(campaign);
            Participation shown = fixture.updates().join(campaign.id(), TestIds.newId());
            AtomicInteger live = new AtomicInteger();
            AtomicInteger offline = new AtomicInteger();
            AtomicLong viewers = new AtomicLong();
            StreamToOverlay audience = new StreamToOverlay(live::incrementAndGet, offline::incrementAndGet,
                    () -> Set.of(shown.id()), tracker, viewers);
            StreamToOverlay.Source twitch = audience.source(ChatPlatform.TWITCH);
            StreamToOverlay.Source youtube = audience.source(ChatPlatform.YOUTUBE);

            twitch.wentLive();
            youtube.wentLive();
            twitch.viewerSample(1_000, now);
            youtube.viewerSample(500, now); // the same moment on the other platform is its own sample

            assertThat(live.get()).as("live once, with the first platform").isEqualTo(1);
            assertThat(viewers.get()).as("impressions count both audiences").isEqualTo(1_500);
            assertThat(audience.viewers(ChatPlatform.YOUTUBE)).isEqualTo(OptionalLong.of(500));

            twitch.wentOffline();
            assertThat(offline.get()).as("YouTube is still live").isZero();
            assertThat(viewers.get()).isEqualTo(500);
            assertThat(audience.viewers(ChatPlatform.TWITCH)).isEmpty();

            youtube.viewerSample(700, now.plusSeconds(60));
            youtube.wentOffline();
            assertThat(offline.get()).as("offline with the last platform").isEqualTo(1);
            assertThat(viewers.get()).isZero();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Participation after = fixture.store().participations().byId(shown.id()).orElseThrow();
                assertThat(after.viewerSampleCount()).isEqualTo(3);
                assertThat(after.peakViewerCount()).isEqualTo(1_500);
            });
        }
    }

    @Test
    void aPlatformThatStopsIsForgotten() {
        AtomicInteger live = new AtomicInteger();
        AtomicLong viewers = new AtomicLong();
        StreamToOverlay audience = new StreamToOverlay(live::incrementAndGet, () -> { }, Set::of, null, viewers);
        StreamToOverlay.Source twitch = audience.source(ChatPlatform.TWITCH);
        StreamToOverlay.Source youtube = audience.source(ChatPlatform.YOUTUBE);
        twitch.wentLive();
        twitch.viewerSample(300, Instant.EPOCH);
        youtube.wentLive();
        youtube.viewerSample(200, Instant.EPOCH);

        youtube.stopped();

        assertThat(viewers.get()).isEqualTo(300);
        assertThat(audience.viewers(ChatPlatform.YOUTUBE)).isEmpty();
        youtube.wentLive();
        assertThat(live.get()).as("Twitch held the stream live all along").isEqualTo(1);
    }
}
