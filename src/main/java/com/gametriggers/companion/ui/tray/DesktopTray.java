package com.gametriggers.companion.ui.tray;

import java.awt.AWTException;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.Toolkit;
import java.awt.TrayIcon;
import java.awt.event.ActionListener;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's icon in the system tray (Windows, macOS, KDE, GNOME with AppIndicator): its tooltip says how the stream
 * and the counts are doing, its menu reaches the window and the overlay, and it carries the notifications. AWT's
 * tray, as JavaFX has none; every AWT call runs on AWT's own event thread, never on the FX thread.
 */
public final class DesktopTray implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DesktopTray.class);

    private final TrayIcon icon;

    private DesktopTray(TrayIcon icon) {
        this.icon = icon;
    }

    /** Whether this desktop has a tray to put an icon in. */
    public static boolean available() {
        try {
            return !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
        } catch (RuntimeException | LinkageError e) {
            log.debug("No system tray", e);
            return false;
        }
    }

    /** Puts the icon in the tray, or empty where the desktop has none (then closing the window asks). */
    public static Optional<DesktopTray> install(TrayActions actions) {
        if (!available()) {
            return Optional.empty();
        }
        try {
            Image image = Toolkit.getDefaultToolkit().getImage(DesktopTray.class.getResource(
                    "/icons/gametriggers-companion-32.png"));
            TrayIcon icon = new TrayIcon(image, TrayStatus.TITLE, menu(actions));
            icon.setImageAutoSize(true);
            icon.addActionListener(event -> actions.showWindow());
            SystemTray.getSystemTray().add(icon);
            return Optional.of(new DesktopTray(icon));
        } catch (AWTException | RuntimeException e) {
            log.warn("The tray icon could not be added ({}); closing the window will ask what to do", e.toString());
            return Optional.empty();
        }
    }

    private static PopupMenu menu(TrayActions actions) {
        PopupMenu menu = new PopupMenu();
        menu.add(item("Show GameTriggers Companion", event -> actions.showWindow()));
        menu.addSeparator();
        menu.add(item("Show a sponsor now", event -> actions.showSponsorNow()));
        menu.add(item(SponsorWarning.SKIP + " (the sponsor coming next)", event -> actions.skipNextSponsor()));
        menu.add(item("Pause ads for 15 minutes", event -> actions.pauseAds()));
        menu.add(item("Resume ads", event -> actions.resumeAds()));
        menu.addSeparator();
        menu.add(item("Quit (stops the overlay and counting)", event -> actions.quit()));
        return menu;
    }

    private static MenuItem item(String label, ActionListener action) {
        MenuItem item = new MenuItem(label);
        item.addActionListener(action);
        return item;
    }

    public void show(TrayStatus status) {
        EventQueue.invokeLater(() -> icon.setToolTip(status.tooltip()));
    }

    public void notify(Notice notice) {
        EventQueue.invokeLater(() -> icon.displayMessage(notice.title(), notice.text(), TrayIcon.MessageType.WARNING));
    }

    @Override
    public void close() {
        EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
    }
}
