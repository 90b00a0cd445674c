package com.gametriggers.companion.ui.tray;

/** A notification for the streamer: a short title and one or two sentences. */
public record Notice(String title, String text) {
}
