package com.gametriggers.companion.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The per-user data folder each OS expects, so the data survives upgrades and uninstalls of the app:
 * {@code %APPDATA%} on Windows, {@code ~/Library/Application Support} on macOS and {@code $XDG_DATA_HOME} (or
 * {@code ~/.local/share}) elsewhere.
 */
final class DataDirectories {

    static final String WINDOWS_AND_MAC_NAME = "GameTriggers Companion";
    static final String UNIX_NAME = "gametriggers-companion";

    private DataDirectories() {
    }

    static Path forCurrentUser() {
        return forUser(System.getProperty("os.name"), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Path forUser(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData == null || appData.isBlank() ? home.resolve("AppData").resolve("Roaming") : Path.of(appData);
            return base.resolve(WINDOWS_AND_MAC_NAME);
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve(WINDOWS_AND_MAC_NAME);
        }
        String xdgDataHome = env.get("XDG_DATA_HOME");
        Path base = xdgDataHome == null || xdgDataHome.isBlank() ? home.resolve(".local").resolve("share") : Path.of(xdgDataHome);
        return base.resolve(UNIX_NAME);
    }
}
