package com.gametriggers.companion.ui.shell;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.concurrent.NamedThreads;
import com.gametriggers.companion.tracking.WriterStatus;
import com.gametriggers.companion.obs.AddToObs;
import com.gametriggers.companion.obs.ObsConnectionSettings;
import com.gametriggers.companion.obs.ObsException;
import com.gametriggers.companion.ui.AppSession;
import com.gametriggers.companion.ui.Background;
import com.gametriggers.companion.ui.ChannelStatus;
import com.gametriggers.companion.ui.PublicLinksStatus;
import com.gametriggers.companion.ui.Failures;
import com.gametriggers.companion.ui.SavedSettings;
import com.gametriggers.companion.ui.TwitchAccount;
import com.gametriggers.companion.ui.WhenWindowCloses;
import com.gametriggers.companion.ui.WindowBounds;
import com.gametriggers.companion.ui.tray.DesktopTray;
import com.gametriggers.companion.ui.tray.StatusWatch;
import com.gametriggers.companion.ui.tray.TrayActions;
import com.gametriggers.companion.ui.campaigns.CampaignsView;
import com.gametriggers.companion.ui.campaigns.CampaignsViewModel.Row;
import com.gametriggers.companion.ui.earnings.EarningsLoader;
import com.gametriggers.companion.ui.earnings.EarningsView;
import com.gametriggers.companion.ui.overlay.OverlayView;
import com.gametriggers.companion.ui.settings.ObsSettingsPane;
import com.gametriggers.companion.ui.settings.PublicLinksPane;
import com.gametriggers.companion.ui.settings.SettingsView;
import com.gametriggers.companion.ui.settings.SettingsViewModel;
import com.gametriggers.companion.ui.settings.TwitchSignInPane;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
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
import okhttp3.OkHttpClient;

/**
 * The app's window: navigation on the left, the chosen section in the middle, a status bar with the store, the
 * tracking state and the OBS overlay URL. It appears at once; the services start behind it, and store work never
 * runs on the FX thread.
 */
public final class MainWindow {

    private static final Logger log = LoggerFactory.getLogger(MainWindow.class);
    private static final Duration REFRESH_EVERY = Duration.ofSeconds(2);
    private static final int UNWATCHED_TICKS = 5;
    private static final int STORE_READ_TICKS = 5;

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

    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 720;

    private final Callable<AppSession> starter;
    private final SavedSettings saved;
    private final TwitchAccount twitch;
    private final OkHttpClient http;
    private final Runnable afterClose;
    private final Function<String, ? extends AutoCloseable> storeOpener;
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
    private final Label chat = new Label();
    private final Label stream = new Label();
    private final Label links = new Label();
    private final Label message = new Label();
    private final TextField overlayUrl = new TextField();
    private final Button copyOverlayUrl = new Button("Copy", new FontIcon(Feather.COPY));
    private final Button addToObs = new Button("Add to OBS", new FontIcon(Feather.CAST));
    /**
     * Not a Timeline: a running JavaFX animation keeps the render loop pulsing 60 times a second, which on a
     * streaming PC is CPU taken from the game and OBS for nothing.
     */
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            NamedThreads.factory("window-refresh"));
    /** Set on the worker, so closing during start (also on the worker) still closes what started. */
    private volatile AppSession session;
    private CampaignsView campaigns;
    private PublicLinksPane publicLinks;
    private EarningsView earnings;
    private OverlayView overlay;
    private Section shown;
    private Stage stage;
    private boolean statusLoading;
    /** Read by the refresher's thread, written by the stage's listeners. */
    private volatile boolean focused = true;
    /** The window is closed while the services run on: the refresher leaves the FX thread alone. */
    private volatile boolean inTray;
    /** Set by the tray's own thread: installing AWT's tray on the FX thread can hang (macOS). */
    private volatile Optional<DesktopTray> tray = Optional.empty();
    private StatusWatch statusWatch;
    private volatile boolean minimized;
    /** Only the refresher's thread uses it. */
    private int unwatchedTicks;
    private int refreshesSinceStoreRead;
    private Instant lastFlushSeen;

    /**
     * @param starter    starts the services; called off the FX thread
     * @param saved      the streamer's settings: read at once (theme, window place), written off the FX thread
     * @param twitch     the Twitch sign-in, which Settings can start
     * @param http       the app's HTTP client, for Add to OBS
     * @param storeOpener opens a store at a MongoDB address for Settings' connection test (closed again after it);
     *                    called off the FX thread
     * @param afterClose runs once the window is closed and the services have stopped (the launcher exits there)
     */
    public MainWindow(Callable<AppSession> starter, SavedSettings saved, TwitchAccount twitch, OkHttpClient http,
                      Function<String, ? extends AutoCloseable> storeOpener, Runnable afterClose) {
        this.starter = starter;
        this.storeOpener = storeOpener;
        this.saved = saved;
        this.twitch = twitch;
        this.http = http;
        this.afterClose = afterClose;
    }

    public void show(Stage window) {
        show(window, false);
    }

    /**
     * Builds the window and starts the services behind it.
     *
     * @param inBackground start with the window closed (the tray, or a later start, brings it back): the way the app
     *                     starts with the computer
     */
    public void show(Stage window, boolean inBackground) {
        this.stage = window;
        applyTheme(saved.form().theme());
        sections.put(Section.CAMPAIGNS, starting());
        sections.put(Section.EARNINGS, starting());
        sections.put(Section.OVERLAY, starting());
        publicLinks = new PublicLinksPane(background);
        sections.put(Section.SETTINGS, new SettingsView(saved, background, storeOpener, MainWindow::applyTheme,
                // Under Twitch, so the OBS form beside them stays whole on a 720-pixel-high screen.
                new VBox(24, new TwitchSignInPane(twitch), publicLinks), new ObsSettingsPane(saved, background)));

        BorderPane root = new BorderPane(content);
        root.setLeft(navigation());
        root.setBottom(statusBar());
        Scene scene = new Scene(root, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        for (Section section : Section.values()) {
            scene.getAccelerators().put(new KeyCodeCombination(section.key, KeyCombination.SHORTCUT_DOWN),
                    () -> select(section));
        }
        stage.setTitle("GameTriggers Companion");
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            stage.getIcons().add(new Image(MainWindow.class.getResource("/icons/gametriggers-companion-" + size + ".png")
                    .toExternalForm()));
        }
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        placeWindow();
        stage.setOnCloseRequest(event -> {
            // The window decides itself whether it only hides or the app quits.
            event.consume();
            closeRequested();
        });
        stage.iconifiedProperty().addListener((observable, was, iconified) -> minimized = iconified);
        stage.focusedProperty().addListener((observable, was, isFocused) -> {
            focused = isFocused;
            if (isFocused && session != null) {
                refreshSection();
                refresh();
            }
        });
        select(Section.CAMPAIGNS);
        logFirstFrame(scene);
        inTray = inBackground;
        if (!inBackground) {
            stage.show();
        }
        watchStatus();

        background.run(() -> {
            session = starter.call();
            return new Started(session, session.storeAddress(), session.storeEmbedded(), CampaignsView.load(session));
        }, this::started, this::startFailed);
    }

    /**
     * Logs how long after the process started the window's first frame was laid out, the start-up time
     * docs/BENCHMARKS.md measures.
     */
    private static void logFirstFrame(Scene scene) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // The JVM's own start time: the process's is rounded to the second on Linux.
            long started = ManagementFactory.getRuntimeMXBean().getStartTime();
            log.info("First frame {} ms after the JVM started", System.currentTimeMillis() - started);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Switches between AtlantaFX's Primer dark and light themes; every open window follows. */
    public static void applyTheme(String theme) {
        Application.setUserAgentStylesheet(SettingsViewModel.LIGHT.equals(theme)
                ? new PrimerLight().getUserAgentStylesheet() : new PrimerDark().getUserAgentStylesheet());
    }

    /** Where the window was last, if that place is still on a screen; otherwise the system's choice. */
    private void placeWindow() {
        Optional<WindowBounds> bounds = saved.window().filter(WindowPlacement::visibleOnAScreen);
        if (bounds.isEmpty()) {
            return;
        }
        stage.setX(bounds.get().x());
        stage.setY(bounds.get().y());
        stage.setWidth(bounds.get().width());
        stage.setHeight(bounds.get().height());
    }

    private void rememberWindow() {
        if (stage.isIconified() || stage.isMaximized() || stage.isFullScreen()) {
            return;
        }
        WindowBounds bounds = new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        background.run(() -> {
            saved.rememberWindow(bounds);
            return bounds;
        }, kept -> { }, failure -> log.warn("The window's place could not be kept: {}", failure.getMessage()));
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
        chat.setId("chat-status");
        stream.setId("stream-status");
        links.setId("links-status");
        message.setId("message");
        overlayUrl.setId("overlay-url");
        copyOverlayUrl.setId("copy-overlay-url");
        overlayUrl.setEditable(false);
        overlayUrl.setPromptText("starting…");
        overlayUrl.setPrefColumnCount(24);
        HBox.setHgrow(overlayUrl, Priority.ALWAYS);
        Label urlLabel = new Label("OBS Browser Source URL");
        for (Label label : List.of(store, tracking, chat, stream, links, urlLabel)) {
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
        addToObs.setId("add-to-obs");
        addToObs.setDisable(true);
        addToObs.setMinWidth(Region.USE_PREF_SIZE);
        addToObs.setTooltip(new Tooltip("Puts the overlay into the scene on air in OBS, at your canvas size "
                + "(OBS 28 or later, with its WebSocket server on)."));
        addToObs.setOnAction(event -> addToObs());
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(12, store, tracking, chat, stream, links, message, urlLabel, overlayUrl, copyOverlayUrl, addToObs);
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

    /** Shows a section: from the navigation, Ctrl+1..4, or at start. */
    private void select(Section section) {
        navigation.get(section).setSelected(true);
        content.getChildren().setAll(sections.get(section));
        if (overlay != null) {
            if (section == Section.OVERLAY) {
                overlay.shown();
            } else {
                overlay.hidden();
            }
        }
        shown = section;
        if (session != null) {
            refreshSection();
        }
    }

    private void started(Started started) {
        store.setText("Store: " + (started.embedded() ? "embedded (" + started.storeAddress() + ")" : started.storeAddress()));
        overlayUrl.setText(started.session().obsOverlayUrl());
        copyOverlayUrl.setDisable(false);
        addToObs.setDisable(false);
        campaigns = new CampaignsView(started.session(), background, started.rows(), () -> select(Section.SETTINGS));
        publicLinks.attach(started.session());
        replaceSection(Section.CAMPAIGNS, campaigns);
        earnings = new EarningsView(EarningsLoader.of(started.session()), background);
        replaceSection(Section.EARNINGS, earnings);
        overlay = new OverlayView(started.session(), saved, background);
        replaceSection(Section.OVERLAY, overlay);
        if (shown == Section.OVERLAY) {
            overlay.shown();
        }
        refresher.scheduleWithFixedDelay(this::tick, REFRESH_EVERY.toMillis(),
                REFRESH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        refresh();
    }

    /** The start failed: the sentence the exception carries, its text one click away, never a stack trace. */
    /** Talks to OBS off the FX thread; what OBS did, or why it could not, goes to the status bar. */
    private void addToObs() {
        addToObs.setDisable(true);
        message.setText("Talking to OBS…");
        String url = overlayUrl.getText();
        ObsConnectionSettings obs = saved.obsConnection();
        background.run(() -> new AddToObs(http, obs, AddToObs.DEFAULT_TIMEOUT).addOverlay(url).sentence(), sentence -> {
            addToObs.setDisable(false);
            message.setText(sentence);
        }, failure -> {
            addToObs.setDisable(false);
            message.setText(failure instanceof ObsException ? failure.getMessage() : Failures.sentence(failure));
        });
    }

    private void startFailed(Throwable failure) {
        log.warn("Start failed", failure);
        store.setText("Store: not started");
        Label sentence = new Label(Failures.sentence(failure));
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
        Label elsewhere = new Label("The app did not start; the Campaigns section says why. Settings can change the "
                + "MongoDB address or the overlay port for the next start.");
        elsewhere.setWrapText(true);
        elsewhere.setMaxWidth(520);
        replaceSection(Section.EARNINGS, new StackPane(elsewhere));
        Label overlayElsewhere = new Label(elsewhere.getText());
        overlayElsewhere.setWrapText(true);
        overlayElsewhere.setMaxWidth(520);
        replaceSection(Section.OVERLAY, new StackPane(overlayElsewhere));
    }

    private void replaceSection(Section section, Node node) {
        boolean shown = content.getChildren().contains(sections.get(section));
        sections.put(section, node);
        if (shown) {
            content.getChildren().setAll(node);
        }
    }

    /**
     * On the refresher's thread: every tick while the streamer looks at the window; every {@value #UNWATCHED_TICKS}th
     * while the game or OBS has the focus, and not at all while the window is minimized. Only then does the FX thread
     * hear of it, so an unwatched window costs next to nothing; the numbers are fresh again when the streamer looks.
     */
    private void tick() {
        unwatchedTicks++;
        if (inTray || minimized || !focused && unwatchedTicks < UNWATCHED_TICKS) {
            return;
        }
        unwatchedTicks = 0;
        Platform.runLater(this::refresh);
    }

    /**
     * Reads the status (from memory), then the section on screen from the store only when it can have changed: after
     * the tracker stored a batch, or every {@value #STORE_READ_TICKS}th time for changes made by the platform. What is
     * not seen, or did not change, costs nothing.
     */
    private void refresh() {
        if (statusLoading) {
            return;
        }
        statusLoading = true;
        AppSession running = session;
        statusWork.run(() -> new Status(running.trackingStatus(), running.channelStatus(), running.publicLinks()), status -> {
            statusLoading = false;
            showTracking(status.tracking());
            showLinks(status.links());
            chat.setText(status.channel().chatText());
            stream.setText(status.channel().streamText());
            Instant flushed = status.tracking().lastSuccessfulFlush();
            boolean stored = !Objects.equals(flushed, lastFlushSeen);
            lastFlushSeen = flushed;
            if (stored || ++refreshesSinceStoreRead >= STORE_READ_TICKS) {
                refreshSection();
            }
        }, failure -> {
            statusLoading = false;
            refreshSection();
        });
    }

    private void refreshSection() {
        refreshesSinceStoreRead = 0;
        switch (shown) {
            case CAMPAIGNS -> campaigns.refresh();
            case EARNINGS -> earnings.refresh();
            case OVERLAY -> overlay.refresh();
            case SETTINGS -> publicLinks.refresh();
        }
    }

    private record Status(WriterStatus tracking, ChannelStatus channel, PublicLinksStatus links) {
    }

    private void showLinks(PublicLinksStatus status) {
        links.setText(status.brief());
        links.setTooltip(new Tooltip(status.sentence()));
    }

    private void showTracking(WriterStatus status) {
        if (!status.journalWriting()) {
            long held = status.eventsHeld();
            tracking.setText("journal failing, %d %s in memory".formatted(held, held == 1 ? "event" : "events"));
            tracking.setTooltip(new Tooltip(status.sentence()));
            return;
        }
        if (status.online()) {
            tracking.setText("online");
            tracking.setTooltip(null);
            return;
        }
        long waiting = status.eventsWaiting();
        tracking.setText("offline, %d %s waiting".formatted(waiting, waiting == 1 ? "event" : "events"));
        tracking.setTooltip(new Tooltip(status.sentence()));
    }

    private void showFailure(Throwable failure) {
        log.warn("Store work failed", failure);
        message.setText(Failures.sentence(failure));
    }

    /** Stops reading the store every two seconds; the window's own close does this too. */
    public void stopRefreshing() {
        refresher.shutdownNow();
    }

    /**
     * The streamer closed the window. While the services run, closing does not stop the sponsors on stream: with a
     * tray the app goes there; without one the streamer's kept choice decides, or they are asked once.
     */
    private void closeRequested() {
        rememberWindow();
        if (session == null) {
            quit();
            return;
        }
        if (tray.isPresent()) {
            toBackground();
            return;
        }
        switch (saved.whenClosed()) {
            case KEEP_RUNNING -> toBackground();
            case QUIT -> quit();
            case ASK -> KeepRunningDialog.ask(stage).ifPresent(answer -> {
                if (answer.remember()) {
                    background.run(() -> {
                        saved.rememberWhenClosed(answer.choice());
                        return answer;
                    }, kept -> { }, failure -> log.warn("The choice could not be kept: {}", failure.getMessage()));
                }
                if (answer.choice() == WhenWindowCloses.QUIT) {
                    quit();
                } else {
                    toBackground();
                }
            });
        }
    }

    /** Hides the window; the overlay, the links, the chat bot and the counting carry on. */
    private void toBackground() {
        inTray = true;
        if (overlay != null) {
            overlay.hidden();
        }
        stage.hide();
        log.info("Window closed; the overlay and the counting keep running{}",
                tray.isPresent() ? " (tray icon)" : " (start the app again to bring the window back)");
    }

    /**
     * Brings the window back from the background: from the tray, or when the app is started again.
     *
     * @return the line a second start prints
     */
    public String showFromBackground() {
        Platform.runLater(() -> {
            inTray = false;
            stage.show();
            stage.setIconified(false);
            stage.toFront();
            if (session != null) {
                if (shown == Section.OVERLAY && overlay != null) {
                    overlay.shown();
                }
                refreshSection();
                refresh();
            }
        });
        return "GameTriggers Companion is already running; its window is shown.";
    }

    /** Stops everything: the services close (the journal flushed), then the app ends. */
    public void quit() {
        inTray = false;
        if (stage.isShowing()) {
            stage.hide();
        }
        stopRefreshing();
        if (statusWatch != null) {
            statusWatch.close();
        }
        tray.ifPresent(DesktopTray::close);
        if (overlay != null) {
            overlay.hidden();
        }
        background.finish(() -> {
            if (session != null) {
                session.close();
            }
            afterClose.run();
        });
    }

    /** Puts the icon in the tray where there is one, and keeps it (and the notifications) current. */
    private void watchStatus() {
        TrayActions actions = new TrayActions() {
            @Override
            public void showWindow() {
                showFromBackground();
            }

            @Override
            public void showSponsorNow() {
                whenRunning(AppSession::showNow);
            }

            @Override
            public void pauseAds() {
                whenRunning(running -> running.pauseAds(OverlayView.PAUSES.get(0)));
            }

            @Override
            public void resumeAds() {
                whenRunning(AppSession::resumeAds);
            }

            @Override
            public void quit() {
                Platform.runLater(MainWindow.this::quit);
            }
        };
        NamedThreads.start("tray", () -> {
            tray = DesktopTray.install(actions);
            StatusWatch watch = new StatusWatch(() -> Optional.ofNullable(session), tray,
                    notice -> Platform.runLater(() -> message.setText(notice.title() + ": " + notice.text())));
            Platform.runLater(() -> {
                statusWatch = watch;
                watch.start();
            });
        });
    }

    private void whenRunning(java.util.function.Consumer<AppSession> action) {
        AppSession running = session;
        if (running != null) {
            action.accept(running);
        }
    }
}
