package com.gametriggers.companion.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.overlay.OverlayDirectory;
import com.gametriggers.companion.overlay.OverlaySponsors;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreSettings;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackerOptions;

/**
 * The links behind a real nginx, as a streamer exposes them: every viewer reaches the app from nginx's loopback
 * address, so only the forwarding header tells them apart. Viewers connect from addresses of their own (127.0.x.y).
 */
class LinksBehindNginxTest {

    private static final String PUBLIC_HOST = "links.example.net";

    @TempDir
    Path dir;

    private MongoStore store;
    private Tracker tracker;
    private LinksServer links;
    private Nginx nginx;
    private Participation sponsor;
    private String path;

    @BeforeEach
    void start() throws IOException {
        store = MongoStore.open(StoreSettings.embedded(dir.resolve("store")));
        tracker = Tracker.start(store, dir.resolve("journal"), TrackerOptions.defaults().withFlushInterval(Duration.ofMillis(20)));
        String streamerId = new ObjectId().toHexString();
        sponsor = OverlaySponsors.novaEnergy(store, streamerId, "!nova");
        links = LinksServer.start(new LinksSettings(0, Optional.of(URI.create("https://" + PUBLIC_HOST))),
                OverlayDirectory.load(store, streamerId), tracker, Clock.systemUTC());
        nginx = Nginx.proxyTo(URI.create(links.baseUrl()).getPort());
        path = "/t/" + TrackingLinks.code(sponsor.browserSourceToken()) + "?src=qr";
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (nginx != null) {
            nginx.close();
        }
        links.close();
        tracker.close();
        store.close();
    }

    private Participation reload() {
        return store.participations().byId(sponsor.id()).orElseThrow();
    }

    @Test
    void eachViewerCountsOnceAndNobodyWithinTheirBudgetIsRefused() throws IOException {
        int viewers = 60;
        List<Integer> answers = new ArrayList<>();
        for (int viewer = 0; viewer < viewers; viewer++) {
            answers.add(nginx.get(viewerAddress(viewer), path, PUBLIC_HOST));
        }
        // Their repeat within the click guard's 10 minutes: redirected, but filtered as the same viewer.
        for (int viewer = 0; viewer < viewers; viewer++) {
            answers.add(nginx.get(viewerAddress(viewer), path, PUBLIC_HOST));
        }

        assertThat(answers).as("every scan reaches the sponsor").containsOnly(302);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(reload().qrScans()).as("each viewer's first scan").isEqualTo(viewers);
            assertThat(reload().filteredClicks()).as("each viewer's repeat").isEqualTo(viewers);
        });
    }

    @Test
    void aViewerCannotPassForAnotherBySendingTheHeaderThemselves() throws IOException {
        // The same phone claims to be someone new each time; nginx appends the address it really came from.
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(nginx.get("127.0.9.9", path, PUBLIC_HOST, "X-Forwarded-For: 198.51.100." + attempt,
                    "X-Real-IP: 198.51.100." + attempt, "Forwarded: for=198.51.100." + attempt)).isEqualTo(302);
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(reload().qrScans()).isEqualTo(1);
            assertThat(reload().filteredClicks()).isEqualTo(4);
        });
    }

    @Test
    void oneViewerOverTheirBudgetIsHeldBackWhileOthersAreNot() throws IOException {
        int refused = 0;
        for (int i = 0; i < 15; i++) {
            if (nginx.get("127.0.7.7", path, PUBLIC_HOST) == 429) {
                refused++;
            }
        }

        assertThat(refused).as("a burst of 10, then about one request every 2 s").isGreaterThanOrEqualTo(4);
        assertThat(nginx.get("127.0.8.8", path, PUBLIC_HOST)).as("another viewer meanwhile").isEqualTo(302);
    }

    private static String viewerAddress(int viewer) {
        return "127.0." + (1 + viewer / 200) + "." + (1 + viewer % 200);
    }
}
