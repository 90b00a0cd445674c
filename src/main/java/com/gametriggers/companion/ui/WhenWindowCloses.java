package com.gametriggers.companion.ui;

import java.util.Locale;
import java.util.Optional;

/**
 * What closing the window does while the services run. Where the desktop has a tray the app keeps running there;
 * elsewhere nothing would show that the overlay still runs, so the streamer is asked once and the answer kept.
 */
public enum WhenWindowCloses {
    ASK, KEEP_RUNNING, QUIT;

    /** How the settings file spells it: {@code ask}, {@code keep-running}, {@code quit}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<WhenWindowCloses> fromKey(String key) {
        for (WhenWindowCloses choice : values()) {
            if (choice.key().equalsIgnoreCase(key.strip())) {
                return Optional.of(choice);
            }
        }
        return Optional.empty();
    }
}
