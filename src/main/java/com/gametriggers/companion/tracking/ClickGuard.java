package com.gametriggers.companion.tracking;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts a viewer's click on a participation at most once per window (default 10 minutes), so one viewer
 * hammering the link or the chat command does not bill the sponsor many times. What it filters is still recorded,
 * as a filtered click, so nothing vanishes. Clicks without a viewer key are never filtered.
 */
final class ClickGuard {

    private record Counted(String key, long atMillis) {
    }

    private final long windowMillis;
    private final Map<String, Long> lastCounted = new ConcurrentHashMap<>();
    private final Deque<Counted> inOrder = new ArrayDeque<>();

    ClickGuard(Duration window) {
        this.windowMillis = window.toMillis();
    }

    /** True when this click counts; false when the same viewer's click on the same participation counted within the window. */
    boolean counts(String participationId, String viewerKey, long atMillis) {
        if (viewerKey == null) {
            return true;
        }
        String key = participationId + '|' + viewerKey;
        boolean[] counts = new boolean[1];
        lastCounted.compute(key, (k, last) -> {
            counts[0] = last == null || atMillis - last >= windowMillis;
            return counts[0] ? atMillis : last;
        });
        if (counts[0]) {
            synchronized (inOrder) {
                inOrder.addLast(new Counted(key, atMillis));
                while (!inOrder.isEmpty() && inOrder.peekFirst().atMillis() <= atMillis - windowMillis) {
                    Counted oldest = inOrder.removeFirst();
                    lastCounted.remove(oldest.key(), oldest.atMillis());
                }
            }
        }
        return counts[0];
    }

    /** How many viewers it remembers: over a long stream, only those whose window is still open. */
    int remembered() {
        return lastCounted.size();
    }
}
