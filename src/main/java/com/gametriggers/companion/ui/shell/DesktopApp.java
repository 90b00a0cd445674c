package com.gametriggers.companion.ui.shell;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.concurrent.NamedThreads;
import com.gametriggers.companion.concurrent.UncaughtFailures;
import com.gametriggers.companion.ui.AppSession;
import com.gametriggers.companion.ui.tray.DesktopTray;
import com.gametriggers.companion.ui.tray.Notice;
import com.gametriggers.companion.ui.tray.StatusWatch;

import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The desktop app around its window: the services, the tray icon and the status watch run from the start, JavaFX and
 * the window only from the moment the window is first shown. An app started in the background (with the computer)
 * therefore costs what its services cost: on Linux JavaFX wakes its thread at every pulse for as long as it runs,
 * window or not, and it cannot be stopped and started again in one process.
 */
public final class DesktopApp {

    private static final Logger log = LoggerFactory.getLogger(DesktopApp.class);
    /** What a second start prints once this app was asked to show its window. */
    public static final String SHOWN = "GameTriggers Companion is already running; its window is shown.";
    /**
     * JavaFX wakes its thread 60 times a second even when nothing moves; 30 is smooth enough for tables and charts
     * and halves what an idle window costs beside a game. A -Djavafx.animation.pulse on the command line wins.
     */
    static final String PULSES_PER_SECOND = "30";

    /** Makes the window over the services it waits for; {@code afterQuit} ends the app once they have stopped. */
    public interface WindowMaker {
        MainWindow make(Callable<AppSession> services, Runnable afterQuit);
    }

    private final Callable<AppSession> starter;
    private final WindowMaker windowMaker;
    private final Runnable exit;
    private final CompletableFuture<AppSession> services = new CompletableFuture<>();
    /** The window once JavaFX runs and has built it; failed when JavaFX could not start (no display). */
    private final CompletableFuture<MainWindow> window = new CompletableFuture<>();
    /**
     * The log has the detail; a window that was opened says so in one sentence, with the way to the log. Before
     * that only the log: failures repeating in the background must not pile up for a window that may never open.
     */
    private final UncaughtFailures uncaughtFailures = new UncaughtFailures(thread -> {
        if (window.isDone()) {
            onWindow(MainWindow::unexpectedFailure);
        }
    });
    /** Set by the tray's own thread: installing AWT's tray on the FX thread can hang (macOS). */
    private volatile Optional<DesktopTray> tray = Optional.empty();
    // Guarded by this.
    private StatusWatch statusWatch;
    private boolean javaFxStarted;
    private boolean quitting;

    /**
     * @param starter     starts the services; called once, on a thread of its own
     * @param windowMaker makes the window, on the FX thread, the first time it is shown
     * @param exit        ends the process once the services have stopped
     */
    public DesktopApp(Callable<AppSession> starter, WindowMaker windowMaker, Runnable exit) {
        this.starter = starter;
        this.windowMaker = windowMaker;
        this.exit = exit;
    }

    /** For every thread of the app ({@link Thread#setDefaultUncaughtExceptionHandler}); the FX thread gets it too. */
    public Thread.UncaughtExceptionHandler uncaughtFailures() {
        return uncaughtFailures;
    }

    /** Starts the services, the tray and the status watch, and the window unless the app starts in the background. */
    public void start(boolean inBackground) {
        NamedThreads.start("services-start", () -> {
            try {
                services.complete(starter.call());
            } catch (Exception | Error e) {
                services.completeExceptionally(e);
                log.warn("Start failed: {}", e.toString());
                // The window says why, in one sentence; in the background nothing else would.
                showWindow();
            }
        });
        NamedThreads.start("tray", this::installTray);
        if (!inBackground) {
            showWindow();
        }
    }

    /**
     * Shows the window: from the tray, a second start, or at start. The first time, JavaFX starts on a thread of its
     * own (it waits for the toolkit, which the tray's event thread must not).
     *
     * @return the line a second start prints
     */
    public String showWindow() {
        boolean startJavaFx;
        synchronized (this) {
            if (quitting) {
                return "GameTriggers Companion is quitting; start it again in a moment.";
            }
            startJavaFx = !javaFxStarted;
            javaFxStarted = true;
        }
        if (startJavaFx) {
            NamedThreads.start("window-start", this::startJavaFx);
        } else {
            onWindow(MainWindow::showFromBackground);
        }
        return SHOWN;
    }

    /** Stops everything, the journal flushed; through the window when it was ever opened, as its Quit does. */
    public void quit() {
        boolean throughWindow;
        synchronized (this) {
            if (quitting) {
                return;
            }
            quitting = true;
            throughWindow = javaFxStarted;
        }
        if (!throughWindow) {
            quitWithoutWindow();
            return;
        }
        window.whenComplete((shown, noJavaFx) -> {
            if (shown != null) {
                Platform.runLater(shown::quit);
            } else {
                quitWithoutWindow();
            }
        });
    }

    private void quitWithoutWindow() {
        NamedThreads.start("quit", () -> {
            // Services still starting are waited for, so what they opened is closed and the journal flushed.
            AppSession running = services.handle((session, failure) -> session).join();
            if (running != null) {
                running.close();
            }
            stopped();
        });
    }

    /** Runs on the FX thread once the window exists; nothing when JavaFX could not start. */
    private void onWindow(Consumer<MainWindow> action) {
        window.thenAccept(shown -> Platform.runLater(() -> action.accept(shown)));
    }

    private void startJavaFx() {
        if (System.getProperty("javafx.animation.pulse") == null) {
            System.setProperty("javafx.animation.pulse", PULSES_PER_SECOND);
        }
        try {
            Platform.startup(() -> {
                // JavaFX hands a failure in an event handler to the FX thread's own handler; set it here, so a
                // library that changes the default one later cannot send it back to stderr.
                Thread.currentThread().setUncaughtExceptionHandler(uncaughtFailures);
                // JavaFX would end with the window; the app ends only after its services have stopped behind it.
                Platform.setImplicitExit(false);
                MainWindow shown = windowMaker.make(this::awaitServices, this::stopped);
                shown.closesToTray(() -> tray.isPresent());
                shown.show(new Stage());
                window.complete(shown);
            });
        } catch (RuntimeException e) { // no display to open the window on
            log.warn("The window cannot be shown: {}", e.getMessage());
            window.completeExceptionally(e);
        }
    }

    /** For the window: the services once started, or the failure that stopped them, as the starter threw it. */
    private AppSession awaitServices() throws Exception {
        try {
            return services.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private Optional<AppSession> runningSession() {
        try {
            return Optional.ofNullable(services.getNow(null));
        } catch (CompletionException e) {
            return Optional.empty();
        }
    }

    private void installTray() {
        TrayCommands commands = new TrayCommands(this::showWindow, () -> runningSession().orElse(null), this::quit,
                this::toTrayAndWindow);
        Optional<DesktopTray> installed = DesktopTray.install(commands);
        StatusWatch watch = new StatusWatch(this::runningSession, installed, this::toWindow);
        // Started under the lock: a quit between setting it and starting it would close its timer first, and the start
        // would then be refused on the tray's thread.
        synchronized (this) {
            tray = installed;
            if (quitting) {
                installed.ifPresent(DesktopTray::close);
                return;
            }
            statusWatch = watch;
            watch.start();
        }
    }

    private void toTrayAndWindow(Notice notice) {
        tray.ifPresent(installed -> installed.notify(notice));
        toWindow(notice);
    }

    private void toWindow(Notice notice) {
        if (window.isDone()) {
            onWindow(shown -> shown.message(notice.title() + ": " + notice.text()));
        }
    }

    /** The services have stopped (the window's Quit, or the tray's without a window): take the rest down and end. */
    private void stopped() {
        synchronized (this) {
            quitting = true;
            if (statusWatch != null) {
                statusWatch.close();
            }
        }
        tray.ifPresent(DesktopTray::close);
        if (window.isDone() && !window.isCompletedExceptionally()) {
            Platform.exit();
        }
        exit.run();
    }
}
