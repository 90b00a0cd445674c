package com.gametriggers.companion.twitch;

import java.time.Instant;

/** Told by {@link StreamStatusPoller} when the stream goes live or offline, and of each viewer count while live. */
public interface StreamListener {

    void wentLive();

    void wentOffline();

    void viewerSample(long viewers, Instant at);
}
