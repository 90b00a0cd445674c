package com.gametriggers.companion.ui;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The system's own file manager and browser, through AWT's {@link Desktop}; where AWT has no desktop support (some
 * Linux desktops without GNOME's libraries) through {@code xdg-open}, which every freedesktop.org desktop has. Not
 * JavaFX's HostServices: it exists only with a JavaFX Application, which this app does not use.
 */
public final class SystemOpener implements Opener {

    /** How long {@code xdg-open} may take to say whether it found an application. */
    private static final long XDG_OPEN_SECONDS = 10;

    @Override
    public void openFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("There is no folder " + folder + ".");
        }
        if (supports(Desktop.Action.OPEN)) {
            try {
                Desktop.getDesktop().open(folder.toFile());
                return;
            } catch (IOException | RuntimeException e) {
                // AWT claims support it lacks on some desktops; xdg-open may still work.
                if (!linux()) {
                    throw new IOException("The file manager could not open " + folder + ".", e);
                }
            }
        }
        xdgOpen(folder.toString());
    }

    @Override
    public void openPage(URI page) throws IOException {
        if (supports(Desktop.Action.BROWSE)) {
            try {
                Desktop.getDesktop().browse(page);
                return;
            } catch (IOException | RuntimeException e) {
                if (!linux()) {
                    throw new IOException("The browser could not open " + page + ".", e);
                }
            }
        }
        xdgOpen(page.toString());
    }

    private static boolean supports(Desktop.Action action) {
        return Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(action);
    }

    private static boolean linux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    private static void xdgOpen(String target) throws IOException {
        if (!linux()) {
            throw new IOException("This system offers no way to open " + target + ".");
        }
        Process process = new ProcessBuilder("xdg-open", target).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (process.waitFor(XDG_OPEN_SECONDS, TimeUnit.SECONDS) && process.exitValue() != 0) {
                throw new IOException("xdg-open could not open " + target + " (exit code " + process.exitValue() + ").");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Stopped waiting for xdg-open.", e);
        }
    }
}
