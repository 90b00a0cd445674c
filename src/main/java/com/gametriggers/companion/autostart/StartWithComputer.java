package com.gametriggers.companion.autostart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "Start with the computer": at login the installed app starts with {@code --background} (services and tray, no
 * window). It starts the launcher jpackage installed, whose path jpackage gives the app as the system property
 * {@value #APP_PATH}; a development run has none, and the setting then says it works only in the installed app.
 */
public final class StartWithComputer {

    /** The option the entry starts the app with. */
    public static final String BACKGROUND = "--background";
    /** Set by jpackage's launcher to its own path. */
    public static final String APP_PATH = "jpackage.app-path";
    /** Short: Settings shows it on the checkbox's line. */
    static final String ONLY_INSTALLED = "Only in the installed app.";
    static final String UNKNOWN_SYSTEM = "Not available on this system.";

    private final Optional<Path> launcher;
    private final Optional<LoginEntry> entry;

    private StartWithComputer(Optional<Path> launcher, Optional<LoginEntry> entry) {
        this.launcher = launcher;
        this.entry = entry;
    }

    /** For this computer and user: the system, home folder and launcher the JVM reports. */
    public static StartWithComputer forThisComputer() {
        return of(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")), System.getenv(),
                Optional.ofNullable(System.getProperty(APP_PATH)).filter(path -> !path.isBlank()).map(Path::of),
                new SystemCommands());
    }

    /**
     * @param osName      as the {@code os.name} system property says it
     * @param home        the user's home folder
     * @param environment for {@code XDG_CONFIG_HOME}
     * @param launcher    the installed app's launcher; empty in a development run
     * @param commands    runs {@code reg.exe} on Windows
     */
    public static StartWithComputer of(String osName, Path home, Map<String, String> environment,
                                       Optional<Path> launcher, CommandRunner commands) {
        String os = osName.toLowerCase(Locale.ROOT);
        Optional<LoginEntry> entry;
        if (os.startsWith("windows")) {
            entry = Optional.of(new RunKey(commands));
        } else if (os.startsWith("mac")) {
            entry = Optional.of(new LaunchAgent(home));
        } else if (os.contains("linux") || os.contains("bsd")) {
            // The specification: an unset, empty or relative XDG_CONFIG_HOME means ~/.config.
            Path configHome = Optional.ofNullable(environment.get("XDG_CONFIG_HOME")).filter(path -> !path.isBlank())
                    .map(Path::of).filter(Path::isAbsolute).orElse(home.resolve(".config"));
            entry = Optional.of(new XdgAutostart(configHome));
        } else {
            entry = Optional.empty();
        }
        return new StartWithComputer(launcher, entry);
    }

    /** Why the setting cannot be switched on here, as a sentence; empty where it can. */
    public Optional<String> unavailable() {
        if (entry.isEmpty()) {
            return Optional.of(UNKNOWN_SYSTEM);
        }
        if (launcher.isEmpty()) {
            return Optional.of(ONLY_INSTALLED);
        }
        return Optional.empty();
    }

    /**
     * Writes the entry (again, so it follows the launcher when the app was installed elsewhere) or removes it. Touches
     * the disk or the registry: call it off the FX thread.
     *
     * @throws IOException           the entry could not be written or removed
     * @throws IllegalStateException switched on where {@link #unavailable()} says why not
     */
    public void set(boolean on) throws IOException {
        if (!on) {
            if (entry.isPresent()) {
                entry.get().remove();
            }
            return;
        }
        Optional<String> why = unavailable();
        if (why.isPresent()) {
            throw new IllegalStateException(why.get());
        }
        entry.get().write(launcher.get());
    }
}
