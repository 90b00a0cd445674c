package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.store.ConnectionCode;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.PlatformWireServer;
import com.gametriggers.companion.store.StoreException;
import com.gametriggers.companion.store.StoreSettings;
import com.gametriggers.companion.ui.PlatformConnection.Refused;

/**
 * "Connect to GameTriggers" from a pasted code, against a MongoDB wire server reached by its address as the platform's
 * would be: tested before anything changes, kept privately, the running services moved, and each way it can fail one
 * sentence that leaves the app as it was. {@link PlatformSwitchTest} moves real services; here the move is recorded.
 */
class PlatformConnectorTest {

    private static final String USER = new ObjectId().toHexString();
    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    private final PlatformWireServer platform = new PlatformWireServer();
    private final List<Optional<ConnectionCode>> moves = new ArrayList<>();
    private ConnectionCode code;

    @BeforeEach
    void platformWithTheStreamersCampaigns() {
        // The platform's side: campaigns the streamer has joined there (no indexes: the in-memory server would
        // enforce the partial unique ones as whole ones).
        try (MongoStore store = MongoStore.open(new StoreSettings(Optional.of(platform.uri), dataDir.resolve("setup"),
                Optional.empty()))) {
            DemoCampaigns.install(store, USER, Clock.systemUTC());
        }
        code = new ConnectionCode(platform.uri, USER, "Alice");
    }

    @AfterEach
    void stopPlatform() {
        platform.close();
    }

    private PlatformConnector connector(boolean storeFromCommandLine) {
        return new PlatformConnector(new PlatformAccountFile(dataDir), dataDir, Optional.empty(), storeFromCommandLine,
                next -> {
                    moves.add(next);
                    return "";
                });
    }

    @Test
    void aGoodCodeIsTestedKeptPrivatelyAndTheServicesMoveToIt() throws Exception {
        PlatformConnector connector = connector(false);

        String said = connector.connect("\n" + code.toUrl() + "  ");

        assertThat(said).isEqualTo("Connected as Alice: 3 campaigns on " + platform.uri + ".");
        assertThat(connector.connectedAs()).contains("Alice");
        assertThat(moves).containsExactly(Optional.of(code));
        Path kept = dataDir.resolve(PlatformAccountFile.FILE_NAME);
        OwnerOnly.assertOwnerOnly(kept);
        assertThat(new PlatformAccountFile(dataDir).load()).contains(code);
    }

    @Test
    void disconnectingForgetsTheCodeAndMovesTheServicesBack() throws Exception {
        PlatformConnector connector = connector(false);
        connector.connect(code.toUrl());

        assertThat(connector.disconnect()).isEqualTo("Disconnected: the app keeps your campaigns in its own store again.");

        assertThat(connector.connectedAs()).isEmpty();
        assertThat(moves).containsExactly(Optional.of(code), Optional.empty());
        assertThat(dataDir.resolve(PlatformAccountFile.FILE_NAME)).doesNotExist();
        assertThat(connector.disconnect()).isEqualTo("Not connected to GameTriggers.");
    }

    @Test
    void aCodeThatCannotBeUsedIsOneSentenceAndChangesNothing() throws Exception {
        PlatformConnector connector = connector(false);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ConnectionCode nowhere = new ConnectionCode("mongodb://streamer:s3cret@127.0.0.1:" + closedPort
                + "/gametriggers?serverSelectionTimeoutMS=500", USER, "Alice");

        assertThatThrownBy(() -> connector.connect("not a code")).isInstanceOf(Refused.class)
                .hasMessageStartingWith("This is not a GameTriggers connection code");
        assertThatThrownBy(() -> connector.connect(nowhere.toUrl())).isInstanceOf(Refused.class)
                .hasMessage("MongoDB at mongodb://streamer:****@127.0.0.1:" + closedPort
                        + "/gametriggers?serverSelectionTimeoutMS=500 cannot be reached (no answer within 0.5 s); check "
                        + "the address and that the server is running.");

        assertThat(moves).isEmpty();
        assertThat(connector.connectedAs()).isEmpty();
        assertThat(dataDir.resolve(PlatformAccountFile.FILE_NAME)).doesNotExist();
    }

    @Test
    void servicesThatCannotStartThereLeaveTheConnectionAsItWas() throws Exception {
        PlatformConnector first = connector(false);
        first.connect(code.toUrl());
        ConnectionCode other = new ConnectionCode(platform.uri, new ObjectId().toHexString(), "Bob");
        PlatformConnector refusing = new PlatformConnector(new PlatformAccountFile(dataDir), dataDir, Optional.of(code),
                false, next -> {
                    throw new StoreException("The overlay port 17730 is taken.");
                });

        assertThatThrownBy(() -> refusing.connect(other.toUrl())).isInstanceOf(Refused.class)
                .hasMessage("The app could not start there, so it went on as before: The overlay port 17730 is taken.");

        assertThat(refusing.connectedAs()).contains("Alice");
        assertThat(new PlatformAccountFile(dataDir).load()).contains(code);
    }

    @Test
    void aStoreNamedOnTheCommandLineComesFirst() {
        assertThatThrownBy(() -> connector(true).connect(code.toUrl())).isInstanceOf(Refused.class)
                .hasMessageStartingWith("The app was started with a MongoDB address (--mongo-uri or MONGODB_URI)");
        assertThat(moves).isEmpty();
    }

    @Test
    void aDamagedConnectionFileIsNamedWithWhatToDo() throws IOException {
        Files.writeString(dataDir.resolve(PlatformAccountFile.FILE_NAME), "mongoUri=mongodb://x\nuserId=42\n");

        assertThatThrownBy(() -> new PlatformAccountFile(dataDir).load()).isInstanceOf(IOException.class)
                .hasMessageContaining(PlatformAccountFile.FILE_NAME)
                .hasMessageContaining("user id must be a platform user id")
                .hasMessageEndingWith("connect again in Settings, or remove the file to use the app's own store.");
    }

    @Test
    void headlessConnectTestsKeepsAndRunsOnTheAccountAndTheNextStartStaysOnIt() throws Exception {
        try (ChildApp app = ChildApp.start("--headless", "--overlay-port", "0", "--links-port", "0",
                "--data-dir", dataDir.toString(), "--connect", code.toUrl())) {
            assertThat(app.awaitLine(Pattern.compile("(Connected as .*)"), START))
                    .isEqualTo("Connected as Alice: 3 campaigns on " + platform.uri + ".");
            assertThat(app.awaitLine(Pattern.compile("store: (.*)"), START)).isEqualTo(platform.uri);
            app.terminate();
            app.awaitExit(START);
        }
        try (ChildApp again = ChildApp.start("--headless", "--overlay-port", "0", "--links-port", "0",
                "--data-dir", dataDir.toString())) {
            assertThat(again.awaitLine(Pattern.compile("store: (.*)"), START)).isEqualTo(platform.uri);
            again.terminate();
            again.awaitExit(START);
        }
        assertThat(dataDir.resolve("journal-" + USER)).isDirectory();
    }

    @Test
    void headlessConnectWithABadCodeStopsWithOneLine() throws Exception {
        try (ChildApp app = ChildApp.start("--headless", "--overlay-port", "0", "--data-dir", dataDir.toString(),
                "--connect", "gametriggers://connect?uri=mongodb%3A%2F%2Fh&user=42&name=Alice")) {
            assertThat(app.awaitExit(START)).isEqualTo(1);
            assertThat(app.stderr().lines().filter(line -> line.startsWith("error:")).toList()).containsExactly(
                    "error: The connection code's user id must be a platform user id (24 hexadecimal characters).");
        }
        assertThat(dataDir.resolve(PlatformAccountFile.FILE_NAME)).doesNotExist();
    }
}
