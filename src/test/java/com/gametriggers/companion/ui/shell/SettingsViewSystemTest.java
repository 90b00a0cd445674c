package com.gametriggers.companion.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
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
import com.gametriggers.companion.ui.OperatingSystem;
import com.gametriggers.companion.ui.RecordingOpener;
import com.gametriggers.companion.ui.TestSystems;
import com.gametriggers.companion.ui.settings.SettingsView;

import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/** What Settings asks of the operating system: open the data and log folders, start with the computer. */
@ExtendWith(ApplicationExtension.class)
class SettingsViewSystemTest {

    private static final Duration LIVE = Duration.ofSeconds(10);
    private static final Path LAUNCHER = Path.of("/opt/gametriggers-companion/bin/GameTriggers Companion");

    private final Path dataDir;
    private final Path home;
    private final RecordingOpener opener = new RecordingOpener();
    private final InMemorySettings saved;

    SettingsViewSystemTest(@TempDir Path dataDir) {
        this.dataDir = dataDir;
        this.home = dataDir.resolve("home");
        this.saved = new InMemorySettings(dataDir);
    }

    @Start
    void start(Stage stage) {
        show(stage, TestSystems.installedOnLinux(opener, home, LAUNCHER));
    }

    private void show(Stage stage, OperatingSystem system) {
        SettingsView settings = new SettingsView(saved, new Background(failure -> { }), system,
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

    @Test
    void startWithTheComputerIsOffUntilTickedThenWritesTheAutostartEntryAndRemovesItAgain(FxRobot robot)
            throws Exception {
        Path entry = home.resolve(".config/autostart/gametriggers-companion.desktop");
        CheckBox box = robot.lookup("#start-with-computer").queryAs(CheckBox.class);
        assertThat(onFx(() -> box.isSelected())).isFalse();
        assertThat(onFx(() -> box.isDisabled())).isFalse();
        assertThat(onFx(() -> robot.lookup("#start-with-computer-note").query().isVisible())).isFalse();

        robot.clickOn("#start-with-computer");

        await().atMost(LIVE).until(saved::startWithComputer);
        assertThat(Files.readAllLines(entry))
                .contains("Exec=\"/opt/gametriggers-companion/bin/GameTriggers Companion\" --background");
        await().atMost(LIVE).until(() -> onFx(() -> robot.lookup("#settings-message").queryAs(Label.class).getText())
                .startsWith("Saved. The app starts in the background when you log in"));

        robot.clickOn("#start-with-computer");

        await().atMost(LIVE).until(() -> !saved.startWithComputer());
        assertThat(entry).doesNotExist();
    }

    @Test
    void aDevelopmentRunSaysStartingWithTheComputerNeedsTheInstalledApp(FxRobot robot) throws Exception {
        Stage second = WaitForAsyncUtils.asyncFx(() -> {
            Stage stage = new Stage();
            show(stage, TestSystems.developmentRun(opener));
            return stage;
        }).get();

        await().atMost(LIVE).until(() -> robot.lookup("#start-with-computer-note").queryAll().size() == 2);
        List<Label> notes = robot.lookup("#start-with-computer-note").queryAllAs(Label.class).stream()
                .filter(note -> !note.getText().isEmpty()).toList();
        assertThat(notes).hasSize(1);
        assertThat(onFx(() -> notes.get(0).getText())).isEqualTo("Only in the installed app.");
        assertThat(onFx(() -> robot.lookup("#start-with-computer").queryAllAs(CheckBox.class).stream()
                .filter(CheckBox::isDisabled).count())).isEqualTo(1);
        WaitForAsyncUtils.asyncFx(second::close).get();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
