package com.gametriggers.companion.youtube;

/**
 * The YouTube Data API calls the app makes and what each costs against the daily quota
 * (docs/ARCHITECTURE.md, "YouTube", with Google's quota pages).
 */
public enum YouTubeCall {
    /** liveBroadcasts.list: Google's pages give no cost for it (UNCONFIRMED); counted as a plain list call. */
    BROADCASTS(1),
    /** videos.list: 1 unit. */
    VIDEOS(1),
    /** liveChatMessages.list: 5 units. */
    CHAT_LIST(5),
    /** liveChatMessages.insert: 20 units. */
    CHAT_INSERT(20);

    private final int units;

    YouTubeCall(int units) {
        this.units = units;
    }

    public int units() {
        return units;
    }
}
