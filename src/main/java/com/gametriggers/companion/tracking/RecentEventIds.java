package com.gametriggers.companion.tracking;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Event ids seen within the retention window, so that a resent event (a beacon retried after a lost response, a
 * producer resending after a crash) counts once. Seeded from the journal on start; the journal keeps events at least
 * as long as this window, so a restart does not forget an id.
 */
final class RecentEventIds {

    private record Seen(String eventId, long atMillis) {
    }

    private final long retentionMillis;
    private final Map<String, Long> ids = new ConcurrentHashMap<>();
    private final Deque<Seen> inOrder = new ArrayDeque<>();

    RecentEventIds(Duration retention) {
        this.retentionMillis = retention.toMillis();
    }

    /** True when the id is new: it is then remembered. Atomic, so two threads with the same id cannot both win. */
    boolean firstTime(String eventId, long nowMillis) {
        if (ids.putIfAbsent(eventId, nowMillis) != null) {
            return false;
        }
        synchronized (inOrder) {
            inOrder.addLast(new Seen(eventId, nowMillis));
            forgetOlderThan(nowMillis - retentionMillis);
        }
        return true;
    }

    /** Lets an id be recorded again, when its event could not be written. */
    void forget(String eventId) {
        ids.remove(eventId);
    }

    private void forgetOlderThan(long cutoffMillis) {
        while (!inOrder.isEmpty() && inOrder.peekFirst().atMillis() < cutoffMillis) {
            Seen oldest = inOrder.removeFirst();
            ids.remove(oldest.eventId(), oldest.atMillis());
        }
    }

    int size() {
        return ids.size();
    }
}
