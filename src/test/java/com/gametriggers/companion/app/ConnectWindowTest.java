package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.store.ConnectionCode;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.PlatformWireServer;
import com.gametriggers.companion.store.StoreSettings;
import com.gametriggers.companion.ui.RecordingOpener;
import com.gametriggers.companion.ui.TestSystems;
import com.gametriggers.companion.ui.campaigns.CampaignsViewModel.Row;
import com.gametriggers.companion.ui.shell.MainWindow;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;

/**
 * Settings' "GameTriggers account" over the whole running app: a streamer on the app's own store pastes the code the
 * platform gave them and, without starting the app again, sees their own campaigns and "Connected as" in the status
 * bar; a wrong code changes nothing; "Disconnect" brings the own store back.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectWindowTest {

    private static final Duration LIVE = Duration.ofSeconds(30);
    private static final String USER = new ObjectId().toHexString();

    private final Path dataDir;
    private final OkHttpClient http = AppHttp.create();
    private final PlatformWireServer platform = new PlatformWireServer();
    private final ConnectionCode code;
    private final SwitchingSession session;
    private MainWindow window;

    ConnectWindowTest(@TempDir Path dataDir) {
        this.dataDir = dataDir;
        Clock clock = Clock.systemDefaultZone();
        try (MongoStore store = MongoStore.open(new StoreSettings(Optional.of(platform.uri), dataDir.resolve("setup"),
                Optional.empty()))) {
            DemoCampaigns.install(store, USER, clock);
        }
        code = new ConnectionCode(platform.uri, USER, "Alice");
        TwitchSignIn twitch = TwitchSignIn.onTwitch(dataDir, Optional::empty, TwitchEndpoints.twitch(), http, clock);
        AppOptions options = new AppOptions(Optional.empty(), dataDir, false, false, 0, 0, Optional.empty(),
                Optional.empty(), false, RotationSettings.defaults(), TwitchEndpoints.twitch());
        session = new SwitchingSession(connection -> CompanionServices.start(options.withPlatform(connection), http,
                twitch, new YouTubeSignIn(dataDir, Optional::empty, http, clock), clock), Optional.empty());
    }

    @Start
    void start(Stage stage) {
        PlatformConnector connector = new PlatformConnector(new PlatformAccountFile(dataDir), dataDir, Optional.empty(),
                false, next -> {
                    session.switchTo(next);
                    return "";
                });
        window = new MainWindow(() -> session, new SettingsFile(dataDir, AppSettings.defaults()),
                TwitchSignIn.onTwitch(dataDir, Optional::empty, TwitchEndpoints.twitch(), http, Clock.systemUTC()),
                http, CompanionServices::openStoreForTest, TestSystems.developmentRun(new RecordingOpener()), () -> { });
        window.connectsToPlatform(connector);
        window.show(stage);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(window::stopRefreshing).get();
        session.close();
        AppHttp.release(http);
        platform.close();
    }

    @Test
    void aPastedCodeShowsTheStreamersOwnCampaignsAtOnceAndDisconnectingBringsTheOwnStoreBack(FxRobot robot)
            throws Exception {
        await().atMost(LIVE).until(() -> text(robot, "#store-status"), shown -> shown.startsWith("Store: embedded"));
        assertThat(onFx(() -> campaigns(robot).getItems().size())).isZero();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        assertThat(text(robot, "#platform-state")).startsWith("Not connected");
        assertThat(onFx(() -> robot.lookup("#disconnect-platform").queryButton().isVisible())).isFalse();

        paste(robot, "gametriggers://connect?uri=nowhere");
        robot.clickOn("#connect-platform");
        await().atMost(LIVE).until(() -> text(robot, "#connect-result"), shown -> shown.startsWith("The connection code"));
        assertThat(text(robot, "#connect-result")).isEqualTo(
                "The connection code's MongoDB address must start with mongodb:// or mongodb+srv://.");
        assertThat(text(robot, "#store-status")).startsWith("Store: embedded");

        paste(robot, code.toUrl());
        robot.clickOn("#connect-platform");
        await().atMost(LIVE).until(() -> text(robot, "#connect-result"), shown -> shown.startsWith("Connected as"));
        assertThat(text(robot, "#connect-result")).isEqualTo("Connected as Alice: 3 campaigns on " + platform.uri + ".");
        assertThat(onFx(() -> robot.lookup("#connect-code").queryAs(PasswordField.class).getText()))
                .as("the code, with its password, is gone from the window").isEmpty();
        // The stand-in for the platform has none of the indexes the app relies on, and the status bar says so.
        await().atMost(LIVE).until(() -> text(robot, "#store-status"),
                shown -> shown.equals("Connected as Alice · 8 indexes missing"));
        assertThat(text(robot, "#platform-state")).startsWith("Connected as Alice");
        assertThat(onFx(() -> robot.lookup("#disconnect-platform").queryAs(Button.class).isVisible())).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        await().atMost(LIVE).until(() -> onFx(() -> campaigns(robot).getItems().size()) == 3);
        assertThat(session.streamerId()).isEqualTo(USER);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        robot.clickOn("#disconnect-platform");
        await().atMost(LIVE).until(() -> text(robot, "#store-status"), shown -> shown.startsWith("Store: embedded"));
        assertThat(text(robot, "#connect-result")).isEqualTo(
                "Disconnected: the app keeps your campaigns in its own store again.");
        assertThat(text(robot, "#platform-state")).startsWith("Not connected");
        assertThat(session.streamerId()).isNotEqualTo(USER);
    }

    private static void paste(FxRobot robot, String text) throws Exception {
        PasswordField field = robot.lookup("#connect-code").queryAs(PasswordField.class);
        onFx(() -> {
            field.setText(text);
            return null;
        });
    }

    private static TableView<Row> campaigns(FxRobot robot) {
        return robot.lookup("#campaigns").queryTableView();
    }

    private static String text(FxRobot robot, String id) throws Exception {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
