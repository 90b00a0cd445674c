package com.gametriggers.companion.tracking;

import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

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
    /** Lock-free, because every recording thread passes through here. */
    private final Queue<Seen> inOrder = new ConcurrentLinkedQueue<>();

    RecentEventIds(Duration retention) {
        this.retentionMillis = retention.toMillis();
    }

    /** True when the id is new: it is then remembered. Atomic, so two threads with the same id cannot both win. */
    boolean firstTime(String eventId, long nowMillis) {
        if (ids.putIfAbsent(eventId, nowMillis) != null) {
            return false;
        }
        inOrder.add(new Seen(eventId, nowMillis));
        forgetOlderThan(nowMillis - retentionMillis);
        return true;
    }

    /** Lets an id be recorded again, when its event could not be written. */
    void forget(String eventId) {
        ids.remove(eventId);
    }

    private void forgetOlderThan(long cutoffMillis) {
        for (Seen oldest = inOrder.peek(); oldest != null && oldest.atMillis() < cutoffMillis; oldest = inOrder.peek()) {
            if (inOrder.remove(oldest)) {
                ids.remove(oldest.eventId(), oldest.atMillis());
            }
        }
    }

    int size() {
        return ids.size();
    }
}
