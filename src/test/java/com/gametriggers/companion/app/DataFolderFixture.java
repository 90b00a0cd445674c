package com.gametriggers.companion.app;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.obs.ObsConnectionSettings;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreSettings;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackerOptions;
import com.gametriggers.companion.tracking.TrackingEvent;
import com.gametriggers.companion.twitch.TwitchToken;
import com.gametriggers.companion.ui.WhenWindowCloses;

/**
 * Writes a data folder the way a release leaves it, for {@code DataFolderCompatibilityTest}: the embedded store with
 * counts already stored, a journal holding events the store never got (written, then the process ends as in a
 * crash), settings, profile and Twitch sign-in, plus {@code fixture.properties} saying what was written. Run it with
 * the release being preserved, not with the current code: {@code bench/data-folder-fixture.sh} checks that release
 * out, runs this there and copies the folder under {@code src/test/resources/data-folder/}. It uses only what that
 * release already had, so it still runs there.
 */
public final class DataFolderFixture {

    /** Every time in the fixture: the demo campaigns run from a day before to 30 days after. */
    private static final Instant WRITTEN_AT = Instant.parse("2026-12-01T20:00:00Z");

    private DataFolderFixture() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: DataFolderFixture <empty output folder>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                System.err.println(dir + " is not empty");
                System.exit(2);
            }
        }
        Clock clock = Clock.fixed(WRITTEN_AT, ZoneOffset.UTC);
        Properties expected = new Properties();

        LocalProfile profile = LocalProfile.loadOrCreate(dir);
        AppSettings.defaults()
                .withForm(Optional.empty(), 17731, Optional.of(URI.create("https://links.example.net/gt")),
                        Optional.of("fixtureclientid0123456789abcd"), AppSettings.defaults().disclosureTags(),
                        AppSettings.LIGHT)
                .withRotation(new RotationSettings(Duration.ofSeconds(40), Duration.ofMinutes(7), Duration.ofSeconds(30),
                        "least-shown"))
                .withObs(new ObsConnectionSettings("127.0.0.1", 4460, Optional.of("obs-fixture")))
                .withWhenClosed(WhenWindowCloses.KEEP_RUNNING)
                .writeTo(dir);
        new TwitchAccountStore(dir).keep(new TwitchToken("fixture-access-token", "fixture-refresh-token",
                "fixturestreamer", "424242", List.of("chat:read", "chat:edit"), WRITTEN_AT.plus(Duration.ofHours(4))));
        expected.setProperty("streamerId", profile.streamerId());

        MongoStore store = MongoStore.open(StoreSettings.embedded(dir));
        DemoCampaigns.install(store, profile.streamerId(), clock);
        List<Participation> joined = store.participations().forStreamer(profile.streamerId());
        Participation first = joined.get(0);
        Participation second = joined.get(1);
        expected.setProperty("first", first.id());
        expected.setProperty("second", second.id());

        Tracker tracker = Tracker.start(store, dir.resolve("journal"), TrackerOptions.defaults().withClock(clock));
        // Stored: these reach the store before it closes.
        waitFor(List.of(
                tracker.record(TrackingEvent.impression("stored-1", first.id(), WRITTEN_AT, 120)),
                tracker.record(TrackingEvent.viewerSample("stored-2", first.id(), WRITTEN_AT, 120)),
                tracker.record(TrackingEvent.click("stored-3", first.id(), WRITTEN_AT, ClickType.CHAT, "viewer-a")),
                tracker.record(TrackingEvent.click("stored-4", second.id(), WRITTEN_AT, ClickType.QR, "viewer-b"))));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (tracker.status().eventsWaiting() > 0 || tracker.status().lastSuccessfulFlush() == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The store did not take the first events: " + tracker.status());
            }
            Thread.sleep(50);
        }
        store.close();

        // Unsent: on disk in the journal only, one of each type, so every type code of this release is in it.
        Instant later = WRITTEN_AT.plusSeconds(60);
        waitFor(List.of(
                tracker.record(TrackingEvent.impression("journal-1", first.id(), later, 80)),
                tracker.record(TrackingEvent.viewerSample("journal-2", first.id(), later, 200)),
                tracker.record(TrackingEvent.click("journal-3", first.id(), later, ClickType.CHAT, "viewer-c")),
                tracker.record(TrackingEvent.click("journal-4", first.id(), later, ClickType.QR, "viewer-d")),
                tracker.record(TrackingEvent.click("journal-5", second.id(), later, ClickType.LINK, "viewer-e")),
                tracker.record(TrackingEvent.impression("journal-6", second.id(), later, 40))));

        // A viewer sample feeds the viewer statistics, not the impressions.
        expected.setProperty("first.impressions", Long.toString(120 + 80));
        expected.setProperty("first.viewerCountSum", Long.toString(120 + 200));
        expected.setProperty("first.chatClicks", "2");
        expected.setProperty("first.qrScans", "1");
        expected.setProperty("first.linkClicks", "0");
        expected.setProperty("first.viewerSampleCount", "2");
        expected.setProperty("first.peakViewerCount", "200");
        expected.setProperty("second.impressions", "40");
        expected.setProperty("second.chatClicks", "0");
        expected.setProperty("second.qrScans", "1");
        expected.setProperty("second.linkClicks", "1");
        try (OutputStream out = Files.newOutputStream(dir.resolve("fixture.properties"))) {
            expected.store(out, "What DataFolderFixture wrote into this data folder: the counts each participation "
                    + "must show once every event reached the store");
        }
        System.out.println("Data folder written to " + dir);
        // Ends as a crash does: the tracker never gets to send what is in the journal.
        Runtime.getRuntime().halt(0);
    }

    private static void waitFor(List<CompletableFuture<?>> durable) throws Exception {
        for (CompletableFuture<?> future : new ArrayList<>(durable)) {
            future.get(30, TimeUnit.SECONDS);
        }
    }
}
