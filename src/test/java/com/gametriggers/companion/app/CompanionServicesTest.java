package com.gametriggers.companion.app;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Clock;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Optional;

import javax.imageio.ImageIO;

import com.gametriggers.companion.tracking.TrackingEvent;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.domain.Participation;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

import okhttp3.OkHttpClient;

/** What the window asks of the running app: a sponsor's QR code, and a new chat command checked before it is saved. */
class CompanionServicesTest {

    @TempDir
    Path dataDir;

    @Test
    void aSponsorsQrCodeAndChatCommandCanBeChangedFromTheApp() throws Exception {
        AppOptions options = new AppOptions(Optional.empty(), dataDir, true, true, 0, 0, Optional.empty(), Optional.empty(), false,
                RotationSettings.defaults(), TwitchEndpoints.twitch());
        OkHttpClient http = AppHttp.create();
        try (CompanionServices services = CompanionServices.start(options, http,
                TwitchSignIn.onTwitch(dataDir, Optional::empty, TwitchEndpoints.twitch(), http, Clock.systemUTC()),
                new YouTubeSignIn(dataDir, Optional::empty, http, Clock.systemUTC()), Clock.systemUTC())) {
            Participation pixel = services.store().participations().forStreamer(services.streamerId()).stream()
                    .filter(p -> "!pixel".equals(p.chatCommand())).findFirst().orElseThrow();

            var image = ImageIO.read(new ByteArrayInputStream(services.qrCodePng(pixel, 300)));
            String scanned = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(image)))).getText();
            assertThat(scanned).as("no public address: the sponsor's page, tagged as a scan")
                    .startsWith("https://").contains("utm_source=gametriggers&utm_medium=qr&utm_campaign=" + pixel.campaignId());

            assertThat(services.changeChatCommand(pixel, "!NOVA"))
                    .contains("!nova is already used by another of your campaigns.");
            assertThat(services.changeChatCommand(pixel, "pixel peak")).get().asString().startsWith("A chat command starts with !");
            assertThat(services.changeChatCommand(pixel, " !PixelPeak ")).isEmpty();
            assertThat(services.store().participations().byId(pixel.id()).orElseThrow().chatCommand()).isEqualTo("!pixelpeak");
            assertThat(services.overlay().control().showableSponsors()).extracting(s -> s.chatCommand()).contains("!pixelpeak");
        } finally {
            AppHttp.release(http);
        }
    }

    @Test
    void aSponsorWhoseBudgetTheTrackerFindsSpentLeavesTheRotationWithoutWaitingForTheNextRead() throws Exception {
        AppOptions options = new AppOptions(Optional.empty(), dataDir, true, true, 0, 0, Optional.empty(), Optional.empty(), false,
                RotationSettings.defaults(), TwitchEndpoints.twitch());
        OkHttpClient http = AppHttp.create();
        Clock clock = Clock.systemUTC();
        try (CompanionServices services = CompanionServices.start(options, http,
                TwitchSignIn.onTwitch(dataDir, Optional::empty, TwitchEndpoints.twitch(), http, clock),
                new YouTubeSignIn(dataDir, Optional::empty, http, clock), clock)) {
            Participation nova = services.store().participations().forStreamer(services.streamerId()).stream()
                    .filter(p -> "!nova".equals(p.chatCommand())).findFirst().orElseThrow();
            assertThat(services.overlay().control().showableSponsors()).extracting(s -> s.participationId()).contains(nova.id());

            // One showing to 600,000 viewers at 4.50 per 1,000 earns 2,700: past Nova's budget of 2,500.
            services.tracker().record(TrackingEvent.impression("huge-audience", nova.id(), clock.instant(), 600_000)).join();

            // The embedded store's directory is otherwise read once a minute: the tracker's word is what moves it.
            await().atMost(Duration.ofSeconds(20)).until(() -> services.overlay().control().showableSponsors().stream()
                    .noneMatch(s -> s.participationId().equals(nova.id())));
            assertThat(services.store().participations().byId(nova.id()).orElseThrow().estimatedEarnings())
                    .as("the batch that crossed the budget is paid in full").isEqualByComparingTo("2700");
        } finally {
            AppHttp.release(http);
        }
    }
}
