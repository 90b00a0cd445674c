package com.gametriggers.companion.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignStatus;
import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.MediaType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreSettings;
import com.gametriggers.companion.store.TestIds;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackerOptions;
import com.gametriggers.companion.tracking.TrackingEvent;
import com.gametriggers.companion.ui.RecordingOpener;
import com.gametriggers.companion.ui.TestSystems;
import com.gametriggers.companion.ui.campaigns.CampaignsViewModel.Row;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;

/**
 * MongoDB goes away while the window is open and comes back on the same address: the window keeps working, says the
 * store is offline with the events waiting, and shows the click once the store is back.
 */
@ExtendWith(ApplicationExtension.class)
class StoreOfflineWindowTest {

    private static final Duration WAIT = Duration.ofSeconds(40);

    private final Path dataDir;
    private final int port;
    private final String serverFile;
    private MongoServer server;
    private final MongoStore store;
    private final Tracker tracker;
    private final Participation pixel;
    private final ScriptedTwitch twitch = new ScriptedTwitch();
    private MainWindow window;

    StoreOfflineWindowTest(@TempDir Path dataDir) throws Exception {
        this.dataDir = dataDir;
        port = freePort();
        serverFile = dataDir.resolve("server.mv.db").toString();
        server = new MongoServer(new H2Backend(serverFile));
        server.bind("127.0.0.1", port);
        store = MongoStore.open(new StoreSettings(Optional.of("mongodb://127.0.0.1:" + port + "/?directConnection=true"),
                dataDir, Optional.empty()));
        tracker = Tracker.start(store, dataDir.resolve("journal"),
                TrackerOptions.defaults().withFlushInterval(Duration.ofMillis(50)));
        Instant now = Instant.now();
        Campaign campaign = store.campaigns().addIfMissing(new Campaign(TestIds.newId(), "Launch Week", "Pixel Peak", "",
                CampaignStatus.ACTIVE, PaymentType.CPC, new BigDecimal("0.25"), new BigDecimal("100"), "/m.png",
                MediaType.IMAGE, "https://example.com", now.minusSeconds(3_600), now.plusSeconds(86_400)));
        pixel = store.participationUpdates().join(campaign.id(), TestIds.newId());
    }

    @Start
    void start(Stage stage) {
        StoreBackedSession session = new StoreBackedSession(store, tracker, pixel.streamerId());
        window = new MainWindow(() -> session, new InMemorySettings(dataDir), twitch, new OkHttpClient(),
                StoreBackedSession::noConnectionTest, TestSystems.developmentRun(new RecordingOpener()), () -> { });
        window.show(stage);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(window::stopRefreshing).get();
        tracker.close();
        store.close();
        server.shutdownNow();
    }

    @Test
    void theWindowSaysTheStoreIsAwayAndCatchesUpWhenItIsBack(FxRobot robot) throws Exception {
        TableView<Row> table = campaignsTable(robot);
        await().atMost(WAIT).until(() -> onFx(() -> table.getItems().size()) == 1);

        server.shutdownNow();
        tracker.record(TrackingEvent.click("click-offline", pixel.id(), Instant.now(), ClickType.QR, "viewer-1")).join();

        await().atMost(WAIT).until(() -> text(robot, "#tracking-status").equals("offline, 1 event waiting"));
        await().atMost(WAIT).until(() -> onFx(() -> robot.lookup("#campaigns-problem").queryAs(Label.class).isVisible()));
        assertThat(text(robot, "#campaigns-problem"))
                .isEqualTo("The campaigns could not be read. MongoDB cannot be reached right now; the app keeps trying.");
        assertThat(onFx(() -> table.getItems().size())).as("the last rows stay on screen").isEqualTo(1);

        server = new MongoServer(new H2Backend(serverFile));
        server.bind("127.0.0.1", port);

        await().atMost(WAIT).until(() -> text(robot, "#tracking-status").equals("online"));
        await().atMost(WAIT).until(() -> onFx(() -> table.getItems().get(0).qrScans().value()) == 1);
        assertThat(onFx(() -> robot.lookup("#campaigns-problem").queryAs(Label.class).isVisible())).isFalse();
    }

    private static String text(FxRobot robot, String id) throws Exception {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    /** The sponsors table, once the services have started behind the window. */
    private static TableView<Row> campaignsTable(FxRobot robot) {
        await().atMost(WAIT).until(() -> robot.lookup("#campaigns").tryQuery().isPresent());
        return robot.lookup("#campaigns").queryTableView();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
