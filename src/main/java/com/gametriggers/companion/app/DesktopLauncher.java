package com.gametriggers.companion.app;

import java.io.IOException;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.ui.shell.MainWindow;

import javafx.application.Platform;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;

/** Opens the window; the services start behind it so the window appears at once. */
final class DesktopLauncher {

    private static final Logger log = LoggerFactory.getLogger(DesktopLauncher.class);

    private DesktopLauncher() {
    }

    /**
     * JavaFX wakes its thread 60 times a second even when nothing moves; 30 is smooth enough for tables and charts
     * and halves what an idle window costs beside a game. A -Djavafx.animation.pulse on the command line wins.
     */
    static final String PULSES_PER_SECOND = "30";

    /**
     * @param http         the app's HTTP client, released once the window has closed and the services have stopped
     * @param twitch       the app's Twitch sign-in, shared by Settings and the services
     * @param clock        the app's one clock
     * @param inBackground start with the window closed
     * @param instance     this app's hold on the data folder; a later start shows the window through it
     */
    static void launch(AppOptions options, SettingsFile settings, OkHttpClient http, TwitchSignIn twitch,
                       Clock clock, boolean inBackground, SingleInstance instance) {
        if (System.getProperty("javafx.animation.pulse") == null) {
            System.setProperty("javafx.animation.pulse", PULSES_PER_SECOND);
        }
        Platform.startup(() -> {
            // JavaFX would end with the window; the app ends only after its services have stopped behind it.
            Platform.setImplicitExit(false);
            MainWindow window = new MainWindow(() -> CompanionServices.start(options, http, twitch, clock), settings, twitch, http,
                    CompanionServices::openStoreForTest, () -> {
                        AppHttp.release(http);
                        Main.closeQuietly(instance);
                        Platform.exit();
                        // AWT's tray thread would keep the process alive after the services and the window are gone.
                        System.exit(0);
                    });
            window.show(new Stage(), inBackground);
            try {
                instance.listen(window::showFromBackground);
            } catch (IOException e) {
                log.warn("A second start will not find this one: {}", e.toString());
            }
        });
    }
}
