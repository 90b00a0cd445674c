package com.gametriggers.companion.ui.tray;

/** What the tray menu offers; each runs on the tray's thread and hands UI work to the FX thread itself. */
public interface TrayActions {

    void showWindow();

    void showSponsorNow();

    /** Drops the sponsor about to come on screen (the countdown's "Skip this one"). */
    void skipNextSponsor();

    void pauseAds();

    void resumeAds();

    /** Stops everything, the journal flushed, and ends the app. */
    void quit();
}
