package com.gametriggers.companion.youtube;

/** The streamer's broadcast that is live now: its video id (for the viewer count) and its live chat. */
public record LiveBroadcast(String id, String liveChatId) {
}
