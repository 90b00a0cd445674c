package com.gametriggers.companion.tracking;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.CounterDelta;
import com.gametriggers.companion.domain.ParticipationDay;

/**
 * Folds a batch of events into one counter change per participation and one per participation and day. Earnings
 * are computed per day bucket from its billable counts and rounded there, once; a participation's earnings are the
 * sum of its buckets, so the daily chart always adds up to the total.
 */
final class Coalescer {

    /** The batch folded, and how many events belonged to no known participation (counted, never silently dropped). */
    record Coalesced(Map<String, CounterDelta> byParticipation, Map<ParticipationDay, CounterDelta> byDay, long orphaned) {
    }

    private static final class Bucket {
        long impressions;
        long chatClicks;
        long qrScans;
        long linkClicks;
        long filteredClicks;
        long unbilledImpressions;
        long unbilledClicks;
        long billableImpressions;
        long billableClicks;
        long viewerCountSum;
        long viewerSampleCount;
        long peakViewerCount;

        void add(JournalEntry.Event entry, boolean billable) {
            TrackingEvent event = entry.event();
            if (event.isClick()) {
                if (entry.filtered()) {
                    filteredClicks++;
                    return;
                }
                ClickType type = event.type().clickType().orElseThrow();
                switch (type) {
                    case CHAT -> chatClicks++;
                    case QR -> qrScans++;
                    case LINK -> linkClicks++;
                }
                if (billable) {
                    billableClicks++;
                } else {
                    unbilledClicks++;
                }
                return;
            }
            if (event.type() == EventType.VIEWER_SAMPLE) {
                // Viewer statistics only: the showing on air is the impression, counted once, by its beacon.
                viewerCountSum += event.count();
                viewerSampleCount++;
                peakViewerCount = Math.max(peakViewerCount, event.count());
                return;
            }
            impressions += event.count();
            if (billable) {
                billableImpressions += event.count();
            } else {
                unbilledImpressions += event.count();
            }
        }

        CounterDelta toDelta(ParticipationTerms terms) {
            long earnings = Earnings.micros(terms.campaign(), billableImpressions, billableClicks);
            return new CounterDelta(impressions, chatClicks + qrScans + linkClicks, chatClicks, qrScans, linkClicks,
                    filteredClicks, unbilledImpressions, unbilledClicks, earnings, viewerCountSum, viewerSampleCount,
                    peakViewerCount);
        }
    }

    /** Days are UTC days; computed from the epoch second, since this runs for every event. */
    private static final long SECONDS_PER_DAY = 86_400;

    private Coalescer() {
    }

    static Coalesced coalesce(List<JournalEntry.Event> events, Map<String, ParticipationTerms> terms) {
        Map<ParticipationDay, Bucket> buckets = new HashMap<>();
        long orphaned = 0;
        for (JournalEntry.Event entry : events) {
            TrackingEvent event = entry.event();
            ParticipationTerms participationTerms = terms.get(event.participationId());
            if (participationTerms == null) {
                orphaned++;
                continue;
            }
            LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(event.occurredAt().getEpochSecond(), SECONDS_PER_DAY));
            buckets.computeIfAbsent(new ParticipationDay(event.participationId(), day), key -> new Bucket())
                    .add(entry, participationTerms.billableAt(event.occurredAt()));
        }
        Map<ParticipationDay, CounterDelta> byDay = new HashMap<>();
        Map<String, CounterDelta> byParticipation = new HashMap<>();
        buckets.forEach((day, bucket) -> {
            CounterDelta delta = bucket.toDelta(terms.get(day.participationId()));
            byDay.put(day, delta);
            byParticipation.merge(day.participationId(), delta, CounterDelta::plus);
        });
        return new Coalesced(byParticipation, byDay, orphaned);
    }
}
