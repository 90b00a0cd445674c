package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import com.gametriggers.companion.twitch.TwitchToken;

import picocli.CommandLine;

/** The app's side of Twitch: the saved sign-in, and what a stream status change does to overlays and counts. */
class TwitchWiringTest {

    @TempDir
    Path dir;

    @Test
    void theSignInIsSavedForTheUserOnlyAndNeverShownWhole() throws Exception {
        TwitchAccountStore accounts = new TwitchAccountStore(dir);
        TwitchToken token = new TwitchToken("access-0123456789", "refresh-0123456789", "streamer_one", "4711",
                List.of("chat:read", "chat:edit"), Instant.parse("2026-12-01T00:00:00Z"));

        accounts.keep(token);

        assertThat(accounts.load()).contains(new TwitchAccountStore.Saved(token, false));
        OwnerOnly.assertOwnerOnly(dir.resolve(TwitchAccountStore.FILE_NAME));
        assertThat(token.toString()).doesNotContain("access-0123456789").doesNotContain("refresh-0123456789");
    }

    @Test
    void viewerSamplesGoIntoTheStatisticsOfTheSponsorsOnScreenOnceEachAndLiveStateReachesTheOverlays() throws Exception {
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
            StreamToOverlay.Source listener = new StreamToOverlay(live::incrementAndGet, offline::incrementAndGet,
                    () -> Set.of(shown.id()), tracker, viewers).source(ChatPlatform.TWITCH);

            listener.wentLive();
            // The samples are taken from the same clock as the campaign's dates: a fixed sample time would fall
            // outside the campaign (and earn nothing) on any other day than the one it was written on.
            Instant sampleTime = now;
            listener.viewerSample(1_200, sampleTime);
            listener.viewerSample(1_200, sampleTime); // the same poll answered twice
            listener.viewerSample(800, sampleTime.plusSeconds(60));
            listener.wentOffline();

            assertThat(live.get()).isEqualTo(1);
            assertThat(offline.get()).isEqualTo(1);
            assertThat(viewers.get()).as("no viewers once offline").isZero();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Participation after = fixture.store().participations().byId(shown.id()).orElseThrow();
                assertThat(after.viewerSampleCount()).isEqualTo(2);
                assertThat(after.peakViewerCount()).isEqualTo(1_200);
                assertThat(after.averageViewerCount()).isEqualTo(1_000.0);
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> tracker.status().eventsWaiting() == 0);
            Participation after = fixture.store().participations().byId(shown.id()).orElseThrow();
            assertThat(after.impressions()).as("a sample is no impression: the showing's beacon is").isZero();
            assertThat(after.estimatedEarnings()).isZero();
        }
    }

    @Test
    void signingInWithoutAClientIdStopsWithOneClearLine() {
        StringWriter err = new StringWriter();
        PrintStream previous = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        try {
            CommandLine commandLine = new CommandLine(new Main(new PrintStream(new java.io.ByteArrayOutputStream())));
            commandLine.setErr(new PrintWriter(err));
            // An empty client id stands for "not configured", whatever TWITCH_CLIENT_ID this machine has.
            int exitCode = commandLine.execute("--headless", "--twitch-login", "--twitch-client-id", "",
                    "--data-dir", dir.toString());
            assertThat(exitCode).isEqualTo(1);
        } finally {
            System.setErr(previous);
        }
        assertThat(captured.toString()).contains(
                "error: Signing in to Twitch needs the app's Twitch client id (Settings, --twitch-client-id or "
                        + "TWITCH_CLIENT_ID).");
    }
}
