package com.gametriggers.companion.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.gametriggers.companion.twitch.DisclosureCheck;
import com.gametriggers.companion.twitch.DisclosureWarning;
import com.gametriggers.companion.ui.Background;
import com.gametriggers.companion.ui.RecordingOpener;

import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;

/** The status bar's message line beside the OBS URL, driven headless by TestFX. */
@ExtendWith(ApplicationExtension.class)
class StatusBarTest {

    private static final Duration LIVE = Duration.ofSeconds(10);
    private static final String OBS_URL = "http://127.0.0.1:17730/rotation/0123456789abcdef0123456789abcdef";

    private final Path dataDir;
    private final RecordingOpener opener = new RecordingOpener();
    private StatusBar bar;

    StatusBarTest(@TempDir Path dataDir) {
        this.dataDir = dataDir;
    }

    @Start
    void start(Stage stage) {
        bar = new StatusBar(new InMemorySettings(dataDir), new OkHttpClient(), new Background(failure -> { }), opener);
        bar.started("mongodb://127.0.0.1:27017", true, List.of(), Optional.empty(), OBS_URL);
        stage.setScene(new Scene(new BorderPane(null, null, null, bar.view(), null), 1280, 200));
        stage.show();
    }

    @Test
    void aLongMessageIsCutAndShownWholeInItsTooltipWhileTheObsUrlStaysReadable(FxRobot robot) throws Exception {
        String start = "OBS could not create the Browser Source \"GameTriggers Overlay\": ";
        String longMessage = start + "x".repeat(300 - start.length() - 1) + ".";
        assertThat(longMessage).hasSize(300);

        onFx(() -> {
            bar.message(longMessage);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        TextField url = robot.lookup("#overlay-url").queryAs(TextField.class);
        Label message = robot.lookup("#message").queryAs(Label.class);
        assertThat(onFx(() -> url.getWidth())).isGreaterThanOrEqualTo(StatusBar.URL_MIN_WIDTH);
        Bounds onScene = onFx(() -> url.localToScene(url.getBoundsInLocal()));
        assertThat(onScene.getMaxX()).isLessThanOrEqualTo(1280);
        assertThat(onFx(() -> url.getText())).isEqualTo(OBS_URL);
        assertThat(onFx(() -> message.getText())).isEqualTo(longMessage);
        assertThat(onFx(() -> message.getTooltip().getText())).isEqualTo(longMessage);
        assertThat(onFx(() -> message.getWidth())).as("cut, not the whole line").isLessThan(1280 - StatusBar.URL_MIN_WIDTH);
        assertThat(onFx(() -> robot.lookup("#add-to-obs").queryButton().isVisible())).isTrue();
    }

    @Test
    void theBrandedContentOfferAppearsWhileUndisclosedAndAClickTurnsTheLabelOn(FxRobot robot) throws Exception {
        AtomicInteger asked = new AtomicInteger();
        Callable<String> twitch = () -> {
            asked.incrementAndGet();
            return DisclosureCheck.TURNED_ON;
        };
        Button offer = robot.lookup("#turn-on-branded-content").queryButton();
        assertThat(onFx(() -> offer.isVisible())).isFalse();

        onFx(() -> {
            bar.offerDisclosure(Optional.of(new DisclosureWarning(Instant.parse("2030-05-01T12:00:00Z"),
                    "Your stream shows sponsors but does not disclose them.")), twitch);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> offer.isVisible())).isTrue();
        assertThat(onFx(() -> offer.getText())).isEqualTo("Turn on Twitch's branded-content label");

        robot.clickOn(offer);

        Label message = robot.lookup("#message").queryAs(Label.class);
        await().atMost(LIVE).until(() -> onFx(() -> message.getText()).equals(DisclosureCheck.TURNED_ON));
        assertThat(onFx(() -> offer.isVisible())).isFalse();
        assertThat(asked).hasValue(1);
    }

    @Test
    void indexesThePlatformsMongoDbLacksAreCountedAndNamed(FxRobot robot) throws Exception {
        onFx(() -> {
            bar.started("mongodb+srv://streamer-1:****@cluster.example.net/gametriggers", false,
                    List.of("campaignparticipations.chatCommandKey_1", "participationdailystats.participationId_1_day_1"),
                    Optional.empty(), OBS_URL);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        Label store = robot.lookup("#store-status").queryAs(Label.class);
        assertThat(onFx(() -> store.getText())).isEqualTo(
                "Store: mongodb+srv://streamer-1:****@cluster.example.net/gametriggers · 2 indexes missing");
        assertThat(onFx(() -> store.getTooltip().getText())).contains("campaignparticipations.chatCommandKey_1, "
                + "participationdailystats.participationId_1_day_1", "--print-mongodb-setup");
    }

    @Test
    void aConnectedStreamerReadsWhomTheAppCountsForWithTheStoreOneHoverAway(FxRobot robot) throws Exception {
        onFx(() -> {
            bar.started("mongodb+srv://streamer-1:****@cluster.example.net/gametriggers", false,
                    List.of("campaignparticipations.chatCommandKey_1"), Optional.of("Alice"), OBS_URL);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        Label store = robot.lookup("#store-status").queryAs(Label.class);
        assertThat(onFx(() -> store.getText())).isEqualTo("Connected as Alice · 1 index missing");
        assertThat(onFx(() -> store.getTooltip().getText())).contains(
                "Store: mongodb+srv://streamer-1:****@cluster.example.net/gametriggers",
                "campaignparticipations.chatCommandKey_1");

        onFx(() -> {
            bar.started("mongodb://127.0.0.1:27017", true, List.of(), Optional.empty(), OBS_URL);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> store.getText())).isEqualTo("Store: embedded (mongodb://127.0.0.1:27017)");
        assertThat(onFx(() -> store.getTooltip())).as("nothing left from the connection").isNull();
    }

    @Test
    void anUnexpectedFailureIsOneSentenceWithTheWayToTheLog(FxRobot robot) throws Exception {
        assertThat(onFx(() -> robot.lookup("#open-log-folder-notice").query().isVisible())).isFalse();

        onFx(() -> {
            bar.unexpectedFailure();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(() -> robot.lookup("#message").queryAs(Label.class).getText())).isEqualTo(
                "Something went wrong inside the app; the log has the details for a bug report.");
        robot.clickOn("#open-log-folder-notice-button");
        await().atMost(LIVE).until(() -> opener.folders().contains(dataDir.resolve("logs")));

        onFx(() -> {
            bar.message("Copied.");
            return null;
        });
        assertThat(onFx(() -> robot.lookup("#open-log-folder-notice").query().isVisible()))
                .as("the button belongs to the failure's sentence").isFalse();
    }

    @Test
    void whereTheFolderCannotBeOpenedItsPlaceShowsAsText(FxRobot robot) throws Exception {
        opener.failing();
        onFx(() -> {
            bar.unexpectedFailure();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#open-log-folder-notice-button");

        await().atMost(LIVE).until(() -> onFx(() -> robot.lookup("#open-log-folder-notice-place").query().isVisible()));
        assertThat(onFx(() -> robot.lookup("#open-log-folder-notice-place").queryAs(TextField.class).getText()))
                .isEqualTo(dataDir.resolve("logs").toString());
        assertThat(onFx(() -> robot.lookup("#open-log-folder-notice-fallback").queryAs(Label.class).getText()))
                .isEqualTo("The folder could not be opened from here; copy its place:");
        assertThat(robot.lookup("#open-log-folder-notice-button").queryAs(Button.class)).isNotNull();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
