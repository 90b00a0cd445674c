package com.gametriggers.companion.tracking;

/**
 * An event durable in the journal at {@code sequence}. {@code holdsPermit}: recorded in this run, so it holds one of
 * the tracker's in-memory permits until the store has it; events replayed at start hold none.
 */
record JournaledEvent(long sequence, JournalEntry.Event entry, boolean holdsPermit) {
}
