package com.gametriggers.companion.app;

import com.gametriggers.companion.ui.ParticipationsWindow;

import javafx.application.Platform;
import javafx.stage.Stage;

/** Opens the window; the services start behind it so the window appears at once. */
final class DesktopLauncher {

    private DesktopLauncher() {
    }

    static void launch(AppOptions options) {
        Platform.startup(() -> new ParticipationsWindow(() -> CompanionServices.start(options)).show(new Stage()));
    }
}
