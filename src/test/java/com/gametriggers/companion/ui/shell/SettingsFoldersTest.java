package com.gametriggers.companion.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.gametriggers.companion.ui.Background;
import com.gametriggers.companion.ui.RecordingOpener;
import com.gametriggers.companion.ui.settings.SettingsView;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/** Settings' Open data folder and Open log folder, driven headless by TestFX. */
@ExtendWith(ApplicationExtension.class)
class SettingsFoldersTest {

    private static final Duration LIVE = Duration.ofSeconds(10);

    private final Path dataDir;
    private final RecordingOpener opener = new RecordingOpener();

    SettingsFoldersTest(@TempDir Path dataDir) {
        this.dataDir = dataDir;
    }

    @Start
    void start(Stage stage) {
        SettingsView settings = new SettingsView(new InMemorySettings(dataDir), new Background(failure -> { }), opener,
                StoreBackedSession::noConnectionTest, theme -> { });
        stage.setScene(new Scene(settings, 1000, 700));
        stage.show();
    }

    @Test
    void theButtonsOpenTheDataFolderAndTheLogFolder(FxRobot robot) {
        robot.clickOn("Open data folder");
        await().atMost(LIVE).until(() -> opener.folders().equals(List.of(dataDir)));

        robot.clickOn("Open log folder");
        await().atMost(LIVE).until(() -> opener.folders().equals(List.of(dataDir, dataDir.resolve("logs"))));
    }

    @Test
    void aFolderTheSystemCannotOpenShowsAsTextToCopy(FxRobot robot) throws Exception {
        opener.failing();
        assertThat(onFx(() -> robot.lookup("#open-data-folder-place").query().isVisible())).isFalse();

        robot.clickOn("#open-data-folder-button");

        await().atMost(LIVE).until(() -> onFx(() -> robot.lookup("#open-data-folder-place").query().isVisible()));
        TextField place = robot.lookup("#open-data-folder-place").queryAs(TextField.class);
        assertThat(onFx(() -> place.getText())).isEqualTo(dataDir.toString());
        assertThat(onFx(() -> place.isEditable())).isFalse();
        assertThat(onFx(() -> robot.lookup("#open-data-folder-fallback").queryAs(Label.class).getText()))
                .isEqualTo("The folder could not be opened from here; copy its place:");
        assertThat(onFx(() -> robot.lookup("#open-log-folder-place").query().isVisible())).isFalse();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
