package com.gametriggers.companion.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.links.TrackingLinks;
import com.gametriggers.companion.web.ErrorPages;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Every route of the overlay server and every hardening rule, over real HTTP. */
class OverlayServerTest {

    private static final MediaType JSON = MediaType.get("application/json");

    @TempDir
    Path dir;

    private OverlayHarness harness;
    private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false)
            .readTimeout(10, TimeUnit.SECONDS).build();

    private OverlayHarness start() {
        harness = new OverlayHarness(dir, Optional.empty());
        return harness;
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private record Answer(int code, String body, okhttp3.Headers headers) {
    }

    private Answer call(Request request) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            return new Answer(response.code(), body == null ? "" : body.string(), response.headers());
        }
    }

    private Answer get(String path) throws IOException {
        return call(new Request.Builder().url(harness.url(path)).build());
    }

    private Answer beacon(String json, String origin) throws IOException {
        return post("/beacon", json, origin);
    }

    private Answer post(String path, String json, String origin) throws IOException {
        Request.Builder request = new Request.Builder().url(harness.url(path)).post(RequestBody.create(json, JSON));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return call(request.build());
    }

    @Test
    void healthAnswersWithTheStoreState() throws IOException {
        start();

        Answer health = get("/health");

        assertThat(health.code()).isEqualTo(200);
        JsonObject json = JsonParser.parseString(health.body()).getAsJsonObject();
        assertThat(json.get("status").getAsString()).isEqualTo("ok");
        assertThat(json.getAsJsonObject("store").get("online").getAsBoolean()).isTrue();
    }

    @Test
    void theOverlayPagesAreServedWithAStrictPolicy() throws IOException {
        start();

        Answer single = get("/overlay/" + harness.sponsor.browserSourceToken());
        Answer rotation = get("/rotation/" + OverlayHarness.ROTATION_KEY);

        assertThat(single.code()).isEqualTo(200);
        assertThat(single.headers().get("Content-Type")).startsWith("text/html");
        assertThat(single.headers().get("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(single.headers().get("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(single.body()).contains("/assets/overlay.js");
        assertThat(rotation.code()).isEqualTo(200);
        assertThat(get("/assets/overlay.js").code()).isEqualTo(200);
        assertThat(get("/assets/demo/nova-energy.svg").headers().get("Content-Type")).isEqualTo("image/svg+xml");
    }

    @Test
    void unknownTokensAndPathsGetA404WithNoDetail() throws IOException {
        start();

        for (String path : new String[] {"/overlay/" + "0".repeat(64), "/overlay/short", "/rotation/" + "cd".repeat(32),
                "/events/" + "0".repeat(64), "/qr/" + "0".repeat(64) + ".png", "/t/AAAAAAAAAAAA", "/assets/../pom.xml",
                "/assets/missing.js", "/nothing", "/overlay/" + harness.sponsor.browserSourceToken() + "/x"}) {
            Answer answer = get(path);
            assertThat(answer.code()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).isEqualTo("Not found\n");
        }
    }

    @Test
    void theQrCodeDecodesToTheTrackingLinkOfAScan() throws Exception {
        start();

        Response response = http.newCall(new Request.Builder()
                .url(harness.url("/qr/" + harness.sponsor.browserSourceToken() + ".png?size=300")).build()).execute();
        byte[] png = response.body().bytes();
        response.close();

        assertThat(response.header("Content-Type")).isEqualTo("image/png");
        var image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(300);
        String decoded = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
        assertThat(decoded).as("without a public address, the sponsor's own page, tagged")
                .isEqualTo("https://example.com/nova-energy?utm_source=gametriggers&utm_medium=qr&utm_campaign="
                        + harness.sponsor.campaignId());
    }

    @Test
    void withAPublicAddressTheQrCodeDecodesToTheTrackingLink() throws Exception {
        harness = new OverlayHarness(dir, Optional.of(URI.create("https://gt.example.net")));

        Response response = http.newCall(new Request.Builder()
                .url(harness.url("/qr/" + harness.sponsor.browserSourceToken() + ".png?size=300")).build()).execute();
        byte[] png = response.body().bytes();
        response.close();

        String decoded = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(png)))))).getText();
        assertThat(decoded).isEqualTo(harness.links.trackingLinks().trackingUrl(harness.sponsor.browserSourceToken(), ClickType.QR))
                .startsWith("https://gt.example.net/t/").endsWith("?src=qr")
                .doesNotContain(harness.sponsor.browserSourceToken());
    }

    @Test
    void aHostThatIsNotLoopbackIsRefused() throws IOException {
        start();
        String token = harness.sponsor.browserSourceToken();

        Answer rebinding = call(new Request.Builder().url(harness.url("/overlay/" + token)).header("Host", "evil.example:17730").build());
        Answer loopbackName = call(new Request.Builder().url(harness.url("/health")).header("Host", "localhost:17730").build());

        assertThat(rebinding.code()).isEqualTo(403);
        assertThat(rebinding.body()).isEqualTo("Forbidden\n");
        assertThat(loopbackName.code()).isEqualTo(200);
    }

    @Test
    void theOverlayRefusesAPublicHostEvenWhenTheLinksHaveOne() throws IOException {
        harness = new OverlayHarness(dir, Optional.of(URI.create("https://gt.example.net")));
        String code = TrackingLinks.code(harness.sponsor.browserSourceToken());

        Answer page = call(new Request.Builder().url(harness.url("/overlay/" + harness.sponsor.browserSourceToken()))
                .header("Host", "gt.example.net").build());
        Answer link = call(new Request.Builder().url(harness.url("/t/" + code)).build());

        assertThat(page.code()).isEqualTo(403);
        assertThat(link.code()).as("tracking links are not served here at all").isEqualTo(404);
    }

    @Test
    void beaconsRefuseCrossOriginMalformedOversizedAndForgedRequests() throws IOException {
        start();

        assertThat(beacon("{\"ticket\":\"x\"}", "http://evil.example").code()).isEqualTo(403);
        assertThat(call(new Request.Builder().url(harness.url("/beacon"))
                .post(RequestBody.create("ticket=x", MediaType.get("application/x-www-form-urlencoded"))).build()).code())
                .isEqualTo(415);
        assertThat(beacon("{not json", null).code()).isEqualTo(400);
        assertThat(beacon("[]", null).code()).isEqualTo(400);
        assertThat(beacon("{\"ticket\":\"" + "a".repeat(5000) + "\"}", null).code()).isEqualTo(413);
        String forged = harness.sponsor.id() + ".abc.0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAA";
        assertThat(beacon("{\"ticket\":\"" + forged + "\"}", null).code()).isEqualTo(404);
        assertThat(get("/beacon").code()).isEqualTo(405);
        assertThat(harness.reload().impressions()).isZero();
    }

    @Test
    void aCreativeReportNeedsASignedTicketAndAReportAndIsNotedOnce() throws IOException {
        start();
        String ticket = new ShowTickets(OverlayHarness.SECRET).issue(harness.sponsor.id(), java.time.Instant.now()).value();
        String forged = harness.sponsor.id() + ".abc.0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAA";
        String decodeError = "\",\"media\":\"video\",\"mediaError\":3}";

        assertThat(post("/creative-problem", "{\"ticket\":\"" + ticket + decodeError, "http://evil.example").code())
                .isEqualTo(403);
        assertThat(post("/creative-problem", "{not json", null).code()).isEqualTo(400);
        Answer forgedReport = post("/creative-problem", "{\"ticket\":\"" + forged + decodeError, null);
        assertThat(forgedReport.code()).isEqualTo(404);
        assertThat(forgedReport.body()).isEqualTo("Not found\n");
        for (String malformed : new String[] {"\"media\":\"gif\"", "\"media\":\"video\",\"mediaError\":9",
                "\"media\":\"video\",\"httpStatus\":\"404\"", "\"media\":\"image\",\"httpStatus\":42",
                "\"media\":\"image\",\"blocked\":\"yes\"", "\"media\":\"video\",\"mediaError\":2.5"}) {
            Answer answer = post("/creative-problem", "{\"ticket\":\"" + ticket + "\"," + malformed + "}", null);
            assertThat(answer.code()).as(malformed).isEqualTo(400);
            assertThat(answer.body()).isEqualTo("Bad request\n");
        }
        assertThat(get("/creative-problem").code()).isEqualTo(405);
        assertThat(harness.server.control().status().creativeProblems()).as("nothing refused was noted").isEmpty();

        assertThat(post("/creative-problem", "{\"ticket\":\"" + ticket + decodeError, null).code()).isEqualTo(204);
        var noted = harness.server.control().status().creativeProblems();
        assertThat(post("/creative-problem", "{\"ticket\":\"" + ticket + decodeError,
                harness.server.baseUrl().replaceAll("/$", "")).code()).isEqualTo(204);

        assertThat(harness.server.control().status().creativeProblems()).as("the same problem again changes nothing")
                .isEqualTo(noted).singleElement().satisfies(problem -> {
                    assertThat(problem.brand()).isEqualTo("Nova Energy");
                    assertThat(problem.sentence()).isEqualTo("OBS could not show Nova Energy's video: the format is not "
                            + "supported by OBS's browser. Ask the sponsor for an MP4 (H.264) or WebM, or an image.");
                });
        assertThat(harness.reload().impressions()).as("a report counts nothing").isZero();
    }

    @Test
    void aShowingsBeaconCountsOnceTimesTheViewers() throws Exception {
        start();
        harness.viewers.set(250);
        ShowTickets tickets = new ShowTickets(OverlayHarness.SECRET);
        String ticket = tickets.issue(harness.sponsor.id(), java.time.Instant.now()).value();
        String body = "{\"ticket\":\"" + ticket + "\",\"onAirMs\":1500}";

        Answer first = beacon(body, harness.server.baseUrl().replaceAll("/$", ""));
        Answer again = beacon(body, null);

        assertThat(first.code()).isEqualTo(200);
        assertThat(first.body()).contains("\"outcome\":\"recorded\"").contains(ticket);
        assertThat(again.body()).contains("\"outcome\":\"duplicate\"");
        await().atMost(Duration.ofSeconds(20)).until(() -> harness.reload().impressions() == 250);
        // 250 impressions at 4.50 per 1000, to the micro.
        assertThat(harness.reload().estimatedEarnings()).isEqualByComparingTo("1.125");
        assertThat(tickets.verify(ticket.replace(harness.sponsor.id(), "0".repeat(24)), java.time.Instant.now())).isEmpty();
    }

    @Test
    void aShowingsTimeOnAirIsKeptWithItAndCannotOutrunItsTicket() throws Exception {
        start();
        java.time.Instant issued = java.time.Instant.now().minusSeconds(40);
        String ticket = new ShowTickets(OverlayHarness.SECRET).issue(harness.sponsor.id(), issued).value();
        assertThat(beacon("{\"ticket\":\"" + ticket + "\",\"onAirMs\":1200}", null).code()).isEqualTo(200);

        assertThat(onAir("{\"ticket\":\"" + ticket + "\"}").code()).as("no time").isEqualTo(400);
        assertThat(onAir("{\"ticket\":\"" + ticket + "\",\"onAirMs\":\"long\"}").code()).isEqualTo(400);
        assertThat(onAir("{\"ticket\":\"" + ticket + "\",\"onAirMs\":{}}").code()).isEqualTo(400);
        assertThat(onAir("{\"ticket\":\"" + ticket + "\",\"onAirMs\":400}").code()).as("never counted").isEqualTo(400);
        assertThat(onAir("{\"ticket\":\"" + ticket.replace(harness.sponsor.id(), "0".repeat(24)) + "\",\"onAirMs\":5000}")
                .code()).as("a forged ticket").isEqualTo(404);
        assertThat(get("/on-air").code()).isEqualTo(405);

        assertThat(onAir("{\"ticket\":\"" + ticket + "\",\"onAirMs\":25400}").body()).contains("\"outcome\":\"recorded\"");
        await().atMost(Duration.ofSeconds(20)).until(() -> secondsOnAir(issued) == 25);
        assertThat(onAir("{\"ticket\":\"" + ticket + "\",\"onAirMs\":3000}").code()).as("from before a reload").isEqualTo(200);
        assertThat(onAir("{\"ticket\":\"" + ticket + "\",\"onAirMs\":3600000}").code()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> secondsOnAir(issued) >= 40);
        assertThat(secondsOnAir(issued)).as("no longer than the ticket's age").isBetween(40L, 60L);
        assertThat(harness.reload().impressions()).as("a time on air counts nothing").isEqualTo(1);
    }

    private Answer onAir(String json) throws IOException {
        return post("/on-air", json, null);
    }

    private long secondsOnAir(java.time.Instant since) {
        return harness.store.activityLog().recent(harness.sponsor.id(), since, 10).stream()
                .filter(entry -> entry.kind() == com.gametriggers.companion.domain.Activity.Kind.SHOWING)
                .mapToLong(com.gametriggers.companion.domain.Activity::secondsOnAir).max().orElse(-1);
    }

    @Test
    void aShowingBeforeAnyViewerCountCountsOneImpression() throws Exception {
        start();
        String ticket = new ShowTickets(OverlayHarness.SECRET).issue(harness.sponsor.id(), java.time.Instant.now()).value();

        assertThat(beacon("{\"ticket\":\"" + ticket + "\",\"onAirMs\":1200}", null).body()).contains("\"outcome\":\"recorded\"");

        await().atMost(Duration.ofSeconds(20)).until(() -> harness.reload().impressions() == 1);
        assertThat(harness.reload().estimatedEarnings()).isEqualByComparingTo("0.0045");
    }

    @Test
    void theEventStreamPushesAShowingToTheListeningPage() throws Exception {
        start();
        Request events = new Request.Builder().url(harness.url("/events/" + harness.sponsor.browserSourceToken())).build();
        OkHttpClient streaming = http.newBuilder().readTimeout(20, TimeUnit.SECONDS).build();

        try (Response response = streaming.newCall(events).execute()) {
            assertThat(response.header("Content-Type")).startsWith("text/event-stream");
            harness.server.control().showNow();
            var source = response.body().source();
            String data = null;
            while (data == null) {
                String line = source.readUtf8LineStrict();
                if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            JsonObject show = JsonParser.parseString(data).getAsJsonObject();
            assertThat(show.get("brand").getAsString()).isEqualTo("Nova Energy");
            assertThat(show.get("chatCommand").getAsString()).isEqualTo("!nova");
            assertThat(show.get("qrUrl").getAsString()).isEqualTo("/qr/" + harness.sponsor.browserSourceToken() + ".png");
            assertThat(new ShowTickets(OverlayHarness.SECRET).verify(show.get("ticket").getAsString(), java.time.Instant.now()))
                    .get().extracting(ShowTickets.Ticket::participationId).isEqualTo(harness.sponsor.id());
        }
    }

    @Test
    void whenTheStreamGoesOfflineTheSponsorLeavesTheScreen() throws Exception {
        start();
        Request events = new Request.Builder().url(harness.url("/events/" + OverlayHarness.ROTATION_KEY)).build();
        OkHttpClient streaming = http.newBuilder().readTimeout(20, TimeUnit.SECONDS).build();

        java.util.List<String> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        harness.server.control().onShow(shown::add);
        try (Response response = streaming.newCall(events).execute()) {
            var source = response.body().source();
            harness.server.control().streamWentLive();
            harness.server.control().showNow();
            assertThat(nextEvent(source)).isEqualTo("show");
            assertThat(shown).containsExactly(harness.sponsor.id());
            assertThat(harness.server.control().participationsOnScreen()).containsExactly(harness.sponsor.id());

            harness.server.control().streamWentOffline();

            assertThat(nextEvent(source)).isEqualTo("hide");
            assertThat(harness.server.control().participationsOnScreen()).isEmpty();
            harness.server.control().showNow();
            // A check that something does not happen, so a bounded wait: a few rotation ticks, and an offline
            // stream shows nothing, even on "show now".
            await("nothing on screen while offline, for 600 ms").during(Duration.ofMillis(600))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> harness.server.control().participationsOnScreen().isEmpty() && shown.size() == 1);
        }
    }

    private static String nextEvent(okio.BufferedSource source) throws IOException {
        while (true) {
            String line = source.readUtf8LineStrict();
            if (line.startsWith("event: ")) {
                return line.substring(7);
            }
        }
    }

    @Test
    void otherMethodsAndOverlongUrisAreRefused() throws IOException {
        start();

        assertThat(call(new Request.Builder().url(harness.url("/health")).put(RequestBody.create("x", JSON)).build()).code()).isEqualTo(405);
        assertThat(call(new Request.Builder().url(harness.url("/health")).delete().build()).code()).isEqualTo(405);
        assertThat(get("/health?x=" + "a".repeat(3000)).code()).isEqualTo(414);
    }

    @Test
    void aTakenPortIsReportedNotMovedAway() throws IOException {
        start();
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> OverlayServer.start(new OverlaySettings(port),
                    OverlayDirectory.load(harness.store, harness.streamerId), harness.links.trackingLinks(),
                    harness.tracker, OverlayHarness.ROTATION_KEY, OverlayHarness.SECRET, () -> 0, Clock.systemUTC()))
                    .isInstanceOf(OverlayException.class)
                    .hasMessageContaining("The overlay port " + port + " on 127.0.0.1 is used by another program");
        }
    }

    @Test
    void logsKeepOnlyTheStartOfATokenInAPath() {
        String token = "0123456789abcdef".repeat(4);

        assertThat(ErrorPages.redact("/overlay/" + token)).isEqualTo("/overlay/012345…");
    }
}
