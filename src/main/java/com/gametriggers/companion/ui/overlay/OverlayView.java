package com.gametriggers.companion.ui.overlay;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import com.gametriggers.companion.overlay.OverlayStatus;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.ui.AppSession;
import com.gametriggers.companion.ui.Background;
import com.gametriggers.companion.ui.FieldLabels;
import com.gametriggers.companion.ui.SavedSettings;
import com.gametriggers.companion.ui.Section;
import com.gametriggers.companion.ui.overlay.OverlayViewModel.RotationForm;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.web.WebView;
import javafx.util.StringConverter;

/**
 * The overlay as OBS shows it, in a preview, with "show a sponsor now", "pause ads" and the rotation's pace. The
 * preview is a real page of the overlay server; without OBS around it, it counts nothing. It exists only while the
 * view is shown, because a browser engine costs memory and CPU the game and OBS need more.
 */
public final class OverlayView extends VBox implements Section {

    static final double PREVIEW_WIDTH = 640;
    static final double PREVIEW_HEIGHT = 360;
    /** The pauses offered, shortest first; the tray offers the first. */
    public static final List<Duration> PAUSES = List.of(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1));

    private final AppSession session;
    private final SavedSettings saved;
    private final Background background;
    private final StackPane preview = new StackPane();
    private final Label onScreen = new Label();
    private final Label stream = new Label();
    private final Label pages = new Label();
    private final Label creativeProblems = new Label();
    private final TextField secondsOnScreen = new TextField();
    private final TextField minutesBetween = new TextField();
    private final TextField minutesAfterLive = new TextField();
    private final TextField secondsWarning = new TextField();
    private final TextField showingsPerDay = new TextField();
    private final CheckBox countdownOnOverlay = new CheckBox("Show the countdown on the overlay too (viewers see it)");
    private final ComboBox<String> strategy = new ComboBox<>();
    private final Label rotationMessage = new Label();
    private WebView webView;
    private boolean loading;

    public OverlayView(AppSession session, SavedSettings saved, Background background) {
        super(16);
        this.session = session;
        this.saved = saved;
        this.background = background;
        setId("overlay-view");
        setPadding(new Insets(16));

        preview.setId("overlay-preview");
        preview.setPrefSize(PREVIEW_WIDTH, PREVIEW_HEIGHT);
        preview.setMaxSize(PREVIEW_WIDTH, PREVIEW_HEIGHT);
        preview.setMinSize(PREVIEW_WIDTH, PREVIEW_HEIGHT);
        // A stand-in for the game behind the overlay, so the transparent page reads as it will on stream.
        preview.setStyle("-fx-background-color: linear-gradient(to bottom right, #1b2a41, #3a1c4a);"
                + " -fx-border-color: -color-border-default;");
        Label previewNote = new Label("Preview: what OBS shows. Nothing shown here is counted.");
        previewNote.getStyleClass().add("text-muted");

        Button showNow = new Button("Show a sponsor now", new FontIcon(Feather.PLAY_CIRCLE));
        showNow.setId("show-now");
        showNow.setOnAction(event -> background.run(() -> {
            session.showNow();
            return session.overlayStatus();
        }, this::showStatus));
        MenuButton pause = new MenuButton("Pause ads", new FontIcon(Feather.PAUSE_CIRCLE));
        pause.setId("pause-ads");
        for (Duration duration : PAUSES) {
            MenuItem item = new MenuItem("for " + duration.toMinutes() + " minutes");
            item.setId("pause-ads-" + duration.toMinutes());
            item.setOnAction(event -> background.run(() -> {
                session.pauseAds(duration);
                return session.overlayStatus();
            }, this::showStatus));
            pause.getItems().add(item);
        }
        Button resume = new Button("Resume ads", new FontIcon(Feather.PLAY));
        resume.setId("resume-ads");
        resume.setOnAction(event -> background.run(() -> {
            session.resumeAds();
            return session.overlayStatus();
        }, this::showStatus));
        HBox actions = new HBox(8, showNow, pause, resume);
        actions.setAlignment(Pos.CENTER_LEFT);

        onScreen.setId("overlay-on-screen");
        stream.setId("overlay-stream");
        pages.setId("overlay-pages");
        creativeProblems.setId("overlay-creative-problems");
        creativeProblems.getStyleClass().add(Styles.DANGER);
        creativeProblems.managedProperty().bind(creativeProblems.visibleProperty());
        creativeProblems.setVisible(false);
        for (Label label : List.of(onScreen, stream, pages, creativeProblems, rotationMessage)) {
            label.setWrapText(true);
        }
        VBox state = new VBox(6, onScreen, stream, pages, creativeProblems);

        VBox right = new VBox(16, state, rotationForm());
        HBox.setHgrow(right, javafx.scene.layout.Priority.ALWAYS);
        HBox top = new HBox(24, new VBox(10, preview, previewNote, actions), right);
        getChildren().add(top);
        showRotation(saved.rotation());
    }

    private VBox rotationForm() {
        secondsOnScreen.setId("rotation-seconds");
        minutesBetween.setId("rotation-between");
        minutesAfterLive.setId("rotation-after-live");
        strategy.setId("rotation-strategy");
        secondsWarning.setId("rotation-countdown");
        showingsPerDay.setId("rotation-daily-limit");
        countdownOnOverlay.setId("rotation-countdown-on-overlay");
        strategy.setPrefWidth(210);
        rotationMessage.setId("rotation-message");
        for (TextField field : List.of(secondsOnScreen, minutesBetween, minutesAfterLive, secondsWarning, showingsPerDay)) {
            field.setPrefColumnCount(4);
            field.setOnAction(event -> applyRotation());
        }
        strategy.getItems().setAll(RotationSettings.strategies());
        strategy.setConverter(new StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null ? "" : OverlayViewModel.strategyName(name);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        Button apply = new Button("Apply", new FontIcon(Feather.CHECK));
        apply.setId("apply-rotation");
        apply.setOnAction(event -> applyRotation());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, FieldLabels.forField("Time on screen (seconds)", secondsOnScreen), secondsOnScreen);
        grid.addRow(1, FieldLabels.forField("Time between sponsors (minutes)", minutesBetween), minutesBetween);
        grid.addRow(2, FieldLabels.forField("Wait after going live (minutes)", minutesAfterLive), minutesAfterLive);
        grid.addRow(3, FieldLabels.forField("Next sponsor", strategy), strategy);
        grid.addRow(4, FieldLabels.forField("Warn me before a sponsor (seconds, 0 = never)", secondsWarning),
                secondsWarning);
        countdownOnOverlay.setWrapText(true);
        grid.add(countdownOnOverlay, 0, 5, 2, 1);
        grid.addRow(6, FieldLabels.forField("Most showings per sponsor a day (0 = no limit)", showingsPerDay),
                showingsPerDay);
        // The panel beside the preview is narrow: the labels wrap, so the sponsor choice keeps its width.
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMaxWidth(200);
        grid.getColumnConstraints().setAll(labels, new ColumnConstraints());
        grid.getChildren().stream().filter(Label.class::isInstance).map(Label.class::cast).forEach(label -> {
            label.setWrapText(true);
            label.setMinWidth(Region.USE_COMPUTED_SIZE);
            label.setMinHeight(Region.USE_PREF_SIZE);
        });
        Label title = new Label("Schedule");
        title.getStyleClass().add("title-4");
        return new VBox(10, title, grid, apply, rotationMessage);
    }

    private void showRotation(RotationSettings rotation) {
        secondsOnScreen.setText(Long.toString(rotation.displayDuration().toSeconds()));
        minutesBetween.setText(Long.toString(rotation.timeBetweenSponsors().toMinutes()));
        minutesAfterLive.setText(Long.toString(rotation.delayAfterGoingLive().toMinutes()));
        strategy.setValue(rotation.strategy());
        secondsWarning.setText(Long.toString(rotation.countdown().toSeconds()));
        showingsPerDay.setText(Integer.toString(rotation.dailyShowingsPerSponsor()));
        countdownOnOverlay.setSelected(rotation.countdownOnOverlay());
    }

    private void applyRotation() {
        RotationForm form = OverlayViewModel.rotation(secondsOnScreen.getText(), minutesBetween.getText(),
                minutesAfterLive.getText(), strategy.getValue(), secondsWarning.getText(), showingsPerDay.getText(),
                countdownOnOverlay.isSelected());
        if (form.problem().isPresent()) {
            rotationMessage.setText(form.problem().get());
            return;
        }
        RotationSettings rotation = form.settings().orElseThrow();
        background.run(() -> {
            session.changeRotation(rotation);
            saved.rememberRotation(rotation);
            return rotation;
        }, applied -> rotationMessage.setText("Applied: each sponsor shows " + applied.displayDuration().toSeconds()
                + " s, then " + applied.timeBetweenSponsors().toMinutes() + " min pass before the next."));
    }

    @Override
    public Node view() {
        return this;
    }

    /** Reads the overlay's state in the background, unless a read is still on its way. */
    @Override
    public void refresh() {
        if (loading) {
            return;
        }
        loading = true;
        background.run(session::overlayStatus, status -> {
            loading = false;
            showStatus(status);
        }, failure -> loading = false);
    }

    private void showStatus(OverlayStatus status) {
        Clock clock = session.clock();
        onScreen.setText(OverlayViewModel.onScreen(status, clock.instant(), clock.getZone()));
        stream.setText(OverlayViewModel.stream(status));
        pages.setText(OverlayViewModel.pages(status.pagesListening()));
        creativeProblems.setText(OverlayViewModel.creativeProblems(status));
        creativeProblems.setVisible(!status.creativeProblems().isEmpty());
    }

    /** The view came on screen: the preview page opens. */
    @Override
    public void shown() {
        if (webView == null) {
            webView = new WebView();
            webView.setId("overlay-preview-page");
            webView.setPageFill(Color.TRANSPARENT);
            webView.setContextMenuEnabled(false);
            webView.setPrefSize(PREVIEW_WIDTH, PREVIEW_HEIGHT);
            // WebKit keeps its storage in the data folder, not in a folder of its own in the user's home.
            webView.getEngine().setUserDataDirectory(saved.dataFolder().resolve("webview").toFile());
            webView.getEngine().load(session.obsOverlayUrl());
            preview.getChildren().setAll(webView);
        }
        refresh();
    }

    /** The view left the screen: the preview page closes, and with it its connection and its browser engine work. */
    @Override
    public void hidden() {
        if (webView != null) {
            webView.getEngine().load(null);
            preview.getChildren().clear();
            webView = null;
        }
    }
}
