package com.gametriggers.companion.ui.shell;

import java.util.Optional;

import com.gametriggers.companion.ui.WhenWindowCloses;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asked when the window closes on a desktop without a tray: nothing else would show that the overlay still runs, and
 * a streamer who closes the window mid-stream must not take the sponsors off air by surprise.
 */
final class KeepRunningDialog {

    /** The streamer's answer, and whether to keep it for the next time. */
    record Answer(WhenWindowCloses choice, boolean remember) {
    }

    static final ButtonType KEEP_RUNNING = new ButtonType("Keep running", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType QUIT = new ButtonType("Quit", ButtonBar.ButtonData.OTHER);

    private KeepRunningDialog() {
    }

    /** Empty when the streamer dismissed the question: the window then stays open. */
    static Optional<Answer> ask(Window owner) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", KEEP_RUNNING, QUIT, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Keep the overlay running?");
        alert.setHeaderText("Keep your sponsors on stream after the window closes?");
        Label text = new Label("Keep running: the overlay, the tracking links and the chat commands carry on, and every "
                + "count is kept. Start GameTriggers Companion again to bring this window back.\n\n"
                + "Quit: sponsors leave the stream and nothing is counted until the next start.");
        text.setWrapText(true);
        text.setMaxWidth(460);
        CheckBox remember = new CheckBox("Do not ask again (Settings can change it)");
        remember.setId("remember-close-choice");
        alert.getDialogPane().setContent(new VBox(16, text, remember));
        alert.getDialogPane().setGraphic(null);
        alert.getDialogPane().setId("keep-running-dialog");
        return alert.showAndWait().filter(button -> button != ButtonType.CANCEL)
                .map(button -> new Answer(button == QUIT ? WhenWindowCloses.QUIT : WhenWindowCloses.KEEP_RUNNING,
                        remember.isSelected()));
    }
}
