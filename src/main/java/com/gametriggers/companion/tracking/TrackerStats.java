package com.gametriggers.companion.tracking;

/**
 * Counts since start: events recorded (filtered ones included), of those the filtered repeat clicks, resent
 * duplicates dropped, events of participations the store does not know, and damaged journal tails skipped.
 */
public record TrackerStats(long recorded, long filtered, long duplicates, long orphaned, long journalDamage) {
}
