package com.gametriggers.companion.ui.settings;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import com.gametriggers.companion.autostart.StartWithComputer;
import com.gametriggers.companion.ui.Background;
import com.gametriggers.companion.ui.Failures;
import com.gametriggers.companion.ui.FieldLabels;
import com.gametriggers.companion.ui.OpenControl;
import com.gametriggers.companion.ui.OperatingSystem;
import com.gametriggers.companion.ui.SavedSettings;
import com.gametriggers.companion.ui.WhenWindowCloses;
import com.gametriggers.companion.ui.settings.SettingsViewModel.Field;
import com.gametriggers.companion.ui.settings.SettingsViewModel.Values;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The settings form over {@link SettingsViewModel}: one sentence under each field that cannot be used, a MongoDB
 * connection test, and Save, which keeps the values in the settings file. The theme changes at once; the store, the
 * port and Twitch at the next start, which the view says. It works without the services, so a store that failed to
 * start can be fixed here.
 */
public final class SettingsView extends ScrollPane {

    private final SettingsViewModel model;
    private final SavedSettings saved;
    private final Background background;
    private final Consumer<String> themeChanged;
    private final Map<Field, Label> errors = new EnumMap<>(Field.class);
    private final TextField mongoUri = new TextField();
    private final TextField overlayPort = new TextField();
    private final TextField publicTrackingUrl = new TextField();
    private final TextField twitchClientId = new TextField();
    private final TextField disclosureTags = new TextField();
    private final ComboBox<String> theme = new ComboBox<>();
    private final Label connection = new Label();
    private final Label message = new Label();
    private final Button saveButton = new Button("Save", new FontIcon(Feather.SAVE));
    private final Button revert = new Button("Undo changes");

    /**
     * @param system       opens the data and log folders; starts the app with the computer
     * @param storeOpener  opens a store at a MongoDB address, for the connection test; runs off the FX thread
     * @param themeChanged applies a theme ({@value SettingsViewModel#DARK} or {@value SettingsViewModel#LIGHT})
     * @param extra        more settings sections to show side by side below the form (public links and Twitch, OBS)
     */
    public SettingsView(SavedSettings saved, Background background, OperatingSystem system,
                        Function<String, ? extends AutoCloseable> storeOpener, Consumer<String> themeChanged,
                        Node... extra) {
        this.saved = saved;
        this.background = background;
        this.themeChanged = themeChanged;
        this.model = new SettingsViewModel(saved.form());
        setId("settings-view");
        setFitToWidth(true);

        mongoUri.setId("mongo-uri");
        mongoUri.setPromptText("empty: the app's own store in the data folder");
        overlayPort.setId("overlay-port");
        publicTrackingUrl.setId("public-tracking-url");
        publicTrackingUrl.setPromptText("empty: links work on this computer only");
        twitchClientId.setId("twitch-client-id");
        twitchClientId.setPromptText("empty: chat and viewer counts stay off");
        disclosureTags.setId("disclosure-tags");
        disclosureTags.setPromptText("#ad, #sponsored");
        disclosureTags.setPrefColumnCount(14);
        theme.setId("theme");
        theme.getItems().setAll(SettingsViewModel.DARK, SettingsViewModel.LIGHT);
        connection.setId("connection-result");
        message.setId("settings-message");
        saveButton.setId("save-settings");
        revert.setId("revert-settings");
        connection.setWrapText(true);
        message.setWrapText(true);

        Button test = new Button("Test connection", new FontIcon(Feather.ACTIVITY));
        test.setId("test-connection");
        test.setMinWidth(USE_PREF_SIZE);
        test.setOnAction(event -> testConnection(storeOpener));
        HBox.setHgrow(mongoUri, Priority.ALWAYS);
        HBox mongoRow = new HBox(8, mongoUri, test);
        mongoRow.setAlignment(Pos.CENTER_LEFT);

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(4);
        int row = 0;
        row = addField(form, row, "MongoDB address", mongoRow, mongoUri, Field.MONGO_URI, connection);
        row = addField(form, row, "Overlay port", overlayPort, overlayPort, Field.OVERLAY_PORT, null);
        row = addField(form, row, "Public tracking URL", publicTrackingUrl, publicTrackingUrl, Field.PUBLIC_TRACKING_URL, null);
        // The tags share the client id's line, for the same reason as the choices below.
        HBox.setHgrow(twitchClientId, Priority.ALWAYS);
        HBox twitchRow = new HBox(12, twitchClientId,
                FieldLabels.forField("Disclosure tags in the title", disclosureTags), disclosureTags);
        twitchRow.setAlignment(Pos.CENTER_LEFT);
        row = addField(form, row, "Twitch client id", twitchRow, twitchClientId, Field.TWITCH_CLIENT_ID, null);
        form.add(errorLabel(Field.DISCLOSURE_TAGS), 1, row++);
        // Choices share lines: one more row would push the OBS form below off a 720-pixel-high screen.
        HBox themeRow = new HBox(24, theme, updatesChoice());
        themeRow.setAlignment(Pos.CENTER_LEFT);
        row = addField(form, row, "Theme", themeRow, theme, Field.THEME, null);
        ComboBox<WhenWindowCloses> whenClosed = whenClosedChoice();
        whenClosed.setMinWidth(USE_PREF_SIZE);
        HBox runs = new HBox(24, whenClosed, startWithComputer(system.startWithComputer()));
        runs.setAlignment(Pos.CENTER_LEFT);
        row = addField(form, row, "When the window closes", runs, whenClosed, null, null);
        Label folder = new Label(saved.dataFolder().toString());
        folder.setId("data-folder");
        folder.setWrapText(true);
        // One line with its buttons: the OBS form below Settings must stay whole on a 720-pixel-high screen.
        HBox folders = new HBox(16, folder,
                OpenControl.folderLink(system.opener(), "open-data-folder", "Open data folder", saved.dataFolder()),
                OpenControl.folderLink(system.opener(), "open-log-folder", "Open log folder", saved.logFolder()));
        folders.setAlignment(Pos.TOP_LEFT);
        addField(form, row, "Data folder", folders, null, null, null);
        GridPane.setHgrow(mongoRow, Priority.ALWAYS);

        saveButton.setDefaultButton(true);
        saveButton.setOnAction(event -> saveForm());
        revert.setOnAction(event -> showValues(saved.form()));
        HBox buttons = new HBox(8, saveButton, revert);

        Label title = new Label("Settings");
        title.getStyleClass().add("title-3");
        VBox content = new VBox(16, title, form, buttons, message);
        HBox more = new HBox(40, extra);
        content.getChildren().add(more);
        content.setPadding(new Insets(16));
        content.setMaxWidth(900);
        setContent(content);

        bind(mongoUri, model::setMongoUriText);
        bind(overlayPort, model::setOverlayPortText);
        bind(publicTrackingUrl, model::setPublicTrackingUrlText);
        bind(twitchClientId, model::setTwitchClientIdText);
        bind(disclosureTags, model::setDisclosureTagsText);
        theme.valueProperty().addListener((observable, old, value) -> {
            if (value != null) {
                model.setTheme(value);
            }
        });
        model.addListener(this::showErrors);
        showValues(saved.form());
    }

    /**
     * Kept at once, like the window's place: it is not a setting of the services, and a streamer who picks "Quit"
     * expects the next close to quit.
     */
    private ComboBox<WhenWindowCloses> whenClosedChoice() {
        ComboBox<WhenWindowCloses> choice = new ComboBox<>();
        choice.setId("when-closed");
        choice.getItems().setAll(WhenWindowCloses.values());
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(WhenWindowCloses value) {
                return value == null ? "" : switch (value) {
                    case ASK -> "Ask (where there is no tray icon)";
                    case KEEP_RUNNING -> "Keep the overlay running in the background";
                    case QUIT -> "Quit";
                };
            }

            @Override
            public WhenWindowCloses fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        choice.setValue(saved.whenClosed());
        choice.valueProperty().addListener((observable, old, value) -> background.run(() -> {
            saved.rememberWhenClosed(value);
            return value;
        }, kept -> message.setText("Saved.")));
        return choice;
    }

    /**
     * Kept at once, like the choice above: the login entry is written or removed as the box changes, and the setting
     * is saved only once that worked. Where there is no installed launcher to start, the box says why it is off.
     */
    private Node startWithComputer(StartWithComputer startup) {
        CheckBox box = new CheckBox("Start with the computer");
        box.setId("start-with-computer");
        box.setMinWidth(USE_PREF_SIZE);
        box.setSelected(saved.startWithComputer());
        Label note = new Label();
        note.setId("start-with-computer-note");
        note.setWrapText(true);
        note.managedProperty().bind(note.visibleProperty());
        Optional<String> unavailable = startup.unavailable();
        note.setText(unavailable.orElse(""));
        note.setVisible(unavailable.isPresent());
        box.setDisable(unavailable.isPresent());
        box.setOnAction(event -> {
            boolean on = box.isSelected();
            box.setDisable(true);
            background.run(() -> {
                startup.set(on);
                saved.rememberStartWithComputer(on);
                return on;
            }, kept -> {
                box.setDisable(false);
                message.setText(kept ? "Saved. The app starts in the background when you log in; the tray icon opens "
                        + "the window." : "Saved. The app no longer starts with the computer.");
            }, failure -> {
                box.setDisable(false);
                box.setSelected(!on);
                message.setText("Starting with the computer could not be changed. "
                        + (failure instanceof IOException ? failure.getMessage() : Failures.sentence(failure)));
            });
        });
        HBox line = new HBox(12, box, note);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    /**
     * Kept at once, like the choice above. The app only tells of a newer version and links to its download page; it
     * never downloads or installs one.
     */
    private CheckBox updatesChoice() {
        CheckBox choice = new CheckBox("Tell me when a newer version is out (looks once a day)");
        choice.setId("check-for-updates");
        choice.setSelected(saved.checksForUpdates());
        choice.selectedProperty().addListener((observable, old, on) -> background.run(() -> {
            saved.rememberChecksForUpdates(on);
            return on;
        }, kept -> message.setText("Saved.")));
        return choice;
    }

    private int addField(GridPane form, int row, String title, Node shown, Node labelled, Field field, Label below) {
        form.addRow(row++, FieldLabels.forField(title, labelled), shown);
        GridPane.setHgrow(shown, Priority.ALWAYS);
        if (field != null) {
            form.add(errorLabel(field), 1, row++);
        }
        if (below != null) {
            form.add(below, 1, row++);
        }
        return row;
    }

    /** The field's error line, hidden (and taking no room) until the field is wrong. */
    private Label errorLabel(Field field) {
        Label error = new Label();
        error.setId("error-" + field.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        error.setVisible(false);
        errors.put(field, error);
        return error;
    }

    private static void bind(TextInputControl field, Consumer<String> setter) {
        field.textProperty().addListener((observable, old, text) -> setter.accept(text));
    }

    private void showValues(Values values) {
        model.reset(values);
        mongoUri.setText(model.mongoUriText());
        overlayPort.setText(model.overlayPortText());
        publicTrackingUrl.setText(model.publicTrackingUrlText());
        twitchClientId.setText(model.twitchClientIdText());
        disclosureTags.setText(model.disclosureTagsText());
        theme.setValue(model.theme());
        // Filling the fields went through the setters; start again from the values, so nothing reads as changed.
        model.reset(values);
    }

    private void showErrors() {
        errors.forEach((field, label) -> {
            Optional<String> error = model.error(field);
            label.setText(error.orElse(""));
            label.setVisible(error.isPresent());
        });
        revert.setDisable(!model.hasChanges());
    }

    private void testConnection(Function<String, ? extends AutoCloseable> storeOpener) {
        connection.setText("Connecting…");
        Executor work = command -> background.run(() -> {
            command.run();
            return null;
        }, ignored -> { });
        model.testConnection(work, storeOpener)
                .thenAccept(sentence -> Platform.runLater(() -> connection.setText(sentence)));
    }

    private void saveForm() {
        Optional<Values> values = model.values();
        if (values.isEmpty()) {
            message.setText("Some settings cannot be used yet; the sentences under them say why.");
            return;
        }
        Values before = saved.form();
        Values after = values.get();
        saveButton.setDisable(true);
        background.run(() -> {
            saved.changeForm(after);
            return after;
        }, kept -> {
            saveButton.setDisable(false);
            showValues(kept);
            themeChanged.accept(kept.theme());
            message.setText(SettingsViewModel.savedSentence(before, kept));
        }, failure -> {
            saveButton.setDisable(false);
            message.setText("The settings could not be saved. " + Failures.sentence(failure));
        });
    }
}
