package com.gametriggers.companion.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.tracking.SmallDisk;
import com.gametriggers.companion.tracking.TrackingEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What the outside sees while the data folder's disk is full: scans are still sent on to the sponsor, {@code /health}
 * says the journal is failing in one sentence, and once the disk has room the events held meanwhile count.
 */
@Timeout(120)
class FullDiskHealthTest {

    private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false)
            .readTimeout(10, TimeUnit.SECONDS).build();

    @Test
    void scansAreRedirectedAndHeldWhileHealthSaysTheJournalIsFailing() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(64)) {
            OverlayHarness harness = new OverlayHarness(disk.root(), Optional.empty());
            try {
                String scan = harness.links.trackingLinks().trackingUrl(harness.sponsor.browserSourceToken(), ClickType.QR);
                assertThat(get(scan).code()).isEqualTo(302);
                await().until(() -> harness.reload().qrScans() == 1);

                disk.fill();
                // The segment's last page may still have room: impressions go on until the journal hits the full disk.
                long impressions = 0;
                while (harness.tracker.status().journalWriting()) {
                    harness.tracker.record(TrackingEvent.impression("fill-" + impressions++, harness.sponsor.id(),
                            Instant.now(), 1));
                }
                assertThat(get(scan).code()).as("a scan while the journal cannot be written").isEqualTo(302);
                Answer failing = get(harness.url("/health"));

                assertThat(failing.code()).isEqualTo(503);
                JsonObject json = JsonParser.parseString(failing.body()).getAsJsonObject();
                assertThat(json.get("status").getAsString()).isEqualTo("journal-failing");
                assertThat(json.get("problem").getAsString()).contains("No space left on device")
                        .contains("held in memory").doesNotContain("Exception").doesNotContain("\n");
                assertThat(json.getAsJsonObject("journal").get("writing").getAsBoolean()).isFalse();
                assertThat(json.getAsJsonObject("journal").get("eventsHeld").getAsLong()).isPositive();

                long total = impressions;
                disk.free();
                await().atMost(Duration.ofSeconds(60)).until(() -> get(harness.url("/health")).code() == 200);
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    Participation p = harness.reload();
                    return p.qrScans() + p.filteredClicks() == 2 && p.impressions() == total;
                });
            } finally {
                harness.close();
            }
        }
    }

    private record Answer(int code, String body) {
    }

    private Answer get(String url) throws IOException {
        try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
            return new Answer(response.code(), response.body() == null ? "" : response.body().string());
        }
    }
}
