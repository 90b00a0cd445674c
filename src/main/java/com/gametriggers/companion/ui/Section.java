package com.gametriggers.companion.ui;

import javafx.scene.Node;

/**
 * One of the window's sections (Campaigns, Earnings, Overlay, Settings) as the window drives it: it reads what it shows
 * again when asked, and hears when it comes on screen or leaves it, so a section nobody looks at costs nothing.
 */
public interface Section {

    /** What the window puts in its middle. */
    Node view();

    /** Reads what it shows again; store work runs off the FX thread. Called on the FX thread while it is on screen. */
    void refresh();

    /** It came on screen. */
    default void shown() {
    }

    /** It left the screen, or the window closed. */
    default void hidden() {
    }

    /** A section with nothing to read again: a placeholder while the services start, or why they did not. */
    static Section fixed(Node view) {
        return of(view, () -> { });
    }

    static Section of(Node view, Runnable refresh) {
        return new Section() {
            @Override
            public Node view() {
                return view;
            }

            @Override
            public void refresh() {
                refresh.run();
            }
        };
    }
}
