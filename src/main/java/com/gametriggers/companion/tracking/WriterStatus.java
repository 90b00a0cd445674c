package com.gametriggers.companion.tracking;

import java.time.Instant;

/**
 * How the way to the store is doing, for the status bar: online or offline, how many recorded events have not
 * reached the store yet, when a flush last succeeded (null before the first), and what is wrong when offline.
 */
public record WriterStatus(boolean online, long eventsWaiting, Instant lastSuccessfulFlush, String problem) {
}
