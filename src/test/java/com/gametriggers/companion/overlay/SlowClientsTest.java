package com.gametriggers.companion.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.web.SlowClients;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Clients that open a connection and never finish their request (a broken proxy, a port scanner, a slowloris page)
 * hold one handler thread each while the server reads their headers. With many of them open, the overlay page,
 * /health and beacons must still be answered, and so must the tracking links on their own listener.
 *
 * <p>Timeouts here are generous (a loaded machine is fine); what they catch is a server that answers only once the
 * slow requests are cut off at its 10 s request deadline, or never.
 */
class SlowClientsTest {

    private static final int SLOW = 100;
    /** Well under the server's 10 s request deadline, after which a starved pool would free up by itself. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    private static final MediaType JSON = MediaType.get("application/json");

    @TempDir
    Path dir;

    private OverlayHarness harness;
    private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false)
            .callTimeout(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS).build();

    @BeforeEach
    void start() {
        harness = new OverlayHarness(dir, Optional.empty());
    }

    @AfterEach
    void stop() {
        harness.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void theOverlayAnswersWhileManyClientsNeverFinishTheirRequests() throws IOException {
        try (SlowClients slow = SlowClients.open(harness.server.baseUrl(), SLOW)) {
            awaitHeld("overlay-http");

            assertThat(code(get(harness.url("/health")))).as("/health").isEqualTo(200);
            assertThat(code(get(harness.server.overlayUrl(harness.sponsor.browserSourceToken())))).as("overlay page")
                    .isEqualTo(200);
            assertThat(code(get(harness.server.rotationUrl()))).as("rotation page").isEqualTo(200);
            String ticket = new ShowTickets(OverlayHarness.SECRET).issue(harness.sponsor.id(), Instant.now()).value();
            try (Response beacon = http.newCall(new Request.Builder().url(harness.url("/beacon"))
                    .post(RequestBody.create("{\"ticket\":\"" + ticket + "\",\"onAirMs\":1300}", JSON)).build()).execute()) {
                assertThat(beacon.code()).as("beacon").isEqualTo(200);
                assertThat(beacon.body().string()).contains("\"outcome\":\"recorded\"");
            }

            stillHeld("overlay-http");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> harness.reload().impressions() == 1);
    }

    @Test
    void trackingLinksRedirectWhileManyClientsNeverFinishTheirRequests() throws IOException {
        String link = harness.links.trackingLinks().trackingUrl(harness.sponsor.browserSourceToken(), ClickType.QR);
        assertThat(link).startsWith(harness.links.baseUrl());

        try (SlowClients slow = SlowClients.open(harness.links.baseUrl(), SLOW)) {
            awaitHeld("links-http");

            for (int i = 0; i < 3; i++) {
                try (Response redirect = get(link)) {
                    assertThat(redirect.code()).isEqualTo(302);
                    assertThat(redirect.header("Location")).startsWith("https://");
                }
            }

            stillHeld("links-http");
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(harness.reload().qrScans()).isEqualTo(1);
            assertThat(harness.reload().filteredClicks()).isEqualTo(2);
        });
    }

    /**
     * Until the server has a handler thread stuck reading each slow request: only then do they hold anything. A server
     * whose handler pool cannot grow that far (such as the fixed pool of 8 it once had) fails here.
     */
    private static void awaitHeld(String threadName) {
        await("each of the " + SLOW + " slow requests held by a " + threadName + " thread of its own")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> SlowClients.threadsReadingRequests(threadName) >= SLOW);
    }

    /**
     * The answers did not come from cutting the slow requests off: they are still being read. (Past the server's
     * 10 s deadline they are cut and opened again, so this waits out a moment in between.)
     */
    private static void stillHeld(String threadName) {
        await("slow requests still held by " + threadName + " threads").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> SlowClients.threadsReadingRequests(threadName) > SLOW / 2);
    }

    private Response get(String url) throws IOException {
        return http.newCall(new Request.Builder().url(url).build()).execute();
    }

    private static int code(Response response) throws IOException {
        try (response) {
            response.body().bytes();
            return response.code();
        }
    }
}
