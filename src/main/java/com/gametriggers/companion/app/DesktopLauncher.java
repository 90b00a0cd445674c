package com.gametriggers.companion.app;

import com.gametriggers.companion.ui.shell.MainWindow;

import javafx.application.Platform;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;

/** Opens the window; the services start behind it so the window appears at once. */
final class DesktopLauncher {

    private DesktopLauncher() {
    }

    /**
     * JavaFX wakes its thread 60 times a second even when nothing moves; 30 is smooth enough for tables and charts
     * and halves what an idle window costs beside a game. A -Djavafx.animation.pulse on the command line wins.
     */
    static final String PULSES_PER_SECOND = "30";

    /**
     * @param http   the app's HTTP client, released once the window has closed and the services have stopped
     * @param twitch the app's Twitch sign-in, shared by Settings and the services
     */
    static void launch(AppOptions options, SettingsFile settings, OkHttpClient http, TwitchSignIn twitch) {
        if (System.getProperty("javafx.animation.pulse") == null) {
            System.setProperty("javafx.animation.pulse", PULSES_PER_SECOND);
        }
        Platform.startup(() -> {
            // JavaFX would end with the window; the app ends only after its services have stopped behind it.
            Platform.setImplicitExit(false);
            new MainWindow(() -> CompanionServices.start(options, http, twitch), settings, twitch, http, () -> {
                AppHttp.release(http);
                Platform.exit();
            }).show(new Stage());
        });
    }
}
