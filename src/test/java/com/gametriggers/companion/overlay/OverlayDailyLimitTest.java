package com.gametriggers.companion.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.links.TrackingLinks;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreFixture;
import com.gametriggers.companion.store.StoreSettings;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The daily limit across a restart of the app: the rotation made afresh counts today's showings from the audit trail,
 * today being the streamer's (here UTC+14, so their day and UTC's differ for most of it). The clock stands still at
 * the real now, which the sponsor's campaign dates are around.
 */
class OverlayDailyLimitTest {

    private static final String ROTATION_KEY = "cd".repeat(32);
    private static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.now(), KIRITIMATI);
    private final String streamerId = new ObjectId().toHexString();
    private StoreFixture fixture;
    private MongoServer server;
    private MongoStore storeThatGoesAway;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
        if (storeThatGoesAway != null) {
            storeThatGoesAway.close();
        }
        if (server != null) {
            server.shutdownNow();
        }
    }

    @Test
    void todaysShowingsInTheAuditTrailCountAndYesterdaysDoNot() {
        fixture = StoreFixture.open(dir);
        Participation nova = OverlaySponsors.novaEnergy(fixture.store(), streamerId, null);
        Instant midnight = LocalDate.ofInstant(clock.instant(), KIRITIMATI).atStartOfDay(KIRITIMATI).toInstant();
        showing(nova, midnight.minusMillis(1));
        showing(nova, midnight);
        showing(nova, clock.instant().minusMillis(1));

        OverlayChannel atTwo = rotation(fixture.store(), 2);
        atTwo.tick();
        assertThat(atTwo.onScreen()).as("shown twice today before the restart").isEmpty();
        assertThat(atTwo.scheduler().status().dailyLimitReached()).isTrue();

        OverlayChannel atThree = rotation(fixture.store(), 3);
        atThree.tick();
        assertThat(atThree.onScreen()).as("yesterday's showing does not count").contains(nova.id());
        atThree.tick();
        assertThat(atThree.scheduler().status().dailyLimitReached()).as("on screen, not held").isFalse();
    }

    @Test
    void withTheStoreAwayTheCountStartsFromZeroAndTheOverlayStillShows() throws Exception {
        server = new MongoServer(new H2Backend(dir.resolve("server.mv.db").toString()));
        InetSocketAddress address = server.bind();
        storeThatGoesAway = MongoStore.open(new StoreSettings(Optional.of("mongodb://127.0.0.1:" + address.getPort()
                + "/?directConnection=true"), dir, Optional.empty()));
        Participation nova = OverlaySponsors.novaEnergy(storeThatGoesAway, streamerId, null);
        OverlayChannel channel = rotation(storeThatGoesAway, 1);
        server.shutdownNow();
        server = null;

        channel.tick();

        assertThat(channel.onScreen()).contains(nova.id());
    }

    /** The rotation overlay as a fresh start of the app makes it, live, sponsors shown at once, at most {@code limit} a day. */
    private OverlayChannel rotation(MongoStore store, int limit) {
        OverlayChannels channels = new OverlayChannels(OverlayDirectory.load(store, streamerId), ROTATION_KEY,
                new ShowTickets(new byte[32]), new ShowMessages(new TrackingLinks(Optional.of(URI.create(
                        "https://links.example.net")), "http://127.0.0.1:1")),
                new RotationSettings(Duration.ofSeconds(20), Duration.ZERO, Duration.ZERO, "round-robin", Duration.ZERO,
                        limit), clock);
        channels.streamWentLive();
        return channels.channel(ROTATION_KEY).orElseThrow();
    }

    /** A showing in the audit trail as the tracker keeps it. */
    private void showing(Participation participation, Instant at) {
        fixture.raw().getCollection("participationshowings").insertOne(new Document("_id", UUID.randomUUID().toString())
                .append("streamerId", new ObjectId(streamerId))
                .append("participationId", new ObjectId(participation.id()))
                .append("campaignId", new ObjectId(participation.campaignId()))
                .append("at", Date.from(at)).append("outcome", "counted").append("billable", true)
                .append("impressions", 1L));
    }
}
