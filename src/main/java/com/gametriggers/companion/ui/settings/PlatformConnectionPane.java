package com.gametriggers.companion.ui.settings;

import java.util.Optional;

import org.kordamp.ikonli.feather.Feather;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.kordamp.ikonli.javafx.FontIcon;

import com.gametriggers.companion.ui.Background;
import com.gametriggers.companion.ui.PlatformConnection;
import com.gametriggers.companion.ui.PlatformConnection.Refused;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * "Connect to GameTriggers" in Settings: the streamer pastes the code the platform gave them and the app, after testing
 * it, counts for their own account at once. The code goes into a password field, as it carries the streamer's
 * password and Settings may be on stream; once kept it is never shown again.
 */
public final class PlatformConnectionPane extends VBox {

    private static final Logger log = LoggerFactory.getLogger(PlatformConnectionPane.class);

    private final PlatformConnection connection;
    private final Background background;
    private final Runnable switched;
    private final Label state = new Label();
    private final PasswordField code = new PasswordField();
    private final Button connect = new Button("Connect", new FontIcon(Feather.LINK));
    private final Button disconnect = new Button("Disconnect", new FontIcon(Feather.LOG_OUT));
    private final Label result = new Label();

    /**
     * @param background the window's store worker: the test and the move of the services queue with its other store
     *                   work, so no read of the window meets a store half switched
     * @param switched   runs on the FX thread once the services run on the new store
     */
    public PlatformConnectionPane(PlatformConnection connection, Background background, Runnable switched) {
        super(8);
        this.connection = connection;
        this.background = background;
        this.switched = switched;
        setId("platform-connection");
        Label title = new Label("GameTriggers account");
        title.getStyleClass().add("title-4");
        state.setId("platform-state");
        state.setWrapText(true);
        code.setId("connect-code");
        code.setPromptText("paste the connection code from GameTriggers");
        // As wide as the Twitch section below it: a wider column would squeeze the OBS form beside it.
        code.setPrefColumnCount(16);
        setPrefWidth(480);
        connect.setId("connect-platform");
        connect.setMinWidth(USE_PREF_SIZE);
        connect.setOnAction(event -> connect());
        code.setOnAction(event -> connect());
        disconnect.setId("disconnect-platform");
        disconnect.setMinWidth(USE_PREF_SIZE);
        disconnect.managedProperty().bind(disconnect.visibleProperty());
        disconnect.setOnAction(event -> disconnect());
        result.setId("connect-result");
        result.setWrapText(true);
        result.managedProperty().bind(result.visibleProperty());
        result.setVisible(false);
        HBox.setHgrow(code, Priority.ALWAYS);
        HBox row = new HBox(8, code, connect, disconnect);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, state, row, result);
        showState();
    }

    private void showState() {
        Optional<String> name = connection.connectedAs();
        state.setText(name.map(shown -> "Connected as " + shown + ": your campaigns and earnings are the platform's. "
                        + "A new code replaces this one.")
                .orElse("Not connected: the app keeps your campaigns in its own store. Paste the code your "
                        + "GameTriggers page gives you to see and count your real campaigns."));
        disconnect.setVisible(name.isPresent());
    }

    private void connect() {
        String pasted = code.getText();
        run("Testing the code and connecting…", () -> connection.connect(pasted));
    }

    private void disconnect() {
        run("Going back to the app's own store…", connection::disconnect);
    }

    private void run(String working, Work work) {
        connect.setDisable(true);
        disconnect.setDisable(true);
        show(working);
        background.run(work::run, sentence -> {
            code.clear();
            done(sentence);
            switched.run();
        }, failure -> {
            if (failure instanceof Refused) {
                done(failure.getMessage());
                return;
            }
            log.warn("Connecting failed", failure);
            done("The connection failed; logs/companion.log in the data folder has the details for a bug report.");
        });
    }

    private void done(String sentence) {
        connect.setDisable(false);
        disconnect.setDisable(false);
        showState();
        show(sentence);
    }

    private void show(String sentence) {
        result.setText(sentence);
        result.setVisible(true);
    }

    @FunctionalInterface
    private interface Work {
        String run() throws Refused;
    }
}
