package com.gametriggers.companion.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.gametriggers.companion.overlay.rotation.SkipOutcome;
import com.gametriggers.companion.ui.AppSession;
import com.gametriggers.companion.ui.Background;
import com.gametriggers.companion.ui.RecordingOpener;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;

/** The status bar's warning before a sponsor and its two buttons, driven headless by TestFX. */
@ExtendWith(ApplicationExtension.class)
class CountdownControlsTest {

    private static final Duration LIVE = Duration.ofSeconds(10);
    private static final String SKIPPED = "Skipped Echo Gear; the next sponsor comes at 18:07:00.";

    private final Path dataDir;
    /** What the buttons asked of the app, in order. */
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final AppSession session = recordingSession();
    private StatusBar bar;

    CountdownControlsTest(@TempDir Path dataDir) {
        this.dataDir = dataDir;
    }

    @Start
    void start(Stage stage) {
        bar = new StatusBar(new InMemorySettings(dataDir), new OkHttpClient(), new Background(failure -> { }),
                new RecordingOpener());
        stage.setScene(new Scene(new BorderPane(null, null, null, bar.view(), null), 1280, 200));
        stage.show();
    }

    @Test
    void skipThisOneSkipsOnceAndSaysWhatItDid(FxRobot robot) throws Exception {
        onFx(() -> bar.showCountdown(Optional.of("Echo Gear in 7 s"), session));
        assertThat(onFx(() -> robot.lookup("#sponsor-countdown").queryAs(Label.class).getText()))
                .isEqualTo("Echo Gear in 7 s");
        assertThat(onFx(() -> robot.lookup("#skip-sponsor").queryButton().isVisible())).isTrue();

        robot.clickOn("#skip-sponsor");

        await().atMost(LIVE).until(() -> onFx(() -> robot.lookup("#message").queryAs(Label.class).getText()),
                SKIPPED::equals);
        assertThat(asked).containsExactly("skip");
        assertThat(onFx(() -> robot.lookup("#skip-sponsor").query().getParent().isVisible()))
                .as("gone at once, so a second click cannot skip the one after").isFalse();
    }

    @Test
    void pauseAdsPausesForFifteenMinutes(FxRobot robot) throws Exception {
        onFx(() -> bar.showCountdown(Optional.of("Echo Gear in 4 s"), session));
        robot.clickOn("#pause-ads-countdown");

        await().atMost(LIVE).until(() -> asked.contains("pause PT15M"));
        await().atMost(LIVE).until(() -> onFx(() -> robot.lookup("#message").queryAs(Label.class).getText()),
                text -> text.startsWith("Ads paused for 15 minutes"));
    }

    @Test
    void noWarningTakesNoRoom(FxRobot robot) throws Exception {
        onFx(() -> bar.showCountdown(Optional.empty(), session));
        assertThat(onFx(() -> robot.lookup("#sponsor-countdown").query().getParent().isManaged())).isFalse();
    }

    private AppSession recordingSession() {
        return (AppSession) Proxy.newProxyInstance(AppSession.class.getClassLoader(), new Class<?>[] {AppSession.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "skipNextSponsor" -> {
                        asked.add("skip");
                        yield new SkipOutcome(true, SKIPPED);
                    }
                    case "pauseAds" -> {
                        asked.add("pause " + args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static void onFx(Runnable action) throws Exception {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
