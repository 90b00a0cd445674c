package com.gametriggers.companion.tracking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.CounterDelta;
import com.gametriggers.companion.domain.ParticipationDay;
import com.gametriggers.companion.domain.ParticipationQuarterHour;

/**
 * Folds a batch of events into one counter change per participation and quarter hour, one per participation and
 * (UTC) day and one per participation. Earnings are computed per quarter-hour bucket from its billable counts and
 * rounded there, once; a day is the sum of its quarters (a UTC day is 96 whole quarters) and a participation the sum
 * of its days, so quarters add up exactly to days and days to the total, and a local day folded from quarters
 * ({@code LocalDays}) is as exact as a UTC one. Every showing and click also becomes an
 * {@link Activity}, the audit trail behind those totals, with the same verdict the counters got.
 */
final class Coalescer {

    /** The batch folded, and how many events belonged to no known participation (counted, never silently dropped). */
    record Coalesced(Map<String, CounterDelta> byParticipation, Map<ParticipationDay, CounterDelta> byDay,
                     Map<ParticipationQuarterHour, CounterDelta> byQuarter, List<Activity> activity, long orphaned) {
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

    private Coalescer() {
    }

    static Coalesced coalesce(List<JournalEntry.Event> events, Map<String, ParticipationTerms> terms) {
        Map<ParticipationQuarterHour, Bucket> buckets = new HashMap<>();
        List<Activity> activity = new ArrayList<>();
        long orphaned = 0;
        for (JournalEntry.Event entry : events) {
            TrackingEvent event = entry.event();
            ParticipationTerms participationTerms = terms.get(event.participationId());
            if (participationTerms == null) {
                orphaned++;
                continue;
            }
            Activity.Outcome outcome = participationTerms.outcomeAt(event.occurredAt());
            if (event.type() == EventType.ON_AIR) {
                activity.add(new Activity(event.showingEventId(), participationTerms.streamerId(), event.participationId(),
                        participationTerms.campaign().id(), Activity.Kind.ON_AIR, event.occurredAt(), 0, outcome,
                        event.count()));
                continue; // counts nothing: the showing's impression was counted by its beacon
            }
            buckets.computeIfAbsent(ParticipationQuarterHour.containing(event.participationId(), event.occurredAt()),
                    key -> new Bucket()).add(entry, outcome.billable());
            activityOf(entry, outcome, participationTerms).ifPresent(activity::add);
        }
        Map<ParticipationQuarterHour, CounterDelta> byQuarter = new HashMap<>();
        Map<ParticipationDay, CounterDelta> byDay = new HashMap<>();
        buckets.forEach((quarter, bucket) -> {
            CounterDelta delta = bucket.toDelta(terms.get(quarter.participationId()));
            byQuarter.put(quarter, delta);
            byDay.merge(quarter.utcDay(), delta, CounterDelta::plus);
        });
        Map<String, CounterDelta> byParticipation = new HashMap<>();
        byDay.forEach((day, delta) -> byParticipation.merge(day.participationId(), delta, CounterDelta::plus));
        return new Coalesced(byParticipation, byDay, byQuarter, activity, orphaned);
    }

    /** A showing or a click as the audit trail keeps it; a viewer sample is statistics, not something that happened. */
    private static Optional<Activity> activityOf(JournalEntry.Event entry, Activity.Outcome outcome, ParticipationTerms terms) {
        TrackingEvent event = entry.event();
        Activity.Kind kind;
        if (event.type() == EventType.IMPRESSION) {
            kind = Activity.Kind.SHOWING;
        } else if (event.isClick()) {
            kind = Activity.Kind.of(event.type().clickType().orElseThrow());
        } else {
            return Optional.empty();
        }
        return Optional.of(new Activity(event.eventId(), terms.streamerId(), event.participationId(),
                terms.campaign().id(), kind, event.occurredAt(), kind == Activity.Kind.SHOWING ? event.count() : 0,
                entry.filtered() ? Activity.Outcome.REPEAT_VIEWER : outcome));
    }
}
