package com.gametriggers.companion.ui.shell;

import com.gametriggers.companion.ui.settings.SettingsViewModel;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** AtlantaFX's Primer themes, dark or light; every open window follows at once. */
final class Theme {

    private Theme() {
    }

    static void apply(String theme) {
        Application.setUserAgentStylesheet(SettingsViewModel.LIGHT.equals(theme)
                ? new PrimerLight().getUserAgentStylesheet() : new PrimerDark().getUserAgentStylesheet());
    }
}
