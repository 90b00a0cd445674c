package com.gametriggers.companion.app;

import com.gametriggers.companion.ui.TwitchAccount;
import com.gametriggers.companion.ui.shell.MainWindow;

import javafx.application.Platform;
import javafx.stage.Stage;

/** Opens the window; the services start behind it so the window appears at once. */
final class DesktopLauncher {

    private DesktopLauncher() {
    }

    static void launch(AppOptions options, SettingsFile settings) {
        Platform.startup(() -> {
            // JavaFX would end with the window; the app ends only after its services have stopped behind it.
            Platform.setImplicitExit(false);
            TwitchAccount twitch = TwitchSignIn.account(options.dataDir(),
                    () -> options.twitchClientId().or(() -> settings.form().twitchClientId()));
            new MainWindow(() -> CompanionServices.start(options), settings, twitch, Platform::exit).show(new Stage());
        });
    }
}
