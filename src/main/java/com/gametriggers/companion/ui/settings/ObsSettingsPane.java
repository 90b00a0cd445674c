package com.gametriggers.companion.ui.settings;

import java.util.Optional;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import com.gametriggers.companion.obs.ObsConnectionSettings;
import com.gametriggers.companion.ui.Background;
import com.gametriggers.companion.ui.FieldLabels;
import com.gametriggers.companion.ui.Failures;
import com.gametriggers.companion.ui.SavedSettings;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Where "Add to OBS" finds OBS's WebSocket server: host, port and password (never shown, only replaced). */
public final class ObsSettingsPane extends VBox {

    private final SavedSettings saved;
    private final Background background;
    private final TextField host = new TextField();
    private final TextField port = new TextField();
    private final PasswordField password = new PasswordField();
    private final Button forget = new Button("Forget password");
    private final Label message = new Label();

    public ObsSettingsPane(SavedSettings saved, Background background) {
        super(8);
        this.saved = saved;
        this.background = background;
        setId("obs-settings");
        Label title = new Label("OBS (for \"Add to OBS\")");
        title.getStyleClass().add("title-4");
        host.setId("obs-host");
        port.setId("obs-port");
        port.setPrefColumnCount(6);
        host.setPrefColumnCount(14);
        password.setPrefColumnCount(10);
        forget.setMinWidth(USE_PREF_SIZE);
        password.setId("obs-password");
        forget.setId("obs-forget-password");
        message.setId("obs-message");
        message.setWrapText(true);
        Button keep = new Button("Save OBS connection", new FontIcon(Feather.SAVE));
        keep.setId("obs-save");
        keep.setOnAction(event -> keep());
        forget.setOnAction(event -> forgetPassword());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        grid.addRow(0, FieldLabels.forField("Host", host), host);
        grid.addRow(1, FieldLabels.forField("Port", port), port);
        grid.addRow(2, FieldLabels.forField("Password", password), new HBox(8, password, forget));
        Label where = new Label("OBS shows these under Tools -> WebSocket Server Settings.");
        where.getStyleClass().add("text-muted");
        where.setWrapText(true);
        getChildren().addAll(title, where, grid, keep, message);
        show(saved.obsConnection());
    }

    private void show(ObsConnectionSettings obs) {
        host.setText(obs.host());
        port.setText(Integer.toString(obs.port()));
        password.clear();
        password.setPromptText(obs.password().isPresent() ? "stored; type to replace it" : "none");
        forget.setDisable(obs.password().isEmpty());
    }

    private void keep() {
        ObsSettingsForm.Result form = ObsSettingsForm.read(host.getText(), port.getText(), password.getText(),
                saved.obsConnection());
        if (form.problem().isPresent()) {
            message.setText(form.problem().get());
            return;
        }
        remember(form.settings().orElseThrow(), "Saved.");
    }

    private void forgetPassword() {
        remember(new ObsConnectionSettings(saved.obsConnection().host(), saved.obsConnection().port(), Optional.empty()),
                "The OBS password is forgotten.");
    }

    private void remember(ObsConnectionSettings obs, String sentence) {
        background.run(() -> {
            saved.rememberObsConnection(obs);
            return obs;
        }, kept -> {
            show(kept);
            message.setText(sentence);
        }, failure -> message.setText("The OBS connection could not be saved. " + Failures.sentence(failure)));
    }
}
