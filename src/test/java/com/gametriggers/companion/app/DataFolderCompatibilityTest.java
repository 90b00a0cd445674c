package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.obs.ObsConnectionSettings;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreSettings;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackerOptions;
import com.gametriggers.companion.tracking.journal.JournalFormatException;
import com.gametriggers.companion.ui.WhenWindowCloses;

/**
 * An update never loses data: a data folder written by release 0.1.0 ({@code src/test/resources/data-folder/0.1.0},
 * made by {@code bench/data-folder-fixture.sh}) opens with the current code, and every count, setting and the Twitch
 * sign-in are there. Its journal is of format 1 (no header) and holds events the store never got.
 */
class DataFolderCompatibilityTest {

    private static final Duration LIVE = Duration.ofSeconds(30);

    @Test
    void aDataFolderOfRelease010OpensWithEveryCountSettingAndTheSignIn() throws Exception {
        Path dir = copyOfFixture("0.1.0");
        Properties expected = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("fixture.properties"))) {
            expected.load(in);
        }
        Path segment = dir.resolve("journal/journal-00000000000000000001.log");
        assertThat(ByteBuffer.wrap(Files.readAllBytes(segment)).getInt()).as("a segment without header")
                .isNotEqualTo(0x4754434A);

        AppSettings settings = AppSettings.load(dir);
        assertThat(settings.mongoUri()).isEmpty();
        assertThat(settings.overlayPort()).isEqualTo(17731);
        assertThat(settings.publicTrackingUrl()).contains(URI.create("https://links.example.net/gt"));
        assertThat(settings.twitchClientId()).contains("fixtureclientid0123456789abcd");
        assertThat(settings.theme()).isEqualTo(AppSettings.LIGHT);
        assertThat(settings.rotation()).isEqualTo(new RotationSettings(Duration.ofSeconds(40), Duration.ofMinutes(7),
                Duration.ofSeconds(30), "least-shown"));
        assertThat(settings.obs()).isEqualTo(new ObsConnectionSettings("127.0.0.1", 4460, Optional.of("obs-fixture")));
        assertThat(settings.whenClosed()).isEqualTo(WhenWindowCloses.KEEP_RUNNING);

        LocalProfile profile = LocalProfile.loadOrCreate(dir);
        assertThat(profile.streamerId()).isEqualTo(expected.getProperty("streamerId"));
        assertThat(profile.rotationKey()).isNotBlank();
        assertThat(profile.overlaySecret()).isNotBlank();

        Optional<TwitchAccountStore.Saved> signIn = new TwitchAccountStore(dir).load();
        assertThat(signIn).hasValueSatisfying(saved -> {
            assertThat(saved.refused()).isFalse();
            assertThat(saved.token().login()).isEqualTo("fixturestreamer");
            assertThat(saved.token().userId()).isEqualTo("424242");
            assertThat(saved.token().accessToken()).isEqualTo("fixture-access-token");
            assertThat(saved.token().refreshToken()).isEqualTo("fixture-refresh-token");
            assertThat(saved.token().scopes()).containsExactly("chat:read", "chat:edit");
            assertThat(saved.token().expiresAt()).isNotNull();
        });

        try (MongoStore store = MongoStore.open(StoreSettings.embedded(dir))) {
            Participation before = store.participations().byId(expected.getProperty("first")).orElseThrow();
            assertThat(before.impressions()).as("the journal holds counts the store does not have yet")
                    .isLessThan(number(expected, "first.impressions"));
        }

        // Started twice: the journal's events reach the store the first time, and only then.
        for (int start = 1; start <= 2; start++) {
            try (MongoStore store = MongoStore.open(StoreSettings.embedded(dir));
                 Tracker tracker = Tracker.start(store, dir.resolve("journal"), TrackerOptions.defaults())) {
                await().atMost(LIVE).until(() -> tracker.status().online() && tracker.status().eventsWaiting() == 0);
                assertThat(tracker.stats().journalDamage()).as("start %d", start).isZero();
                for (String name : List.of("first", "second")) {
                    Participation participation =
                            store.participations().byId(expected.getProperty(name)).orElseThrow();
                    assertThat(participation.streamerId()).isEqualTo(profile.streamerId());
                    assertCounts(participation, name, expected, start);
                }
            }
        }
    }

    @Test
    void aJournalANewerVersionWroteIsRefusedInOneSentenceAndNothingIsCountedOverIt() throws Exception {
        Path dir = copyOfFixture("0.1.0");
        Properties expected = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("fixture.properties"))) {
            expected.load(in);
        }
        Path newer = dir.resolve("journal/journal-00000000000000001000.log");
        Files.write(newer, ByteBuffer.allocate(64).putInt(0x4754434A).putInt(3).array());
        byte[] oldSegment = Files.readAllBytes(dir.resolve("journal/journal-00000000000000000001.log"));

        try (MongoStore store = MongoStore.open(StoreSettings.embedded(dir))) {
            long storedBefore = store.participations().byId(expected.getProperty("first")).orElseThrow().impressions();

            assertThatThrownBy(() -> Tracker.start(store, dir.resolve("journal"), TrackerOptions.defaults()))
                    .isInstanceOf(JournalFormatException.class)
                    .hasMessageContaining(newer.toString())
                    .hasMessageContaining("written by a newer version of the app (journal format 3; this version "
                            + "reads up to 2): install that newer version again")
                    .hasMessageNotContaining("\n");

            assertThat(store.participations().byId(expected.getProperty("first")).orElseThrow().impressions())
                    .isEqualTo(storedBefore);
        }
        assertThat(dir.resolve("journal/journal-00000000000000000001.log")).hasBinaryContent(oldSegment);
        assertThat(newer).hasSize(64);
    }

    private static void assertCounts(Participation participation, String name, Properties expected, int start) {
        String as = name + " after start " + start;
        assertThat(participation.impressions()).as(as).isEqualTo(number(expected, name + ".impressions"));
        assertThat(participation.chatClicks()).as(as).isEqualTo(number(expected, name + ".chatClicks"));
        assertThat(participation.qrScans()).as(as).isEqualTo(number(expected, name + ".qrScans"));
        assertThat(participation.linkClicks()).as(as).isEqualTo(number(expected, name + ".linkClicks"));
        assertThat(participation.clicks()).as(as).isEqualTo(number(expected, name + ".chatClicks")
                + number(expected, name + ".qrScans") + number(expected, name + ".linkClicks"));
        assertThat(participation.filteredClicks()).as(as).isZero();
        if (name.equals("first")) {
            assertThat(participation.viewerSampleCount()).as(as).isEqualTo(number(expected, "first.viewerSampleCount"));
            assertThat(participation.viewerCountSum()).as(as).isEqualTo(number(expected, "first.viewerCountSum"));
            assertThat(participation.peakViewerCount()).as(as).isEqualTo(number(expected, "first.peakViewerCount"));
        }
    }

    private static long number(Properties properties, String key) {
        return Long.parseLong(properties.getProperty(key));
    }

    /** Tests never write into tracked files: the fixture is opened from a copy under target/. */
    private static Path copyOfFixture(String name) throws IOException, URISyntaxException {
        Path fixture = Path.of(DataFolderCompatibilityTest.class.getResource("/data-folder/" + name).toURI());
        Path copy = Path.of("target", "data-folder-compatibility", name + "-" + UUID.randomUUID()).toAbsolutePath();
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(fixture.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }
}
