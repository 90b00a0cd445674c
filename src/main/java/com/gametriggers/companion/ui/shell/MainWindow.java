package com.gametriggers.companion.ui.shell;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.tracking.WriterStatus;
import com.gametriggers.companion.twitch.DisclosureWarning;
import com.gametriggers.companion.ui.AppSession;
import com.gametriggers.companion.ui.YouTubeAccount;
import com.gametriggers.companion.ui.Background;
import com.gametriggers.companion.ui.ChannelStatus;
import com.gametriggers.companion.ui.Failures;
import com.gametriggers.companion.ui.OperatingSystem;
import com.gametriggers.companion.ui.PlatformConnection;
import com.gametriggers.companion.ui.PublicLinksStatus;
import com.gametriggers.companion.ui.SavedSettings;
import com.gametriggers.companion.ui.Section;
import com.gametriggers.companion.ui.StreamerData;
import com.gametriggers.companion.ui.TwitchAccount;
import com.gametriggers.companion.ui.WhenWindowCloses;
import com.gametriggers.companion.ui.WindowBounds;
import com.gametriggers.companion.ui.campaigns.CampaignsView;
import com.gametriggers.companion.ui.campaigns.CampaignsViewModel.Row;
import com.gametriggers.companion.ui.earnings.EarningsLoader;
import com.gametriggers.companion.ui.earnings.EarningsView;
import com.gametriggers.companion.ui.earnings.ExportMenu;
import com.gametriggers.companion.ui.overlay.OverlayView;
import com.gametriggers.companion.ui.settings.ObsSettingsPane;
import com.gametriggers.companion.ui.settings.PlatformConnectionPane;
import com.gametriggers.companion.ui.settings.PublicLinksPane;
import com.gametriggers.companion.ui.settings.SettingsView;
import com.gametriggers.companion.ui.settings.TwitchSignInPane;
import com.gametriggers.companion.ui.settings.YouTubeSignInPane;
import com.gametriggers.companion.ui.tray.SponsorWarning;
import com.gametriggers.companion.update.UpdateCheck;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;

/**
 * The app's window: navigation on the left, the chosen section in the middle, the {@link StatusBar} at the bottom. It
 * appears at once; the services start behind it, and store work never runs on the FX thread. Closing it while the
 * services run leaves them running (the tray, or a second start, brings it back); Quit stops everything.
 */
public final class MainWindow {

    private static final Logger log = LoggerFactory.getLogger(MainWindow.class);
    /** Every how many refreshes the section on screen is read from the store although no batch was stored. */
    private static final int STORE_READ_TICKS = 5;

    /** What the services' start hands to the window: the running app and the campaigns read on the way. */
    private record Started(AppSession session, String storeAddress, boolean embedded, List<String> missingIndexes,
                           Optional<String> connectedAs, List<Row> rows) {

        /** Store work: reads what the window shows first. */
        static Started read(AppSession session) {
            StreamerData data = session.data();
            return new Started(session, data.storeAddress(), data.storeEmbedded(), data.storeMissingIndexes(),
                    data.connectedAs(), CampaignsView.load(session));
        }
    }

    private record Status(WriterStatus tracking, ChannelStatus channel, PublicLinksStatus links,
                          Optional<String> sponsorWarning, Optional<DisclosureWarning> disclosure) {
    }

    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 720;

    private final Callable<AppSession> starter;
    private final SavedSettings saved;
    private final TwitchAccount twitch;
    private final Function<String, ? extends AutoCloseable> storeOpener;
    private final OperatingSystem system;
    private final Runnable afterClose;
    private final Background background = new Background(this::showFailure);
    /**
     * The tracking state has its own worker: it is wanted most while the store is slow or down, exactly when the
     * store worker is stuck in a timeout.
     */
    private final Background statusWork = new Background(failure -> log.debug("Tracking status unavailable", failure));
    private final StatusBar statusBar;
    private final WindowRefresher refresher = new WindowRefresher();
    private final Map<Navigation, Section> sections = new EnumMap<>(Navigation.class);
    private final Map<Navigation, ToggleButton> navigation = new EnumMap<>(Navigation.class);
    private final ToggleGroup navigationGroup = new ToggleGroup();
    private final StackPane content = new StackPane();
    /** Set on the worker, so closing during start (also on the worker) still closes what started. */
    private volatile AppSession session;
    private BooleanSupplier trayShown = () -> false;
    private AutoCloseable updateChecks = () -> { };
    private Optional<PlatformConnection> platform = Optional.empty();
    private Optional<YouTubeAccount> youtube = Optional.empty();
    private PublicLinksPane publicLinks;
    private Navigation shown;
    private Stage stage;
    private boolean statusLoading;
    private int refreshesSinceStoreRead;
    private Instant lastFlushSeen;

    /**
     * @param starter     starts the services; called off the FX thread
     * @param saved       the streamer's settings: read at once (theme, window place), written off the FX thread
     * @param twitch      the Twitch sign-in, which Settings can start
     * @param http        the app's HTTP client, for Add to OBS
     * @param storeOpener opens a store at a MongoDB address for Settings' connection test (closed again after it);
     *                    called off the FX thread
     * @param system      opens folders and web pages, and starts the app with the computer
     * @param afterClose  runs once the app has quit and the services have stopped (the launcher exits there)
     */
    public MainWindow(Callable<AppSession> starter, SavedSettings saved, TwitchAccount twitch, OkHttpClient http,
                      Function<String, ? extends AutoCloseable> storeOpener, OperatingSystem system, Runnable afterClose) {
        this.starter = starter;
        this.saved = saved;
        this.twitch = twitch;
        this.storeOpener = storeOpener;
        this.system = system;
        this.afterClose = afterClose;
        this.statusBar = new StatusBar(saved, http, background, system.opener());
    }

    /** Closing the window hides it without asking while {@code trayShown} says the tray icon brings it back. */
    public void closesToTray(BooleanSupplier trayShown) {
        this.trayShown = trayShown;
    }

    /**
     * Looks for a newer version now and then once an hour, asking the feed at most once a day, while the app runs;
     * a newer one shows as a link in the status bar.
     */
    public void checksForUpdates(UpdateCheck check) {
        updateChecks = check.startHourly(release -> Platform.runLater(() -> statusBar.offerUpdate(release)));
    }

    /**
     * Offers "Connect to GameTriggers" in Settings, which moves the running services to the streamer's account; before
     * {@link #show}. Without it Settings has no such section (the window over a session that cannot move).
     */
    public void connectsToPlatform(PlatformConnection connection) {
        this.platform = Optional.of(connection);
    }

    /** Offers "Sign in with Google" for YouTube in Settings; before {@link #show}. */
    public void signsInToYouTube(YouTubeAccount account) {
        this.youtube = Optional.of(account);
    }

    /**
     * Under the GameTriggers account and Twitch, so the OBS form beside them stays whole on a 720-pixel-high screen;
     * YouTube last, below the links (Settings scrolls).
     */
    private VBox accountsColumn() {
        VBox column = new VBox(24);
        platform.ifPresent(connection -> column.getChildren().add(
                new PlatformConnectionPane(connection, background, this::servicesSwitched)));
        column.getChildren().addAll(new TwitchSignInPane(twitch, system.opener()), publicLinks);
        youtube.ifPresent(account -> column.getChildren().add(new YouTubeSignInPane(account, system.opener())));
        return column;
    }

    /** Builds and shows the window, and starts the services behind it. */
    public void show(Stage window) {
        this.stage = window;
        Theme.apply(saved.form().theme());
        sections.put(Navigation.CAMPAIGNS, Section.fixed(starting()));
        sections.put(Navigation.EARNINGS, Section.fixed(starting()));
        sections.put(Navigation.OVERLAY, Section.fixed(starting()));
        publicLinks = new PublicLinksPane(background);
        sections.put(Navigation.SETTINGS, Section.of(new SettingsView(saved, background, system, storeOpener,
                Theme::apply,
                accountsColumn(), new ObsSettingsPane(saved, background)),
                publicLinks::refresh));

        BorderPane root = new BorderPane(content);
        root.setLeft(navigation());
        root.setBottom(statusBar.view());
        Scene scene = new Scene(root, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        for (Navigation entry : Navigation.values()) {
            scene.getAccelerators().put(new KeyCodeCombination(entry.key, KeyCombination.SHORTCUT_DOWN),
                    () -> select(entry));
        }
        stage.setTitle("GameTriggers Companion");
        // Set, not added: a stage shown again (as the UI tests reuse theirs) keeps one icon per size.
        stage.getIcons().setAll(java.util.stream.IntStream.of(16, 32, 48, 64, 128, 256)
                .mapToObj(size -> new Image(MainWindow.class.getResource("/icons/gametriggers-companion-" + size + ".png")
                        .toExternalForm()))
                .toList());
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        placeWindow();
        stage.setOnCloseRequest(event -> {
            // The window decides itself whether it only hides or the app quits.
            event.consume();
            closeRequested();
        });
        stage.iconifiedProperty().addListener((observable, was, iconified) -> refresher.minimized(iconified));
        stage.focusedProperty().addListener((observable, was, isFocused) -> {
            refresher.focused(isFocused);
            if (isFocused && session != null) {
                refreshSection();
                refresh();
            }
        });
        select(Navigation.CAMPAIGNS);
        logFirstFrame(scene);
        stage.show();

        background.run(() -> {
            session = starter.call();
            return Started.read(session);
        }, started -> {
            showSession(started);
            refresher.start(this::refresh);
            refresh();
        }, this::startFailed);
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

    /** Where the window was last, if that place is still on a screen; otherwise the system's choice. */
    private void placeWindow() {
        Optional<WindowBounds> bounds = saved.window().filter(WindowPlacement::visibleOnAScreen);
        if (bounds.isEmpty()) {
            // The default size: a stage shown before with a smaller scene would otherwise keep its old size.
            stage.sizeToScene();
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
        for (Navigation entry : Navigation.values()) {
            ToggleButton button = new ToggleButton(entry.title, new FontIcon(entry.icon));
            button.setId("nav-" + entry.name().toLowerCase(Locale.ROOT));
            button.setToggleGroup(navigationGroup);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            button.setGraphicTextGap(10);
            button.setOnAction(event -> select(entry));
            navigation.put(entry, button);
            box.getChildren().add(button);
        }
        return box;
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
    private void select(Navigation entry) {
        navigation.get(entry).setSelected(true);
        if (shown != null && shown != entry) {
            sections.get(shown).hidden();
        }
        shown = entry;
        Section section = sections.get(entry);
        content.getChildren().setAll(section.view());
        section.shown();
        if (session != null) {
            refreshSection();
        }
    }

    /**
     * The session moved to another store or account (Settings' GameTriggers connection): the sections and the status
     * bar follow it, read again as at start.
     */
    private void servicesSwitched() {
        background.run(() -> Started.read(session), started -> {
            showSession(started);
            refresh();
        }, this::startFailed);
    }

    private void showSession(Started started) {
        statusBar.started(started.storeAddress(), started.embedded(), started.missingIndexes(), started.connectedAs(),
                started.session().obsOverlayUrl());
        publicLinks.attach(started.session());
        replaceSection(Navigation.CAMPAIGNS, new CampaignsView(started.session(), background, started.rows(),
                () -> select(Navigation.SETTINGS)));
        replaceSection(Navigation.EARNINGS, new EarningsView(EarningsLoader.of(started.session()), background)
                .withExport(ExportMenu.withSaveDialog(started.session().data(), started.session().clock(), background)));
        replaceSection(Navigation.OVERLAY, new OverlayView(started.session(), saved, background));
    }

    /** The start failed: the sentence the exception carries, its text one click away, never a stack trace. */
    private void startFailed(Throwable failure) {
        log.warn("Start failed", failure);
        statusBar.startFailed();
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
        replaceSection(Navigation.CAMPAIGNS, Section.fixed(box));
        for (Navigation elsewhere : List.of(Navigation.EARNINGS, Navigation.OVERLAY)) {
            Label pointer = new Label("The app did not start; the Campaigns section says why. Settings can change the "
                    + "MongoDB address or the overlay port for the next start.");
            pointer.setWrapText(true);
            pointer.setMaxWidth(520);
            replaceSection(elsewhere, Section.fixed(new StackPane(pointer)));
        }
    }

    private void replaceSection(Navigation entry, Section section) {
        sections.put(entry, section);
        if (shown == entry) {
            content.getChildren().setAll(section.view());
            section.shown();
        }
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
        statusWork.run(() -> new Status(running.trackingStatus(), running.channelStatus(), running.publicLinks(),
                SponsorWarning.line(running.overlayStatus(), running.clock().instant()), running.disclosureWarning()),
                status -> {
            statusLoading = false;
            statusBar.show(status.tracking(), status.channel(), status.links());
            statusBar.showCountdown(status.sponsorWarning(), running);
            statusBar.offerDisclosure(status.disclosure(), running::turnOnBrandedContent);
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
        sections.get(shown).refresh();
    }

    private void showFailure(Throwable failure) {
        log.warn("Store work failed", failure);
        if (Failures.unexpected(failure)) {
            statusBar.unexpectedFailure();
        } else {
            statusBar.message(Failures.sentence(failure));
        }
    }

    /** Stops reading the store every two seconds; quitting does this too. */
    public void stopRefreshing() {
        refresher.stop();
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
        if (trayShown.getAsBoolean()) {
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
        refresher.inBackground(true);
        sections.get(shown).hidden();
        stage.hide();
        log.info("Window closed; the overlay and the counting keep running{}",
                trayShown.getAsBoolean() ? " (tray icon)" : " (start the app again to bring the window back)");
    }

    /** Brings the window back from the background (the tray, or a second start); on the FX thread. */
    public void showFromBackground() {
        refresher.inBackground(false);
        stage.show();
        stage.setIconified(false);
        stage.toFront();
        sections.get(shown).shown();
        if (session != null) {
            refreshSection();
            refresh();
        }
    }

    /**
     * Something failed that no code caught (the uncaught-failure handler, on any thread): one sentence and the way to
     * the log, never the exception itself. On the FX thread.
     */
    public void unexpectedFailure() {
        statusBar.unexpectedFailure();
    }

    /** A line for the streamer in the status bar (a notice the tray raises too); on the FX thread. */
    public void message(String text) {
        statusBar.message(text);
    }

    /** Stops everything: the services close (the journal flushed), then the app ends. */
    public void quit() {
        if (stage.isShowing()) {
            stage.hide();
        }
        stopRefreshing();
        sections.get(shown).hidden();
        try {
            updateChecks.close();
        } catch (Exception e) {
            log.debug("Stopping the update check failed", e);
        }
        background.finish(() -> {
            if (session != null) {
                session.close();
            }
            afterClose.run();
        });
    }
}
