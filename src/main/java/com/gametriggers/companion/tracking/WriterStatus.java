package com.gametriggers.companion.tracking;

import java.time.Instant;

/**
 * How tracked events are doing, for the status bar, the tray and {@code /health}.
 *
 * @param online              whether the store takes the counts
 * @param eventsWaiting       events on disk in the journal that have not reached the store yet; safe across a crash
 * @param lastSuccessfulFlush when the store last took a batch; null before the first
 * @param problem             what is wrong with the store while offline, in one sentence; null while online
 * @param journalWriting      whether the journal on disk is written; while it is not, events are held in memory
 * @param eventsHeld          events accepted but not on disk yet: held in memory, lost if the app dies now. A handful
 *                            for a few milliseconds while the journal is written; they pile up while it is not
 * @param journalProblem      why the journal cannot be written, in one sentence; null while it is written
 */
public record WriterStatus(boolean online, long eventsWaiting, Instant lastSuccessfulFlush, String problem,
                           boolean journalWriting, long eventsHeld, String journalProblem) {

    /** One sentence for the streamer: what is wrong and what it means for the counts, or that all is well. */
    public String sentence() {
        if (!journalWriting) {
            return "The tracking journal cannot be written (" + journalProblem + "); " + events(eventsHeld)
                    + " held in memory are counted once it can, and would be lost if the app stopped now.";
        }
        if (!online) {
            return "The store is offline (" + problem + "); " + events(eventsWaiting)
                    + " wait safely on disk and are counted once it is back.";
        }
        return "Tracked events reach the store.";
    }

    static String events(long count) {
        return count + (count == 1 ? " event" : " events");
    }
}
