package com.gametriggers.companion.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.gametriggers.companion.concurrent.NamedThreads;
import com.gametriggers.companion.concurrent.UncaughtFailures;
import com.gametriggers.companion.store.StoreException;
import com.gametriggers.companion.ui.RecordingOpener;
import com.gametriggers.companion.ui.TestSystems;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;

/**
 * A failure no code caught, on the FX thread or another of the app's threads, as DesktopApp hands it on: the detail
 * in the log, one sentence and Open log folder in the window, no stack trace on screen.
 */
@ExtendWith(ApplicationExtension.class)
class UncaughtFailureWindowTest {

    private static final Duration LIVE = Duration.ofSeconds(10);
    private static final String SENTENCE = "Something went wrong inside the app; the log has the details for a bug report.";

    private final Path dataDir;
    private final RecordingOpener opener = new RecordingOpener();
    private final Logger logger = (Logger) LoggerFactory.getLogger(UncaughtFailures.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private MainWindow window;
    private UncaughtFailures handler;
    private Thread.UncaughtExceptionHandler fxHandlerBefore;
    private Thread.UncaughtExceptionHandler defaultBefore;

    UncaughtFailureWindowTest(@TempDir Path dataDir) {
        this.dataDir = dataDir;
        logged.start();
        logger.addAppender(logged);
        // Captured, not printed: the failures caused on purpose would read like real ones in the build log.
        logger.setAdditive(false);
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(() -> {
            throw new StoreException("The store is not there today.", null);
        }, new InMemorySettings(dataDir), new ScriptedTwitch(), new OkHttpClient(), StoreBackedSession::noConnectionTest,
                TestSystems.developmentRun(opener), () -> { });
        window.show(stage);
        handler = new UncaughtFailures(thread -> Platform.runLater(window::unexpectedFailure));
        fxHandlerBefore = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler(handler);
        defaultBefore = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(handler);
    }

    @AfterEach
    void restore() throws Exception {
        onFx(() -> {
            Thread.currentThread().setUncaughtExceptionHandler(fxHandlerBefore);
            return null;
        });
        Thread.setDefaultUncaughtExceptionHandler(defaultBefore);
        logger.detachAppender(logged);
        logger.setAdditive(true);
    }

    @Test
    void aFailureOnTheFxThreadIsOneSentenceWithOpenLogFolderAndItsDetailIsLogged(FxRobot robot) throws Exception {
        Platform.runLater(() -> {
            throw new IllegalStateException("row 7 has no campaign");
        });

        await().atMost(LIVE).until(() -> SENTENCE.equals(onFx(() -> robot.lookup("#message").queryAs(Label.class).getText())));
        assertThat(onFx(() -> robot.lookup("#open-log-folder-notice").query().isVisible())).isTrue();
        assertThat(robot.lookup(node -> node instanceof Label label && label.getText() != null
                && label.getText().contains("IllegalStateException")).tryQuery()).as("no exception on screen").isEmpty();
        List<ILoggingEvent> errors = List.copyOf(logged.list);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getFormattedMessage()).contains("JavaFX Application Thread");
        assertThat(errors.get(0).getThrowableProxy().getMessage()).isEqualTo("row 7 has no campaign");
        assertThat(errors.get(0).getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();

        robot.clickOn("#open-log-folder-notice-button");
        await().atMost(LIVE).until(() -> opener.folders().equals(List.of(dataDir.resolve("logs"))));
    }

    @Test
    void aFailureOnAnotherThreadOfTheAppReachesTheWindowToo(FxRobot robot) throws Exception {
        NamedThreads.start("overlay-rotation", () -> {
            throw new IllegalArgumentException("no sponsor");
        }).join();

        await().atMost(LIVE).until(() -> SENTENCE.equals(onFx(() -> robot.lookup("#message").queryAs(Label.class).getText())));
        assertThat(List.copyOf(logged.list)).singleElement()
                .satisfies(event -> assertThat(event.getFormattedMessage()).contains("overlay-rotation"));
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
