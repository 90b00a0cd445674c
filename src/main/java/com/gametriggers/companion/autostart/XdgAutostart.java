package com.gametriggers.companion.autostart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Linux and the BSDs: a {@code .desktop} file in {@code $XDG_CONFIG_HOME/autostart} (by default
 * {@code ~/.config/autostart}), which GNOME, KDE, Xfce and the others start at login (freedesktop.org's Desktop
 * Application Autostart Specification).
 */
final class XdgAutostart implements LoginEntry {

    static final String FILE_NAME = "gametriggers-companion.desktop";

    private final Path file;

    /** @param configHome {@code $XDG_CONFIG_HOME}, or {@code ~/.config} where it is not set */
    XdgAutostart(Path configHome) {
        this.file = configHome.resolve("autostart").resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    @Override
    public void write(Path launcher) throws IOException {
        String entry = """
                [Desktop Entry]
                Type=Application
                Name=GameTriggers Companion
                Comment=Shows your sponsors on stream; starts in the background with the computer
                Exec=%s %s
                Terminal=false
                X-GNOME-Autostart-enabled=true
                """.formatted(execArgument(launcher.toString()), StartWithComputer.BACKGROUND);
        Files.createDirectories(file.getParent());
        Path written = file.resolveSibling(FILE_NAME + ".tmp");
        Files.writeString(written, entry, StandardCharsets.UTF_8);
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void remove() throws IOException {
        Files.deleteIfExists(file);
    }

    /**
     * The launcher as one argument of {@code Exec}: quoted, with {@code " ` $ \} escaped inside the quotes; then, as
     * every string value of a desktop file, each backslash doubled; and {@code %} doubled, as it starts field codes.
     */
    static String execArgument(String path) {
        if (path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("The app's path has a line break: " + path);
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : path.toCharArray()) {
            if (c == '"' || c == '`' || c == '$' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        quoted.append('"');
        return quoted.toString().replace("\\", "\\\\").replace("%", "%%");
    }
}
