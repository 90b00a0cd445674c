package com.gametriggers.companion.twitch;

import java.time.Instant;

/** Whether a channel is live, and if so how many watch and since when ({@code startedAt} is null while offline). */
public record StreamStatus(boolean live, long viewerCount, Instant startedAt) {

    public static StreamStatus offline() {
        return new StreamStatus(false, 0, null);
    }
}
