package com.gametriggers.companion.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;

import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.MediaType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.links.TrackingLinks;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreSettings;
import com.gametriggers.companion.store.TestIds;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackerOptions;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

/**
 * The overlay page in a real headless Chromium against a real overlay server, tracker and store: what OBS's Browser
 * Source runs. The page plays OBS through a stand-in {@code window.obsstudio} and {@code obsSourceActiveChanged}
 * events; the test drives showings through the server and reads the counters from the store.
 */
@Timeout(value = 45, unit = TimeUnit.SECONDS)
class OverlayPageTest {

    /** Short showings and short gaps, so a test sees several in seconds; no wait after "going live". */
    private static final RotationSettings QUICK = new RotationSettings(
            Duration.ofMillis(1500), Duration.ofMillis(700), Duration.ZERO, "round-robin");
    private static final Duration PAUSE = Duration.ofMinutes(10);
    private static final Path SCREENSHOTS = Path.of("target", "overlay-screenshots");
    /** Public links, as behind a tunnel; the page never opens them, so no listener is needed behind them. */
    private static final TrackingLinks LINKS = new TrackingLinks(Optional.of(URI.create("https://links.example.net")),
            "http://127.0.0.1:17731");

    @TempDir
    static Path dataDir;

    private static MongoStore store;
    private static Tracker tracker;

    private String streamerId;
    private Participation participation;
    private OverlayServer server;
    private Chromium chromium;
    private ShowWatcher watcher;

    @BeforeAll
    static void startStore() throws IOException {
        Chromium.requireInstalled();
        store = MongoStore.open(StoreSettings.embedded(dataDir.resolve("store")));
        tracker = Tracker.start(store, dataDir.resolve("journal"),
                TrackerOptions.defaults().withFlushInterval(Duration.ofMillis(20)));
    }

    @AfterAll
    static void stopStore() {
        if (tracker != null) {
            tracker.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @BeforeEach
    void startServer() {
        // A streamer of their own per test: the rotation shows only this test's sponsor.
        streamerId = TestIds.newId();
        participation = OverlaySponsors.novaEnergy(store, streamerId, "!nova");
        byte[] key = new byte[32];
        byte[] secret = new byte[32];
        SecureRandom random = new SecureRandom();
        random.nextBytes(key);
        random.nextBytes(secret);
        server = OverlayServer.start(new OverlaySettings(0), OverlayDirectory.load(store, streamerId), LINKS, tracker,
                HexFormat.of().formatHex(key), secret, () -> 0, Clock.systemUTC());
        server.control().updateRotation(QUICK);
        // Nothing shows until the test has the page ready and calls resumeAds().
        server.control().pauseAds(PAUSE);
    }

    @AfterEach
    void stopAll() {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (watcher != null) {
                watcher.close();
            }
            server.close();
        }
    }

    @Test
    void nothingCountsWhileTheSourceIsNotActive() throws Exception {
        openPage(true, server.rotationUrl());
        watch(rotationKey(), 3);
        long before = impressions();

        server.control().resumeAds();
        // 1st showing: OBS has said nothing yet, which is not on air.
        awaitShows(1);
        awaitCardVisible();
        awaitHides(1);
        // 2nd showing: OBS says the source is not active.
        chromium.script("window.__obsActive(false);");
        awaitShows(2);
        awaitCardVisible();
        awaitHides(2);
        // 3rd showing: active for less than a second, then not.
        awaitShows(3);
        awaitCardVisible();
        chromium.script("window.__obsActive(true);");
        awaitOnAir();
        stayOnAirFor(Duration.ofMillis(400));
        chromium.script("window.__obsActive(false);");
        awaitHides(3);

        assertThat(watcher.tickets()).hasSize(3);
        assertNoBeaconAndNoImpressionFor(Duration.ofMillis(500), before);
    }

    @Test
    void eachShowingOnAirCountsExactlyOnce() throws Exception {
        int showings = 3;
        openPage(true, server.rotationUrl());
        watch(rotationKey(), showings);
        chromium.script("window.__obsActive(true);");

        server.control().resumeAds();
        awaitHides(showings);

        awaitImpressions(showings);
        List<String> beacons = beaconsSent();
        assertThat(beacons).hasSize(showings);
        assertThat(beacons.stream().map(b -> JsonParser.parseString(b).getAsJsonObject().get("ticket").getAsString()))
                .containsExactlyInAnyOrderElementsOf(watcher.tickets());
        assertThat(beacons).allSatisfy(b -> assertThat(JsonParser.parseString(b).getAsJsonObject().get("onAirMs")
                .getAsLong()).isBetween(1000L, 1700L));
        await().atMost(Duration.ofSeconds(5)).until(() -> pendingBeacons().isEmpty());
        assertImpressionsStayAt(showings, Duration.ofMillis(1500));
    }

    @Test
    void countsStayExactAcrossAReloadAndLostBeacons() throws Exception {
        // Long showings, each ended by the test (a pause hides it at the next tick), so on-air times are the test's.
        server.control().updateRotation(new RotationSettings(Duration.ofSeconds(30), Duration.ofMillis(700), Duration.ZERO,
                "round-robin"));
        openPage(true, server.rotationUrl());
        watch(rotationKey(), Integer.MAX_VALUE);
        long duplicatesBefore = tracker.stats().duplicates();
        try (BeaconTrouble trouble = new BeaconTrouble(chromium.driver(), server.baseUrl())) {
            chromium.script("window.__obsActive(true);");

            // 1st showing: its beacon never reaches the server.
            trouble.mode(BeaconTrouble.Mode.FAIL_REQUESTS);
            showOnAir(1, 1300);
            await("a failed beacon").atMost(Duration.ofSeconds(10)).until(() -> trouble.failedRequests() >= 1);
            assertThat(pendingBeacons()).as("beacons the page keeps to resend").hasSize(1);

            // 2nd showing: OBS reloads the page after 0.6 s on air. The new page resumes the same showing with the
            // time it had, so 0.6 s more make it count (0.6 s alone would not), and resends the 1st showing's beacon.
            server.control().resumeAds();
            awaitShows(2);
            awaitOnAir();
            stayOnAirFor(Duration.ofMillis(600));
            chromium.driver().navigate().refresh();
            chromium.script("window.__obsActive(true);");
            awaitOnAir();
            stayOnAirFor(Duration.ofMillis(600));
            server.control().pauseAds(PAUSE);
            awaitHides(2);
            await("the reloaded page resends the 1st beacon and counts the 2nd showing (0.6 s + 0.6 s on air)")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> trouble.failedRequests() >= 3 && pendingBeacons().size() == 2);

            // 3rd showing: beacons reach the server, but the page never hears back, so it must resend them.
            trouble.mode(BeaconTrouble.Mode.LOSE_RESPONSES);
            showOnAir(3, 1300);
            await("lost responses").atMost(Duration.ofSeconds(15)).until(() -> trouble.lostResponses() >= 3);

            // 4th showing: everything gets through; the resent beacons carry the tickets the server already counted.
            trouble.mode(BeaconTrouble.Mode.PASS);
            showOnAir(4, 1300);
            awaitImpressions(4);
            await("no beacon left to send").atMost(Duration.ofSeconds(20)).until(() -> pendingBeacons().isEmpty());
            assertThat(tracker.stats().duplicates() - duplicatesBefore)
                    .as("beacons the server had already counted, resent after their answer was lost")
                    .isPositive();
        }
        assertThat(watcher.tickets()).hasSize(4);
        assertImpressionsStayAt(4, Duration.ofSeconds(2));
    }

    @Test
    void theQrCodeOnThePageOpensTheTrackingLink() throws Exception {
        String token = participation.browserSourceToken();
        server.control().updateRotation(new RotationSettings(Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ZERO,
                "round-robin"));
        openPage(true, server.overlayUrl(token));
        watch(token, 1);
        server.control().resumeAds();
        awaitCardVisible();
        awaitEntranceFinished();

        String src = chromium.driver().findElement(By.id("qr")).getDomProperty("src");
        assertThat(src).startsWith(server.baseUrl() + "qr/" + token + ".png");
        HttpResponse<byte[]> png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(src))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        String expected = LINKS.trackingUrl(token, ClickType.QR);
        assertThat(decodeQr(ImageIO.read(new ByteArrayInputStream(png.body())))).isEqualTo(expected);
        assertThat(chromium.driver().findElement(By.id("brand")).getText()).isEqualTo("Nova Energy");
        assertThat(chromium.driver().findElement(By.id("command")).getText()).isEqualTo("!nova");

        // As it looks on stream: the page transparent around the card, the code scannable at both sizes.
        Files.createDirectories(SCREENSHOTS);
        assertThat(readableScreenshot("overlay-1920x1080.png")).isEqualTo(expected);
        BufferedImage full = ImageIO.read(SCREENSHOTS.resolve("overlay-1920x1080.png").toFile());
        assertThat(full.getWidth()).isEqualTo(1920);
        assertThat(full.getHeight()).isEqualTo(1080);
        assertTransparentAround(full);

        chromium.viewport(800, 600);
        assertThat(readableScreenshot("overlay-800x600.png")).isEqualTo(expected);
        BufferedImage small = ImageIO.read(SCREENSHOTS.resolve("overlay-800x600.png").toFile());
        assertThat(small.getWidth()).isEqualTo(800);
        assertThat(small.getHeight()).isEqualTo(600);
        assertTransparentAround(small);
        assertThat(cspViolations()).as("what the page's Content-Security-Policy blocked").isEmpty();
    }

    @Test
    void aPlainBrowserShowsAPreviewAndCountsNothing() throws Exception {
        String token = participation.browserSourceToken();
        openPage(false, server.overlayUrl(token));
        watch(token, 1);
        long before = impressions();
        assertThat(chromium.rootAttribute("data-mode")).isEqualTo("preview");
        assertThat(chromium.driver().findElement(By.id("preview-badge")).isDisplayed()).isTrue();
        assertThat(chromium.driver().findElement(By.id("preview-badge")).getText()).isEqualTo("Preview – not counted");

        // Even an active event, from someone trying it out in a browser, does not make a preview count.
        chromium.script("window.dispatchEvent(new CustomEvent('obsSourceActiveChanged', {detail: {active: true}}));");
        server.control().resumeAds();
        awaitCardVisible();
        awaitHides(1);

        assertNoBeaconAndNoImpressionFor(Duration.ofMillis(500), before);
        assertThat(cspViolations()).as("what the page's Content-Security-Policy blocked").isEmpty();
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aCreativeObsCannotShowIsReportedOncePerPageLoadAndItsShowingsStillCount() throws Exception {
        // Nova Energy's image loads; the four others do not, each in its own way.
        Participation echo = OverlaySponsors.joined(store, streamerId, "Echo Gear", "/assets/demo/echo-gear.webm",
                MediaType.VIDEO, null);
        Participation bits = OverlaySponsors.joined(store, streamerId, "Static Bits", "/assets/demo/not-a-video.webm",
                MediaType.VIDEO, null);
        Participation lumen = OverlaySponsors.joined(store, streamerId, "Lumen Labs", "/assets/demo/lumen-labs.png",
                MediaType.IMAGE, null);
        Participation arc = OverlaySponsors.joined(store, streamerId, "Arc Pixel", "http://creatives.example.net/arc.png",
                MediaType.IMAGE, null);
        List<Participation> sponsors = List.of(participation, echo, bits, lumen, arc);
        server.control().refresh();
        int showings = 2 * sponsors.size();
        openPage(true, server.rotationUrl());
        watch(rotationKey(), showings);
        chromium.script("window.__obsActive(true);");

        server.control().resumeAds();
        for (int showing = 1; showing <= showings; showing++) {
            awaitHides(showing);
        }

        List<CreativeProblem> problems = await("the problems noted").atMost(Duration.ofSeconds(10))
                .until(() -> server.control().status().creativeProblems(), noted -> noted.size() == 4);
        assertThat(problems).extracting(CreativeProblem::brand, CreativeProblem::sentence).containsExactly(
                tuple("Arc Pixel", "OBS could not show Arc Pixel's image: its address is not https, and the overlay "
                        + "loads sponsors' creatives over https only. Ask the sponsor for an https address."),
                tuple("Echo Gear", "OBS could not show Echo Gear's video: its address answers HTTP 404 (not found). "
                        + "Ask the sponsor for a working address."),
                tuple("Lumen Labs", "OBS could not show Lumen Labs' image: its address answers HTTP 404 (not found). "
                        + "Ask the sponsor for a working address."),
                tuple("Static Bits", "OBS could not show Static Bits' video: the format is not supported by OBS's "
                        + "browser. Ask the sponsor for an MP4 (H.264) or WebM, or an image."));
        assertThat(problems).extracting(CreativeProblem::participationId)
                .containsExactly(arc.id(), echo.id(), lumen.id(), bits.id());
        assertThat(creativeReports()).as("each broken creative reported once, though shown twice").hasSize(4);
        assertThat(creativeReports().stream().map(r -> JsonParser.parseString(r).getAsJsonObject()))
                .anySatisfy(report -> {
                    assertThat(report.get("media").getAsString()).isEqualTo("video");
                    assertThat(report.get("mediaError").getAsInt()).as("MEDIA_ERR_SRC_NOT_SUPPORTED").isEqualTo(4);
                    assertThat(report.get("httpStatus").getAsInt()).isEqualTo(200);
                });
        assertThat(cspViolations()).as("what the page's Content-Security-Policy blocked").isEmpty();

        // A creative that would not show changes nothing in the counting: every showing on air counted once.
        awaitStored();
        await("two impressions for each sponsor").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            awaitStored();
            assertThat(sponsors).allSatisfy(sponsor -> assertThat(
                    store.participations().byId(sponsor.id()).orElseThrow().impressions()).as(sponsor.id()).isEqualTo(2));
        });
        assertThat(server.control().status().creativeProblems()).as("nothing noted twice").isEqualTo(problems);
    }

    @Test
    void whenAShowingEndsThePageReportsItsTimeOnAirWhichTheAuditTrailKeeps() throws Exception {
        // One long showing, ended by the test, with a break off air in the middle that must not count.
        server.control().updateRotation(new RotationSettings(Duration.ofSeconds(30), Duration.ofMillis(700), Duration.ZERO,
                "round-robin"));
        openPage(true, server.rotationUrl());
        watch(rotationKey(), Integer.MAX_VALUE);
        chromium.script("window.__obsActive(true);");
        java.time.Instant before = java.time.Instant.now();

        server.control().resumeAds();
        awaitShows(1);
        awaitOnAir();
        stayOnAirFor(Duration.ofMillis(1500));
        chromium.script("window.__obsActive(false);");
        stayOnAirFor(Duration.ofMillis(1500)); // off air: the page's clock stands still
        chromium.script("window.__obsActive(true);");
        awaitOnAir();
        stayOnAirFor(Duration.ofMillis(1200));
        server.control().pauseAds(PAUSE);
        awaitHides(1);

        await("the time on air reported").atMost(Duration.ofSeconds(10)).until(() -> !onAirReports().isEmpty());
        JsonObject report = JsonParser.parseString(onAirReports().get(0)).getAsJsonObject();
        assertThat(report.get("ticket").getAsString()).isEqualTo(watcher.tickets().get(0));
        long onAirMs = report.get("onAirMs").getAsLong();
        assertThat(onAirMs).as("2.7 s on air, the 1.5 s off air left out").isBetween(2700L, 4000L);
        await("kept with the showing").atMost(Duration.ofSeconds(20)).until(() -> {
            awaitStored();
            return store.activityLog().recent(participation.id(), before, 10).stream()
                    .anyMatch(entry -> entry.secondsOnAir() == onAirMs / 1000);
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> pendingBeacons().isEmpty());
        assertImpressionsStayAt(1, Duration.ofMillis(500));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    @Test
    void theCountdownOnTheOverlayCountsDownAndLeavesWhenTheShowingStartsIsSkippedOrAdsPause() throws Exception {
        // The first sponsor 4 s after the page connects, warned 5 s before a showing; 6 s between showings.
        server.control().updateRotation(new RotationSettings(Duration.ofMillis(1500), Duration.ofSeconds(6),
                Duration.ofSeconds(4), "round-robin", Duration.ofSeconds(5), 0, true));
        server.control().resumeAds();
        openPage(true, server.rotationUrl());
        watch(rotationKey(), Integer.MAX_VALUE);

        long first = awaitCountdownShown();
        assertThat(first).isBetween(1L, 4L);
        assertThat(chromium.driver().findElement(By.id("countdown")).getText()).isEqualTo("Sponsor in " + first + " s");
        if (first > 1) {
            await("the page counts down").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> countdownSeconds() < first);
        }
        awaitShows(1);
        awaitCardVisible();
        assertThat(chromium.rootAttribute("data-countdown")).as("the card replaces the countdown").isEqualTo("hidden");
        awaitHides(1);

        // A page that reconnects mid-countdown picks it up where it is.
        long before = awaitCountdownShown();
        chromium.driver().navigate().refresh();
        await("the page reconnected").atMost(Duration.ofSeconds(10))
                .until(() -> "true".equals(chromium.rootAttribute("data-connected")));
        assertThat(awaitCountdownShown()).isBetween(1L, before);

        assertThat(server.control().skipNextSponsor().skipped()).isTrue();
        awaitCountdownHidden("a skip");
        assertThat(watcher.shows()).hasSize(1);

        awaitCountdownShown();
        Files.createDirectories(SCREENSHOTS);
        BufferedImage badge = screenshot("overlay-countdown.png");
        assertThat(badge.getRGB(2, 2) >>> 24).as("the page around the badge stays transparent").isZero();
        server.control().pauseAds(PAUSE);
        awaitCountdownHidden("a pause");
        assertThat(watcher.shows()).hasSize(1);
        assertThat(cspViolations()).isEmpty();
    }

    @Test
    void theOverlayShowsNoCountdownUnlessTheStreamerTurnsItOn() throws Exception {
        server.control().updateRotation(new RotationSettings(Duration.ofMillis(1500), Duration.ofSeconds(4),
                Duration.ofSeconds(3), "round-robin", Duration.ofSeconds(3)));
        server.control().resumeAds();
        openPage(true, server.rotationUrl());
        watch(rotationKey(), 1);

        await("the app warns of the sponsor").atMost(Duration.ofSeconds(10))
                .until(() -> server.control().status().countdown().isPresent());
        awaitShows(1);
        awaitCardVisible();
        assertThat(watcher.events()).extracting(ShowWatcher.Seen::event).doesNotContain("countdown");
        assertThat(chromium.rootAttribute("data-countdown")).isEqualTo("hidden");
        assertThat(chromium.driver().findElement(By.id("countdown")).isDisplayed()).isFalse();
    }

    /** Waits for the badge on the page and returns the seconds it reads. */
    private long awaitCountdownShown() {
        await("the countdown on the page").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> "shown".equals(chromium.rootAttribute("data-countdown"))
                        && chromium.driver().findElement(By.id("countdown")).isDisplayed());
        return countdownSeconds();
    }

    private long countdownSeconds() {
        return Long.parseLong((String) chromium.script(
                "return document.getElementById('countdown-seconds').textContent;"));
    }

    private void awaitCountdownHidden(String after) {
        await("the countdown gone after " + after).atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> "hidden".equals(chromium.rootAttribute("data-countdown"))
                        && !chromium.driver().findElement(By.id("countdown")).isDisplayed());
    }

    private void openPage(boolean asObs, String url) throws IOException {
        chromium = Chromium.start(asObs);
        chromium.driver().get(url);
        await("the page connected").atMost(Duration.ofSeconds(10))
                .until(() -> "true".equals(chromium.rootAttribute("data-connected")));
    }

    /** Watches the page's channel; pauses the ads as soon as the last wanted showing ends, so no more follow. */
    private void watch(String key, int showings) throws Exception {
        watcher = ShowWatcher.open(server.baseUrl(), key);
        watcher.onEvent(seen -> {
            if (seen.event().equals("hide") && watcher.hides() >= showings) {
                server.control().pauseAds(PAUSE);
            }
        });
    }

    /** Starts the next showing, keeps it on air for {@code millis} and ends it. */
    private void showOnAir(int showing, long millis) throws InterruptedException {
        server.control().resumeAds();
        awaitShows(showing);
        awaitOnAir();
        stayOnAirFor(Duration.ofMillis(millis));
        server.control().pauseAds(PAUSE);
        awaitHides(showing);
    }

    /**
     * Keeps the source on air for a while: the time itself is what the test gives the page to measure with its own
     * clock, so it is a hold, not a wait for something to happen.
     */
    private static void stayOnAirFor(Duration time) throws InterruptedException {
        Thread.sleep(time.toMillis());
    }

    /** A check that something does not happen: for the whole of {@code time}, no beacon leaves and nothing counts. */
    private void assertNoBeaconAndNoImpressionFor(Duration time, long impressionsBefore) {
        await("no beacon and no impression for " + time).during(time).atMost(time.plusSeconds(10))
                .until(() -> beaconsSent().isEmpty() && pendingBeacons().isEmpty()
                        && tracker.status().eventsWaiting() == 0 && impressions() == impressionsBefore);
    }

    /** A check that something does not happen: for the whole of {@code time}, no further impression is counted. */
    private void assertImpressionsStayAt(long count, Duration time) {
        await("impressions stay at " + count + " for " + time).during(time).atMost(time.plusSeconds(10))
                .until(() -> tracker.status().eventsWaiting() == 0 && impressions() == count);
    }

    /** The card has slid in and stands still: what a viewer sees, and what a screenshot must show. */
    private void awaitEntranceFinished() {
        await("the entrance transition finished").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> Boolean.TRUE.equals(chromium.script(
                        "var card = document.getElementById('card');"
                                + " return card.getAnimations().length === 0"
                                + " && getComputedStyle(card).opacity === '1';")));
    }

    private void awaitOnAir() {
        await("the showing on air").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> "true".equals(chromium.rootAttribute("data-on-air")));
    }

    private String rotationKey() {
        String url = server.rotationUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private void awaitShows(int count) {
        await("showing " + count).atMost(Duration.ofSeconds(10)).until(() -> watcher.shows().size() >= count);
    }

    private void awaitHides(int count) {
        await("showing " + count + " ended").atMost(Duration.ofSeconds(15)).until(() -> watcher.hides() >= count);
    }

    /**
     * Screenshots until the code in it reads, over game colours: on a busy machine the entrance transition, a resize
     * or the code's image can take longer than any fixed wait.
     */
    private String readableScreenshot(String name) {
        return await("a readable code in " + name).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300))
                .ignoreExceptions()
                .until(() -> decodeQr(overGameColours(screenshot(name))), java.util.Objects::nonNull);
    }

    private void awaitCardVisible() {
        await("the card on screen").atMost(Duration.ofSeconds(10))
                .until(() -> "visible".equals(chromium.rootAttribute("data-card")));
    }

    private long impressions() {
        return store.participations().byId(participation.id()).orElseThrow().impressions();
    }

    private void awaitStored() {
        await("the tracker flushed").atMost(Duration.ofSeconds(10)).until(() -> tracker.status().eventsWaiting() == 0);
    }

    private void awaitImpressions(long count) {
        await("impressions in the store").atMost(Duration.ofSeconds(20)).until(() -> {
            awaitStored();
            return impressions() >= count;
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> beaconsSent() {
        return (List<String>) chromium.script("return window.__beacons.slice();");
    }

    @SuppressWarnings("unchecked")
    private List<String> creativeReports() {
        return (List<String>) chromium.script("return window.__creativeReports.slice();");
    }

    @SuppressWarnings("unchecked")
    private List<String> onAirReports() {
        return (List<String>) chromium.script("return window.__onAirReports.slice();");
    }

    @SuppressWarnings("unchecked")
    private List<String> cspViolations() {
        return (List<String>) chromium.script("return window.__cspViolations.slice();");
    }

    /** The showings' beacons the page still holds to send; their times on air wait behind them, and are not listed. */
    @SuppressWarnings("unchecked")
    private List<String> pendingBeacons() {
        return (List<String>) chromium.script(
                "return Object.keys(localStorage).filter(function (k) { return k.indexOf('gt-pending-beacons:') === 0"
                        + " && k.indexOf('#on-air:') < 0; });");
    }

    private BufferedImage screenshot(String name) throws IOException {
        byte[] png = chromium.driver().getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name), png);
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** The page draws nothing but the card: the corners away from it stay fully transparent. */
    private static void assertTransparentAround(BufferedImage image) {
        assertThat(image.getColorModel().hasAlpha()).as("the screenshot has an alpha channel").isTrue();
        for (int[] point : new int[][] {{2, 2}, {image.getWidth() / 2, 2}, {2, image.getHeight() - 3}}) {
            int alpha = image.getRGB(point[0], point[1]) >>> 24;
            assertThat(alpha).as("alpha at %d,%d", point[0], point[1]).isZero();
        }
        int opaque = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                if ((image.getRGB(x, y) >>> 24) == 255) {
                    opaque++;
                }
            }
        }
        assertThat(opaque).as("opaque pixels of the card").isPositive();
    }

    /** The screenshot over a dark game-like background, as a viewer's phone would see the stream. */
    private static BufferedImage overGameColours(BufferedImage overlay) {
        BufferedImage frame = new BufferedImage(overlay.getWidth(), overlay.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(38, 52, 71));
        g.fillRect(0, 0, frame.getWidth(), frame.getHeight());
        g.drawImage(overlay, 0, 0, null);
        g.dispose();
        return frame;
    }

    private static String decodeQr(BufferedImage image) throws NotFoundException {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
