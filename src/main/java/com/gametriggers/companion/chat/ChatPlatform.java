package com.gametriggers.companion.chat;

/** Where a chat runs. A click says its platform, so that viewers are told apart per platform by the click guard. */
public enum ChatPlatform {
    TWITCH("Twitch"),
    YOUTUBE("YouTube");

    private final String displayName;

    ChatPlatform(String displayName) {
        this.displayName = displayName;
    }

    /** For logs and the status bar. */
    public String displayName() {
        return displayName;
    }
}
