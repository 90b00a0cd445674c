package com.gametriggers.companion.ui.shell;

import org.kordamp.ikonli.feather.Feather;

import javafx.scene.input.KeyCode;

/** The navigation's entries, in the order of their Ctrl+1..4 shortcuts. */
enum Navigation {
    CAMPAIGNS("Campaigns", Feather.FLAG, KeyCode.DIGIT1),
    EARNINGS("Earnings", Feather.DOLLAR_SIGN, KeyCode.DIGIT2),
    OVERLAY("Overlay", Feather.MONITOR, KeyCode.DIGIT3),
    SETTINGS("Settings", Feather.SETTINGS, KeyCode.DIGIT4);

    final String title;
    final Feather icon;
    final KeyCode key;

    Navigation(String title, Feather icon, KeyCode key) {
        this.title = title;
        this.icon = icon;
        this.key = key;
    }
}
