package com.gametriggers.companion.tracking;

import java.util.List;

/** Events the writer applies to the store together, under one id; its cut marker is already in the journal. */
record Batch(String id, List<JournaledEvent> events) {

    long permits() {
        return events.stream().filter(JournaledEvent::holdsPermit).count();
    }

    long lastSequence() {
        return events.stream().mapToLong(JournaledEvent::sequence).max().orElse(-1);
    }

    long firstSequence() {
        return events.stream().mapToLong(JournaledEvent::sequence).min().orElse(Long.MAX_VALUE);
    }

    long lastRecordedAtMillis() {
        return events.stream().mapToLong(event -> event.entry().recordedAtMillis()).max().orElse(0);
    }
}
