package com.gametriggers.companion.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.overlay.rotation.SkipOutcome;
import com.gametriggers.companion.overlay.rotation.SponsorCountdown;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The countdown as the app reads it from the running overlay server: the soonest warning of the overlays a page
 * listens to, and Skip this one on them. The first sponsor is an hour after going live and the warning two hours
 * long, so the warning is there from the first tick and no showing comes while the test runs, whatever the clock.
 */
class OverlayCountdownTest {

    @TempDir
    Path dir;

    private OverlayHarness harness;
    private final OkHttpClient streaming = new OkHttpClient.Builder().readTimeout(20, TimeUnit.SECONDS).build();

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void theListenedOverlayWarnsOfItsSponsorAndSkipThisOneMovesItToTheNextSlot() throws Exception {
        harness = new OverlayHarness(dir, Optional.empty());
        OverlayControl control = harness.server.control();
        control.updateRotation(new RotationSettings(Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofHours(1),
                "round-robin", Duration.ofHours(2)));
        assertThat(control.skipNextSponsor()).isEqualTo(new SkipOutcome(false,
                "No overlay is open in OBS, so no sponsor is coming to skip."));
        List<String> shown = new CopyOnWriteArrayList<>();
        control.onShow(shown::add);

        Request events = new Request.Builder().url(harness.url("/events/" + OverlayHarness.ROTATION_KEY)).build();
        try (Response response = streaming.newCall(events).execute()) {
            assertThat(response.code()).isEqualTo(200);
            control.streamWentLive();
            await().atMost(Duration.ofSeconds(10)).until(() -> control.status().countdown().isPresent());
            SponsorCountdown first = control.status().countdown().orElseThrow();
            assertThat(first.sponsorName()).isEqualTo("Nova Energy");

            SkipOutcome skip = control.skipNextSponsor();
            assertThat(skip.skipped()).isTrue();
            assertThat(skip.sentence()).startsWith("Skipped Nova Energy; the next sponsor comes at ");

            Instant next = first.at().plusSeconds(1);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> control.status().countdown().map(SponsorCountdown::at), at -> at.equals(Optional.of(next)));
            assertThat(shown).isEmpty();
        }
    }
}
