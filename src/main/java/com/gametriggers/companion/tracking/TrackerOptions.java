package com.gametriggers.companion.tracking;

import java.time.Clock;
import java.time.Duration;

import com.gametriggers.companion.tracking.journal.JournalOptions;

/**
 * @param retention          how long an event id is remembered to drop a resent duplicate; the journal keeps events at
 *                           least this long
 * @param clickWindow        the click guard's window: one viewer's clicks on one participation count once per window
 * @param flushInterval      longest time an event waits before its batch is cut
 * @param maxBatchEvents     most events in one batch
 * @param maxEventsInMemory  most recorded events not yet in the store held in memory; past it, {@code record} waits
 *                           (back-pressure) instead of growing without bound
 * @param termsMaxAge        how stale a participation's status and campaign may be when its earnings are computed
 * @param closeTimeout       how long closing waits for the store to take what is waiting; the rest stays in the journal
 */
public record TrackerOptions(JournalOptions journal, Duration retention, Duration clickWindow, Duration flushInterval,
                             int maxBatchEvents, int maxEventsInMemory, Duration termsMaxAge, Duration closeTimeout,
                             Clock clock) {

    public static TrackerOptions defaults() {
        return new TrackerOptions(JournalOptions.defaults(), Duration.ofMinutes(30), Duration.ofMinutes(10),
                Duration.ofMillis(200), 10_000, 200_000, Duration.ofSeconds(2), Duration.ofSeconds(5), Clock.systemUTC());
    }

    public TrackerOptions withJournal(JournalOptions options) {
        return new TrackerOptions(options, retention, clickWindow, flushInterval, maxBatchEvents, maxEventsInMemory,
                termsMaxAge, closeTimeout, clock);
    }

    public TrackerOptions withClock(Clock newClock) {
        return new TrackerOptions(journal, retention, clickWindow, flushInterval, maxBatchEvents, maxEventsInMemory,
                termsMaxAge, closeTimeout, newClock);
    }

    /** At most this many events per batch: the most one batch can add to a campaign's spending past its budget. */
    public TrackerOptions withMaxBatchEvents(int events) {
        return new TrackerOptions(journal, retention, clickWindow, flushInterval, events, maxEventsInMemory,
                termsMaxAge, closeTimeout, clock);
    }

    public TrackerOptions withFlushInterval(Duration interval) {
        return new TrackerOptions(journal, retention, clickWindow, interval, maxBatchEvents, maxEventsInMemory,
                termsMaxAge, closeTimeout, clock);
    }
}
