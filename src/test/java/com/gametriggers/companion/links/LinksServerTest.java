package com.gametriggers.companion.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.overlay.OverlayDirectory;
import com.gametriggers.companion.overlay.OverlaySponsors;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreSettings;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackerOptions;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** The tracking-link listener over real HTTP, with a real store and tracker behind it. */
class LinksServerTest {

    @TempDir
    Path dir;

    private MongoStore store;
    private Tracker tracker;
    private LinksServer links;
    private Participation sponsor;
    private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false)
            .readTimeout(10, TimeUnit.SECONDS).build();

    private void start(Optional<URI> publicBaseUrl) throws IOException {
        store = MongoStore.open(StoreSettings.embedded(dir.resolve("store")));
        tracker = Tracker.start(store, dir.resolve("journal"), TrackerOptions.defaults().withFlushInterval(Duration.ofMillis(20)));
        String streamerId = new ObjectId().toHexString();
        sponsor = OverlaySponsors.novaEnergy(store, streamerId, "!nova");
        links = LinksServer.start(new LinksSettings(0, publicBaseUrl), OverlayDirectory.load(store, streamerId), tracker,
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (links != null) {
            links.close();
        }
        if (tracker != null) {
            tracker.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private record Answer(int code, String body, String location, String retryAfter, String referrerPolicy) {
    }

    private Answer get(String path, String host) throws IOException {
        Request.Builder request = new Request.Builder().url(links.baseUrl() + path.substring(1));
        if (host != null) {
            request.header("Host", host);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            return new Answer(response.code(), response.body().string(), response.header("Location"),
                    response.header("Retry-After"), response.header("Referrer-Policy"));
        }
    }

    private String code() {
        return TrackingLinks.code(sponsor.browserSourceToken());
    }

    private Participation reload() {
        return store.participations().byId(sponsor.id()).orElseThrow();
    }

    @Test
    void aTrackingLinkCountsTheClickAndRedirectsToTheSponsor() throws IOException {
        start(Optional.empty());

        Answer scan = get("/t/" + code() + "?src=qr", null);
        Answer click = get("/t/" + code(), null);

        assertThat(scan.code()).isEqualTo(302);
        assertThat(scan.location()).isEqualTo("https://example.com/nova-energy");
        assertThat(scan.referrerPolicy()).isEqualTo("no-referrer");
        assertThat(click.code()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(reload().qrScans()).isEqualTo(1);
            assertThat(reload().linkClicks()).as("the same viewer again, within the click guard's window").isZero();
            assertThat(reload().filteredClicks()).isEqualTo(1);
        });
    }

    @Test
    void trackingLinksAreRateLimitedPerClient() throws IOException {
        start(Optional.empty());

        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 15; i++) {
            Answer answer = get("/t/" + code(), null);
            if (answer.code() == 429) {
                limited++;
                retryAfter = answer.retryAfter();
            }
        }

        assertThat(limited).isGreaterThanOrEqualTo(4);
        assertThat(retryAfter).isEqualTo("10");
    }

    @Test
    void itServesTrackingLinksForAnyHostAndNothingElse() throws IOException {
        start(Optional.of(URI.create("https://gt.example.net")));
        String token = sponsor.browserSourceToken();

        assertThat(get("/t/" + code(), "gt.example.net").code()).isEqualTo(302);
        assertThat(get("/t/" + code(), "abc-def.trycloudflare.com").code()).isEqualTo(302);
        for (String path : new String[] {"/", "/overlay/" + token, "/rotation/" + "ab".repeat(32), "/events/" + token,
                "/qr/" + token + ".png", "/health", "/assets/overlay.js", "/beacon", "/t/AAAAAAAAAAAA", "/t/" + code() + "/x"}) {
            Answer answer = get(path, "127.0.0.1");
            assertThat(answer.code()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).isEqualTo("Not found\n");
        }
        assertThat(get("/t/" + code() + "?" + "x".repeat(3000), "127.0.0.1").code()).as("an overlong URI").isEqualTo(414);
        assertThat(links.trackingLinks().trackingUrl(token, ClickType.LINK)).isEqualTo("https://gt.example.net/t/" + code() + "?src=link");
    }

    @Test
    void withoutAPublicAddressTheLinksPointAtThisListener() throws IOException {
        start(Optional.empty());

        assertThat(links.trackingLinks().trackingUrl(sponsor.browserSourceToken(), ClickType.QR))
                .isEqualTo(links.baseUrl() + "t/" + code() + "?src=qr");
    }

    @Test
    void aTakenPortIsReportedNotMovedAway() throws IOException {
        start(Optional.empty());
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> LinksServer.start(new LinksSettings(port, Optional.empty()), code -> Optional.empty(),
                    tracker, Clock.systemUTC()))
                    .isInstanceOf(LinksException.class)
                    .hasMessageContaining("The tracking-link port " + port + " on 127.0.0.1 is used by another program");
        }
    }
}
