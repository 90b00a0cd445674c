package com.gametriggers.companion.app;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.ui.OperatingSystem;
import com.gametriggers.companion.ui.PlatformConnection;
import com.gametriggers.companion.ui.shell.DesktopApp;
import com.gametriggers.companion.ui.shell.MainWindow;
import com.gametriggers.companion.update.ReleaseFeed;
import com.gametriggers.companion.update.UpdateCheck;

import okhttp3.OkHttpClient;

/** Starts the desktop app: the services at once, the window at once or, with {@code --background}, when asked for. */
final class DesktopLauncher {

    private static final Logger log = LoggerFactory.getLogger(DesktopLauncher.class);

    /** A slower feed is treated as down until the next day. */
    private static final Duration FEED_TIMEOUT = Duration.ofSeconds(10);

    private DesktopLauncher() {
    }

    private static UpdateCheck updateCheck(SettingsFile settings, OkHttpClient http, Clock clock) {
        BuildDefaults build = BuildDefaults.load();
        return new UpdateCheck(build.version(),
                build.updateFeedUrl().map(url -> new ReleaseFeed(http, url, FEED_TIMEOUT)),
                settings.updateCheckState(), clock);
    }

    /**
     * Returns only when the app has quit, which ends the process: every thread the app starts is a daemon, and the
     * window may never be opened.
     *
     * @param http         the app's HTTP client, released once the services have stopped
     * @param twitch       the app's Twitch sign-in, shared by Settings and the services
     * @param youtube      the app's YouTube sign-in, likewise
     * @param clock        the app's one clock
     * @param inBackground start with the window closed
     * @param instance     this app's hold on the data folder; a later start shows the window through it
     */
    static void launch(AppOptions options, SettingsFile settings, PlatformConnector connector, OkHttpClient http,
                       TwitchSignIn twitch, YouTubeSignIn youtube, Clock clock, boolean inBackground,
                       SingleInstance instance)
            throws InterruptedException {
        CountDownLatch quit = new CountDownLatch(1);
        CompletableFuture<SwitchingSession> running = new CompletableFuture<>();
        PlatformConnection platform = connector.moving(next -> {
            SwitchingSession session = running.getNow(null);
            if (session == null) {
                return "Start the app again to use it.";
            }
            session.switchTo(next);
            return "";
        });
        DesktopApp app = new DesktopApp(() -> {
            // Settings may have paced the overlay since the app started: the services start with what it says now.
            SwitchingSession session = new SwitchingSession(connection -> CompanionServices.start(
                    options.withPlatform(connection).withRotation(settings.rotation()), http, twitch, youtube, clock),
                    options.platform());
            running.complete(session);
            return session;
        }, (services, afterQuit) -> {
                    MainWindow window = new MainWindow(services, settings, twitch, http,
                            CompanionServices::openStoreForTest, OperatingSystem.ofThisComputer(), afterQuit);
                    window.connectsToPlatform(platform);
                    window.signsInToYouTube(youtube);
                    window.checksForUpdates(updateCheck(settings, http, clock));
                    return window;
                }, () -> {
                    AppHttp.release(http);
                    Main.closeQuietly(instance);
                    quit.countDown();
                    // AWT's tray thread would keep the process alive after the services and the window are gone.
                    System.exit(0);
                });
        Thread.setDefaultUncaughtExceptionHandler(app.uncaughtFailures());
        app.start(inBackground);
        try {
            instance.listen(app::showWindow);
        } catch (IOException e) {
            log.warn("A second start will not find this one: {}", e.toString());
        }
        quit.await();
    }
}
