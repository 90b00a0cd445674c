package com.gametriggers.companion.youtube;

import java.util.Optional;

/** What the {@link LiveChatPoller} reports, on its own thread; a listener hands work elsewhere rather than block it. */
public interface YouTubeListener {

    /** A chat text message sent since the poller started. */
    default void chatMessage(YouTubeChatMessage message) {
    }

    /** Live or offline, on each change, and each viewer count (about once a minute) while live. */
    default void liveStatus(YouTubeLiveStatus status) {
    }

    /** The sentence for the status bar when YouTube chat is slowed, stopped or failing; empty when all is well. */
    default void status(Optional<String> sentence) {
    }
}
