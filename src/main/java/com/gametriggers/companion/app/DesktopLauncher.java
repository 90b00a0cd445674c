package com.gametriggers.companion.app;

import com.gametriggers.companion.ui.TwitchAccount;
import com.gametriggers.companion.ui.shell.MainWindow;

import javafx.application.Platform;
import javafx.stage.Stage;

/** Opens the window; the services start behind it so the window appears at once. */
final class DesktopLauncher {

    private DesktopLauncher() {
    }

    /**
     * JavaFX wakes its thread 60 times a second even when nothing moves; 30 is smooth enough for tables and charts
     * and halves what an idle window costs beside a game. A -Djavafx.animation.pulse on the command line wins.
     */
    static final String PULSES_PER_SECOND = "30";

    static void launch(AppOptions options, SettingsFile settings) {
        if (System.getProperty("javafx.animation.pulse") == null) {
            System.setProperty("javafx.animation.pulse", PULSES_PER_SECOND);
        }
        Platform.startup(() -> {
            // JavaFX would end with the window; the app ends only after its services have stopped behind it.
            Platform.setImplicitExit(false);
            TwitchAccount twitch = TwitchSignIn.account(options.dataDir(),
                    () -> options.twitchClientId().or(() -> settings.form().twitchClientId()), options.twitch());
            new MainWindow(() -> CompanionServices.start(options), settings, twitch, Platform::exit).show(new Stage());
        });
    }
}
