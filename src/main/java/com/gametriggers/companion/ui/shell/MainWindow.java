package com.gametriggers.companion.ui.shell;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.overlay.OverlayException;
import com.gametriggers.companion.store.StoreException;
import com.gametriggers.companion.tracking.WriterStatus;
import com.gametriggers.companion.ui.AppSession;
import com.gametriggers.companion.ui.Background;
import com.gametriggers.companion.ui.campaigns.CampaignsView;
import com.gametriggers.companion.ui.campaigns.CampaignsViewModel.Row;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import atlantafx.base.theme.PrimerDark;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The app's window: navigation on the left, the chosen section in the middle, a status bar with the store, the
 * tracking state and the OBS overlay URL. It appears at once; the services start behind it, and store work never
 * runs on the FX thread.
 */
public final class MainWindow {

    private static final Logger log = LoggerFactory.getLogger(MainWindow.class);
    private static final Duration REFRESH_EVERY = Duration.seconds(2);

    /** The navigation's sections, in the order of their Ctrl+1..4 shortcuts. */
    enum Section {
        CAMPAIGNS("Campaigns", Feather.FLAG, KeyCode.DIGIT1),
        EARNINGS("Earnings", Feather.DOLLAR_SIGN, KeyCode.DIGIT2),
        OVERLAY("Overlay", Feather.MONITOR, KeyCode.DIGIT3),
        SETTINGS("Settings", Feather.SETTINGS, KeyCode.DIGIT4);

        final String title;
        final Feather icon;
        final KeyCode key;

        Section(String title, Feather icon, KeyCode key) {
            this.title = title;
            this.icon = icon;
            this.key = key;
        }
    }

    /** What the services' start hands to the window: the running app and the campaigns read on the way. */
    private record Started(AppSession session, String storeAddress, boolean embedded, List<Row> rows) {
    }

    private final Callable<AppSession> starter;
    private final Runnable afterClose;
    private final Background background = new Background(this::showFailure);
    /**
     * The tracking state has its own worker: it is wanted most while the store is slow or down, exactly when the
     * store worker is stuck in a timeout.
     */
    private final Background statusWork = new Background(failure -> log.debug("Tracking status unavailable", failure));
    private final Map<Section, Node> sections = new EnumMap<>(Section.class);
    private final Map<Section, ToggleButton> navigation = new EnumMap<>(Section.class);
    private final ToggleGroup navigationGroup = new ToggleGroup();
    private final StackPane content = new StackPane();
    private final Label store = new Label("Store: starting…");
    private final Label tracking = new Label();
    private final Label message = new Label();
    private final TextField overlayUrl = new TextField();
    private final Button copyOverlayUrl = new Button("Copy", new FontIcon(Feather.COPY));
    private final Timeline refresher = new Timeline(new KeyFrame(REFRESH_EVERY, event -> refresh()));
    /** Set on the worker, so closing during start (also on the worker) still closes what started. */
    private volatile AppSession session;
    private CampaignsView campaigns;
    private boolean statusLoading;

    /**
     * @param starter    starts the services; called off the FX thread
     * @param afterClose runs once the window is closed and the services have stopped (the launcher exits there)
     */
    public MainWindow(Callable<AppSession> starter, Runnable afterClose) {
        this.starter = starter;
        this.afterClose = afterClose;
    }

    public void show(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        sections.put(Section.CAMPAIGNS, starting());
        sections.put(Section.EARNINGS, comingNext("Earnings per day and per sponsor come next. "
                + "Until then, the Campaigns table shows what each sponsor has earned."));
        sections.put(Section.OVERLAY, comingNext("The overlay's schedule and a preview come next. "
                + "Until then, the overlay shows each sponsor for 20 seconds every 5 minutes."));
        sections.put(Section.SETTINGS, comingNext("Settings come next. "
                + "Until then, the app takes its settings from the command line (see the README)."));

        BorderPane root = new BorderPane(content);
        root.setLeft(navigation());
        root.setBottom(statusBar());
        Scene scene = new Scene(root, 1280, 720);
        for (Section section : Section.values()) {
            scene.getAccelerators().put(new KeyCodeCombination(section.key, KeyCombination.SHORTCUT_DOWN),
                    () -> select(section));
        }
        stage.setTitle("GameTriggers Companion");
        stage.setScene(scene);
        stage.setOnHidden(event -> close());
        select(Section.CAMPAIGNS);
        stage.show();

        background.run(() -> {
            session = starter.call();
            return new Started(session, session.store().address(), session.store().isEmbedded(), CampaignsView.load(session));
        }, this::started, this::startFailed);
    }

    private Node navigation() {
        VBox box = new VBox(4);
        box.setId("navigation");
        box.setPadding(new Insets(12, 8, 12, 8));
        box.setPrefWidth(170);
        box.setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: -color-border-default; -fx-border-width: 0 1 0 0;");
        for (Section section : Section.values()) {
            ToggleButton button = new ToggleButton(section.title, new FontIcon(section.icon));
            button.setId("nav-" + section.name().toLowerCase(Locale.ROOT));
            button.setToggleGroup(navigationGroup);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            button.setGraphicTextGap(10);
            button.setOnAction(event -> select(section));
            navigation.put(section, button);
            box.getChildren().add(button);
        }
        return box;
    }

    private Node statusBar() {
        store.setId("store-status");
        tracking.setId("tracking-status");
        message.setId("message");
        overlayUrl.setId("overlay-url");
        copyOverlayUrl.setId("copy-overlay-url");
        overlayUrl.setEditable(false);
        overlayUrl.setPromptText("starting…");
        overlayUrl.setPrefColumnCount(24);
        HBox.setHgrow(overlayUrl, Priority.ALWAYS);
        Label urlLabel = new Label("OBS Browser Source URL");
        for (Label label : List.of(store, tracking, urlLabel)) {
            label.setMinWidth(Region.USE_PREF_SIZE);
        }
        copyOverlayUrl.setDisable(true);
        copyOverlayUrl.setOnAction(event -> {
            ClipboardContent clip = new ClipboardContent();
            clip.putString(overlayUrl.getText());
            Clipboard.getSystemClipboard().setContent(clip);
            message.setText("Copied. Paste it into OBS as a Browser Source, 1920 x 1080.");
        });
        copyOverlayUrl.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(12, store, tracking, message, urlLabel, overlayUrl, copyOverlayUrl);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 12, 6, 12));
        bar.setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: -color-border-default; -fx-border-width: 1 0 0 0;");
        return bar;
    }

    private static Node starting() {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setMaxSize(40, 40);
        VBox box = new VBox(12, progress, new Label("Starting the store and the overlay…"));
        box.setId("starting");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static Node comingNext(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(480);
        StackPane box = new StackPane(label);
        box.setPadding(new Insets(24));
        return box;
    }

    /** Shows a section: from the navigation, Ctrl+1..4, or at start. */
    private void select(Section section) {
        navigation.get(section).setSelected(true);
        content.getChildren().setAll(sections.get(section));
    }

    private void started(Started started) {
        store.setText("Store: " + (started.embedded() ? "embedded (" + started.storeAddress() + ")" : started.storeAddress()));
        overlayUrl.setText(started.session().obsOverlayUrl());
        copyOverlayUrl.setDisable(false);
        campaigns = new CampaignsView(started.session(), background, started.rows());
        replaceSection(Section.CAMPAIGNS, campaigns);
        refresher.setCycleCount(Timeline.INDEFINITE);
        refresher.play();
        refresh();
    }

    /** The start failed: the sentence the exception carries, its text one click away, never a stack trace. */
    private void startFailed(Throwable failure) {
        log.warn("Start failed", failure);
        store.setText("Store: not started");
        Label sentence = new Label(sentence(failure));
        sentence.setId("startup-failure");
        sentence.setWrapText(true);
        TextArea text = new TextArea(failure.toString());
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(4);
        TitledPane details = new TitledPane("Details", text);
        details.setId("startup-details");
        details.setExpanded(false);
        VBox box = new VBox(12, sentence, details);
        box.setPadding(new Insets(24));
        box.setMaxWidth(640);
        replaceSection(Section.CAMPAIGNS, box);
    }

    private void replaceSection(Section section, Node node) {
        boolean shown = content.getChildren().contains(sections.get(section));
        sections.put(section, node);
        if (shown) {
            content.getChildren().setAll(node);
        }
    }

    private void refresh() {
        campaigns.refresh();
        if (statusLoading) {
            return;
        }
        statusLoading = true;
        AppSession running = session;
        statusWork.run(running::trackingStatus, status -> {
            statusLoading = false;
            showTracking(status);
        }, failure -> statusLoading = false);
    }

    private void showTracking(WriterStatus status) {
        if (status.online()) {
            tracking.setText("online");
            tracking.setTooltip(null);
            return;
        }
        long waiting = status.eventsWaiting();
        tracking.setText("offline, %d %s waiting".formatted(waiting, waiting == 1 ? "event" : "events"));
        if (status.problem() != null) {
            tracking.setTooltip(new Tooltip(status.problem()));
        }
    }

    private void showFailure(Throwable failure) {
        log.warn("Store work failed", failure);
        message.setText(sentence(failure));
    }

    private static String sentence(Throwable failure) {
        return failure instanceof StoreException || failure instanceof OverlayException ? failure.getMessage()
                : "Something went wrong; the log has the details for a bug report.";
    }

    /** Stops reading the store every two seconds; the window's own close does this too. */
    void stopRefreshing() {
        refresher.stop();
    }

    private void close() {
        stopRefreshing();
        background.finish(() -> {
            if (session != null) {
                session.close();
            }
            afterClose.run();
        });
    }
}
