package com.gametriggers.companion.overlay.rotation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * How often each sponsor was shown on the streamer's current day, by participation. The day is the local one of the
 * rotation's clock, so the counts start again at the streamer's midnight, not at UTC's. Not thread-safe: the
 * scheduler owns it under its own lock.
 */
final class DailyShowings {

    private final ZoneId zone;
    private final Map<String, Long> counts = new HashMap<>();
    private LocalDate day;

    DailyShowings(ZoneId zone) {
        this.zone = zone;
    }

    long count(String participationId, Instant now) {
        turnTo(now);
        return counts.getOrDefault(participationId, 0L);
    }

    void add(String participationId, long showings, Instant now) {
        turnTo(now);
        counts.merge(participationId, showings, Long::sum);
    }

    /** When the day {@code now} falls on began, where the streamer lives. */
    Instant startOfDay(Instant now) {
        return LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
    }

    private void turnTo(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (!today.equals(day)) {
            counts.clear();
            day = today;
        }
    }
}
