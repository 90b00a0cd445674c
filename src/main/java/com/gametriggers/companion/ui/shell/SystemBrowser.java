package com.gametriggers.companion.ui.shell;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/** Opens a web page in the streamer's own browser; the app itself never fetches it. */
final class SystemBrowser {

    private SystemBrowser() {
    }

    /**
     * Blocks while the system hands the page over; call it off the FX thread.
     *
     * @throws IOException in one sentence when no browser could be started
     */
    static void open(URI page) throws IOException {
        if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
            Desktop.getDesktop().browse(page);
            return;
        }
        // AWT knows no browser on many Linux desktops without GNOME's libraries; xdg-open does.
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("linux") || os.contains("bsd")) {
            new ProcessBuilder("xdg-open", page.toString()).inheritIO().start();
            return;
        }
        throw new IOException("No web browser could be opened; the page is " + page);
    }
}
