package com.gametriggers.companion.overlay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.types.ObjectId;

import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.links.LinksServer;
import com.gametriggers.companion.links.LinksSettings;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreSettings;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackerOptions;

/**
 * A running overlay server and tracking-link listener on free ports, over a real embedded store and tracker, with one
 * sponsor joined.
 */
final class OverlayHarness implements AutoCloseable {

    static final String ROTATION_KEY = "ab".repeat(32);
    static final byte[] SECRET = new byte[32];

    final MongoStore store;
    final Tracker tracker;
    final LinksServer links;
    final OverlayServer server;
    final Participation sponsor;
    final String streamerId = new ObjectId().toHexString();
    final AtomicLong viewers = new AtomicLong();

    OverlayHarness(Path dir, Optional<java.net.URI> publicBaseUrl) {
        store = MongoStore.open(StoreSettings.embedded(dir.resolve("store")));
        try {
            tracker = Tracker.start(store, dir.resolve("journal"), TrackerOptions.defaults().withFlushInterval(Duration.ofMillis(20)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sponsor = OverlaySponsors.novaEnergy(store, streamerId, "!nova");
        OverlayDirectory directory = OverlayDirectory.load(store, streamerId);
        links = LinksServer.start(new LinksSettings(0, publicBaseUrl), directory, tracker, Clock.systemUTC());
        server = OverlayServer.start(new OverlaySettings(0), directory, links.trackingLinks(), tracker, ROTATION_KEY,
                SECRET, viewers::get, Clock.systemUTC());
        server.control().updateRotation(new RotationSettings(Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ZERO, "round-robin"));
    }

    String url(String path) {
        return server.baseUrl() + path.substring(1);
    }

    Participation reload() {
        return store.participations().byId(sponsor.id()).orElseThrow();
    }

    @Override
    public void close() {
        server.close();
        links.close();
        tracker.close();
        store.close();
    }
}
