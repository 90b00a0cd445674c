package com.gametriggers.companion.store;

import static com.gametriggers.companion.store.TestIds.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.Participation;

/** Opening the store: data that outlives a restart, and a clear sentence for each way opening can fail. */
class StoreLifecycleTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestartOfTheEmbeddedStore() {
        Participation joined;
        try (MongoStore store = MongoStore.open(StoreSettings.embedded(dataDir))) {
            joined = store.participationUpdates().join(newId(), newId());
            store.participationUpdates().recordClick(joined.id(), ClickType.QR, new BigDecimal("0.25"));
            store.participationUpdates().recordImpressions(joined.id(), 42, BigDecimal.ZERO);
        }

        try (MongoStore store = MongoStore.open(StoreSettings.embedded(dataDir))) {
            Participation reloaded = store.participations().byId(joined.id()).orElseThrow();
            assertThat(reloaded.browserSourceToken()).isEqualTo(joined.browserSourceToken());
            assertThat(reloaded.qrScans()).isEqualTo(1);
            assertThat(reloaded.impressions()).isEqualTo(42);
            assertThat(reloaded.estimatedEarnings()).isEqualByComparingTo("0.25");
        }
    }

    @Test
    void theEmbeddedStoreListensOnLoopbackOnly() {
        try (MongoStore store = MongoStore.open(StoreSettings.embedded(dataDir))) {
            assertThat(store.address()).matches("mongodb://127\\.0\\.0\\.1:\\d+");
            assertThat(store.isEmbedded()).isTrue();
        }
    }

    @Test
    void aMalformedUriIsRejectedWithASentenceThatHidesThePassword() {
        StoreSettings settings = remote("mongodb://user:s3cret@host:notaport/db");

        assertThatThrownBy(() -> MongoStore.open(settings))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("The MongoDB URI mongodb://user:****@host:notaport/db is not valid")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aUriOfAnotherSchemeIsRejected() {
        assertThatThrownBy(() -> MongoStore.open(remote("http://localhost:27017")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is not valid");
    }

    @Test
    void anUnreachableServerIsReportedInSecondsNotHalfAMinute() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long started = System.nanoTime();

        assertThatThrownBy(() -> MongoStore.open(remote("mongodb://127.0.0.1:" + closedPort + "/?directConnection=true")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot be reached");

        // The driver's own default would wait 30 s; the app gives up after about 5.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aDataFileInUseByAnotherInstanceIsRefused() {
        try (MongoStore first = MongoStore.open(StoreSettings.embedded(dataDir))) {
            assertThatThrownBy(() -> MongoStore.open(StoreSettings.embedded(dataDir)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("is in use by another running GameTriggers Companion");
            assertThat(first.participations().forStreamer(newId())).isEmpty();
        }
    }

    @Test
    void aCorruptDataFileIsReportedAndLeftInPlaceForABugReport() throws IOException {
        Path dataFile = dataDir.resolve(EmbeddedMongoServer.DATA_FILE_NAME);
        byte[] garbage = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(dataFile, garbage);

        assertThatThrownBy(() -> MongoStore.open(StoreSettings.embedded(dataDir)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is damaged and cannot be read");
        assertThat(Files.readAllBytes(dataFile)).isEqualTo(garbage);
    }

    @Test
    void aDataFileWithDamagedBlocksIsReported() throws IOException {
        try (MongoStore store = MongoStore.open(StoreSettings.embedded(dataDir))) {
            store.participationUpdates().join(newId(), newId());
        }
        Path dataFile = dataDir.resolve(EmbeddedMongoServer.DATA_FILE_NAME);
        byte[] bytes = Files.readAllBytes(dataFile);
        for (int i = 0; i < bytes.length; i += 97) {
            bytes[i] ^= 0x5A;
        }
        Files.write(dataFile, bytes);

        assertThatThrownBy(() -> MongoStore.open(StoreSettings.embedded(dataDir)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is damaged and cannot be read");
    }

    private StoreSettings remote(String uri) {
        return new StoreSettings(Optional.of(uri), dataDir, Optional.empty());
    }
}
