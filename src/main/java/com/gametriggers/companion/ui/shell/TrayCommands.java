package com.gametriggers.companion.ui.shell;

import java.util.function.Consumer;
import java.util.function.Supplier;

import com.gametriggers.companion.ui.AppSession;
import com.gametriggers.companion.ui.overlay.OverlayView;
import com.gametriggers.companion.ui.tray.Notice;
import com.gametriggers.companion.ui.tray.SponsorWarning;
import com.gametriggers.companion.ui.tray.TrayActions;

/** The tray menu's entries, on the window and the running app; before the services run, only Show and Quit act. */
final class TrayCommands implements TrayActions {

    private final Runnable showWindow;
    private final Supplier<AppSession> session;
    private final Runnable quit;
    private final Consumer<Notice> told;

    /**
     * @param showWindow brings the window back (from any thread)
     * @param session    the running app, null while it starts
     * @param quit       stops everything (from any thread)
     * @param told       where an entry's answer goes, such as why there was no sponsor to skip (from any thread)
     */
    TrayCommands(Runnable showWindow, Supplier<AppSession> session, Runnable quit, Consumer<Notice> told) {
        this.showWindow = showWindow;
        this.session = session;
        this.quit = quit;
        this.told = told;
    }

    @Override
    public void showWindow() {
        showWindow.run();
    }

    @Override
    public void showSponsorNow() {
        whenRunning(AppSession::showNow);
    }

    @Override
    public void skipNextSponsor() {
        whenRunning(running -> told.accept(new Notice(SponsorWarning.SKIP, running.skipNextSponsor().sentence())));
    }

    @Override
    public void pauseAds() {
        whenRunning(running -> running.pauseAds(OverlayView.PAUSES.get(0)));
    }

    @Override
    public void resumeAds() {
        whenRunning(AppSession::resumeAds);
    }

    @Override
    public void quit() {
        quit.run();
    }

    private void whenRunning(Consumer<AppSession> action) {
        AppSession running = session.get();
        if (running != null) {
            action.accept(running);
        }
    }
}
