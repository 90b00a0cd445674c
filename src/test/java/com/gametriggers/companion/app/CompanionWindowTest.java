package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

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
import com.gametriggers.companion.domain.MediaType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.store.TestIds;
import com.gametriggers.companion.ui.RecordingOpener;
import com.gametriggers.companion.ui.TestSystems;
import com.gametriggers.companion.ui.campaigns.CampaignsViewModel.Row;
import com.gametriggers.companion.ui.shell.DesktopApp;
import com.gametriggers.companion.ui.shell.MainWindow;

import javafx.application.Platform;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import okhttp3.OkHttpClient;

/**
 * The window over the whole running app (store, tracker, overlay server, settings file), as a streamer uses it:
 * join a campaign, fix a chat command, change and keep a setting, drive the overlay.
 */
@ExtendWith(ApplicationExtension.class)
class CompanionWindowTest {

    private static final Duration LIVE = Duration.ofSeconds(15);

    private final Path dataDir;
    private final OkHttpClient http = AppHttp.create();
    private final TwitchSignIn twitch;
    private final CompanionServices services;
    private final Campaign echo;
    private MainWindow window;
    private Stage stage;

    CompanionWindowTest(@TempDir Path dataDir) throws Exception {
        this.dataDir = dataDir;
        Clock clock = Clock.systemDefaultZone();
        twitch = TwitchSignIn.onTwitch(dataDir, Optional::empty, TwitchEndpoints.twitch(), http, clock);
        services = CompanionServices.start(new AppOptions(Optional.empty(), dataDir, false, true, 0, 0, Optional.empty(),
                Optional.empty(), false, RotationSettings.defaults(), TwitchEndpoints.twitch()), http, twitch,
                new YouTubeSignIn(dataDir, Optional::empty, http, clock), clock);
        Instant now = clock.instant();
        echo = services.store().campaigns().addIfMissing(new Campaign(TestIds.newId(), "Autumn Drop", "Echo Gear",
                "Headsets for every squad.", CampaignStatus.ACTIVE, PaymentType.CPC, new BigDecimal("0.40"),
                new BigDecimal("500"), "/m.png", MediaType.IMAGE, "https://example.com", now.minusSeconds(3_600),
                now.plusSeconds(30 * 86_400L)));
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(() -> services, new SettingsFile(dataDir, AppSettings.defaults()),
                twitch, http, CompanionServices::openStoreForTest, TestSystems.developmentRun(new RecordingOpener()),
                () -> { });
        window.show(stage);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(window::stopRefreshing).get();
        services.close();
        AppHttp.release(http);
    }

    @Test
    void joiningACampaignAddsItsRowAndItsParticipation(FxRobot robot) throws Exception {
        TableView<Row> table = campaignsTable(robot);
        await().atMost(LIVE).until(() -> onFx(() -> table.getItems().size()) == 3);

        robot.clickOn("#join-campaign");
        await().atMost(LIVE).until(() -> robot.lookup("#joinable-campaigns").tryQuery().isPresent());
        TableView<Campaign> joinable = robot.lookup("#joinable-campaigns").queryTableView();
        assertThat(onFx(() -> joinable.getItems().stream().map(Campaign::brandName).toList())).containsExactly("Echo Gear");
        robot.clickOn("Echo Gear");
        robot.clickOn("Join");

        await().atMost(LIVE).until(() -> onFx(() -> table.getItems().size()) == 4);
        Participation joined = services.store().participations().forStreamer(services.streamerId()).stream()
                .filter(participation -> participation.campaignId().equals(echo.id())).findFirst().orElseThrow();
        assertThat(joined.browserSourceToken()).hasSize(64);
        assertThat(joined.chatCommand()).isEqualTo("!echo");
        assertThat(onFx(() -> table.getSelectionModel().getSelectedItem().brand())).isEqualTo("Echo Gear");
    }

    @Test
    void aRefusedChatCommandSaysWhyAndAGoodOneIsKept(FxRobot robot) throws Exception {
        TableView<Row> table = campaignsTable(robot);
        await().atMost(LIVE).until(() -> onFx(() -> table.getItems().size()) == 3);
        robot.clickOn("Pixel Peak");
        TextField command = robot.lookup("#chat-command").queryAs(TextField.class);
        await().atMost(LIVE).until(() -> onFx(command::getText).equals("!pixel"));

        replaceText(robot, command, "!nova");
        robot.clickOn("#save-command");
        await().atMost(LIVE).until(() -> detailMessage(robot).contains("already used"));
        assertThat(detailMessage(robot)).isEqualTo("!nova is already used by another of your campaigns.");

        replaceText(robot, command, "!PeakGear");
        robot.clickOn("#save-command");
        await().atMost(LIVE).until(() -> detailMessage(robot).startsWith("Saved"));
        assertThat(services.store().participations().forStreamer(services.streamerId()).stream()
                .map(Participation::chatCommand)).contains("!peakgear").doesNotContain("!pixel");
    }

    @Test
    void aChangedSettingIsCheckedThenKeptInTheSettingsFile(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        TextField port = robot.lookup("#overlay-port").queryAs(TextField.class);

        replaceText(robot, port, "80");
        robot.clickOn("#save-settings");
        Label portError = robot.lookup("#error-overlay-port").queryAs(Label.class);
        assertThat(onFx(portError::isVisible)).isTrue();
        assertThat(onFx(portError::getText)).isEqualTo("The overlay port must be a number from 1024 to 65535.");
        assertThat(dataDir.resolve(AppSettings.FILE_NAME)).doesNotExist();

        replaceText(robot, port, "18001");
        robot.clickOn("#save-settings");
        await().atMost(LIVE).until(() -> onFx(() -> robot.lookup("#settings-message").queryAs(Label.class).getText())
                .startsWith("Saved."));
        assertThat(onFx(portError::isVisible)).isFalse();
        assertThat(onFx(() -> robot.lookup("#settings-message").queryAs(Label.class).getText()))
                .isEqualTo("Saved. Start the app again to use the overlay port (give OBS the new URL).");
        assertThat(AppSettings.load(dataDir).overlayPort()).isEqualTo(18001);

        TextField tags = robot.lookup("#disclosure-tags").queryAs(TextField.class);
        assertThat(onFx(() -> tags.getText())).isEqualTo("#ad, #sponsored");
        replaceText(robot, tags, "#ad, werbung");
        robot.clickOn("#save-settings");
        Label tagsError = robot.lookup("#error-disclosure-tags").queryAs(Label.class);
        assertThat(onFx(tagsError::isVisible)).isTrue();
        assertThat(onFx(tagsError::getText))
                .isEqualTo("Disclosure tags must be one or more #words separated by commas, such as #ad, #sponsored.");
        assertThat(AppSettings.load(dataDir).disclosureTags()).containsExactly("#ad", "#sponsored");
        replaceText(robot, tags, "#ad, #werbung");
        robot.clickOn("#save-settings");
        await().atMost(LIVE).until(() -> onFx(() -> robot.lookup("#settings-message").queryAs(Label.class).getText())
                .equals("Saved. Start the app again to use the disclosure tags."));
        assertThat(onFx(tagsError::isVisible)).isFalse();
        assertThat(AppSettings.load(dataDir).disclosureTags()).containsExactly("#ad", "#werbung");

        robot.clickOn("#twitch-sign-in-button");
        await().atMost(LIVE).until(() -> onFx(() -> robot.lookup("#twitch-state").queryAs(Label.class).getText())
                .equals("Signing in to Twitch needs the app's Twitch client id (Settings, --twitch-client-id or "
                        + "TWITCH_CLIENT_ID)."));
    }

    @Test
    void theOverlayViewPausesAdsAndKeepsTheSchedule(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        await().atMost(LIVE).until(() -> robot.lookup("#overlay-on-screen").tryQuery().isPresent());

        robot.clickOn("#pause-ads");
        robot.clickOn("for 15 minutes");
        await().atMost(LIVE).until(() -> onScreenText(robot).startsWith("Sponsors are paused until"));
        assertThat(services.overlayStatus().pausedUntil()).isPresent();
        robot.clickOn("#resume-ads");
        await().atMost(LIVE).until(() -> services.overlayStatus().pausedUntil().isEmpty());

        TextField seconds = robot.lookup("#rotation-seconds").queryAs(TextField.class);
        replaceText(robot, seconds, "0");
        robot.clickOn("#apply-rotation");
        assertThat(onFx(() -> robot.lookup("#rotation-message").queryAs(Label.class).getText()))
                .isEqualTo("Time on screen must be a whole number of seconds from 1 to 600.");
        replaceText(robot, seconds, "45");
        robot.clickOn("#apply-rotation");
        await().atMost(LIVE).until(() -> onFx(() -> robot.lookup("#rotation-message").queryAs(Label.class).getText())
                .startsWith("Applied"));
        assertThat(services.overlayStatus().rotation().displayDuration()).isEqualTo(Duration.ofSeconds(45));
        assertThat(Files.readString(dataDir.resolve(AppSettings.FILE_NAME))).contains("rotation.displaySeconds=45");

        TextField perDay = robot.lookup("#rotation-daily-limit").queryAs(TextField.class);
        assertThat(onFx(() -> perDay.getText())).as("no limit until set").isEqualTo("0");
        replaceText(robot, perDay, "twice");
        robot.clickOn("#apply-rotation");
        assertThat(onFx(() -> robot.lookup("#rotation-message").queryAs(Label.class).getText()))
                .isEqualTo("Showings per sponsor a day must be a whole number from 0 (no limit) to 1000.");
        assertThat(services.overlayStatus().rotation().dailyShowingsPerSponsor()).isZero();
        replaceText(robot, perDay, "3");
        robot.clickOn("#apply-rotation");
        await().atMost(LIVE).until(() -> services.overlayStatus().rotation().dailyShowingsPerSponsor() == 3);
        await().atMost(LIVE).until(() -> Files.readString(dataDir.resolve(AppSettings.FILE_NAME))
                .contains("rotation.dailyShowingsPerSponsor=3"));

        CheckBox onOverlay = robot.lookup("#rotation-countdown-on-overlay").queryAs(CheckBox.class);
        assertThat(onFx(onOverlay::isSelected)).as("off until ticked").isFalse();
        robot.clickOn(onOverlay);
        robot.clickOn("#apply-rotation");
        await().atMost(LIVE).until(() -> services.overlayStatus().rotation().countdownOnOverlay());
        await().atMost(LIVE).until(() -> Files.readString(dataDir.resolve(AppSettings.FILE_NAME))
                .contains("rotation.countdownOnOverlay=true"));
    }

    @Test
    void closingTheWindowMidStreamKeepsTheOverlayOnAirAndASecondStartBringsItBack(FxRobot robot) throws Exception {
        campaignsTable(robot);
        HttpClient http = HttpClient.newHttpClient();
        URI overlay = URI.create(services.obsOverlayUrl());
        assertThat(http.send(HttpRequest.newBuilder(overlay).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(200);

        requestClose();
        await().atMost(LIVE).until(() -> robot.lookup("#keep-running-dialog").tryQuery().isPresent());
        robot.clickOn("#remember-close-choice");
        robot.clickOn("Keep running");

        await().atMost(LIVE).until(() -> !onFx(stage::isShowing));
        assertThat(http.send(HttpRequest.newBuilder(overlay).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .as("the overlay still answers OBS").isEqualTo(200);
        assertThat(services.trackingStatus().online()).as("the tracker still runs").isTrue();
        await().atMost(LIVE).until(() -> Files.exists(dataDir.resolve(AppSettings.FILE_NAME))
                && Files.readString(dataDir.resolve(AppSettings.FILE_NAME)).contains("whenWindowCloses=keep-running"));

        SingleInstance.Claim claim = SingleInstance.claim(dataDir);
        assertThat(claim).isInstanceOf(SingleInstance.Claimed.class);
        try (SingleInstance instance = ((SingleInstance.Claimed) claim).instance()) {
            // As DesktopApp answers a second start.
            instance.listen(() -> {
                Platform.runLater(window::showFromBackground);
                return DesktopApp.SHOWN;
            });
            try (ChildApp again = ChildApp.start("--data-dir", dataDir.toString())) {
                assertThat(again.awaitLine(Pattern.compile("(.+)"), LIVE))
                        .isEqualTo(DesktopApp.SHOWN);
                assertThat(again.awaitExit(LIVE)).isZero();
            }
            await().atMost(LIVE).until(() -> onFx(stage::isShowing));
        }

        // Kept: the next close hides the window without asking.
        requestClose();
        await().atMost(LIVE).until(() -> !onFx(stage::isShowing));
        assertThat(robot.lookup("#keep-running-dialog").tryQuery()).isEmpty();
        assertThat(http.send(HttpRequest.newBuilder(overlay).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(200);
    }

    /** As the window's close button does; not waited for, since the question it asks waits for an answer. */
    private void requestClose() {
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
    }

    private static void replaceText(FxRobot robot, TextField field, String text) throws Exception {
        robot.clickOn(field);
        onFx(() -> {
            field.clear();
            return null;
        });
        robot.write(text);
    }

    private static String detailMessage(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup("#detail-message").queryAs(Label.class).getText());
    }

    private static String onScreenText(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup("#overlay-on-screen").queryAs(Label.class).getText());
    }

    /** The sponsors table, once the services have started behind the window. */
    private static TableView<Row> campaignsTable(FxRobot robot) {
        await().atMost(LIVE).until(() -> robot.lookup("#campaigns").tryQuery().isPresent());
        return robot.lookup("#campaigns").queryTableView();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
