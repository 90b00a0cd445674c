package com.gametriggers.companion.domain;

/**
 * What one batch of tracked events adds to a participation's counters, or to one of its daily buckets.
 * {@code unbilledImpressions} and {@code unbilledClicks} are the part of {@code impressions} and {@code clicks} that
 * earned nothing (participation paused or left, or outside the campaign's dates); {@code filteredClicks} are repeat
 * clicks of the same viewer that the click guard kept out of {@code clicks}. {@code peakViewerCount} is a maximum,
 * not a sum.
 */
public record CounterDelta(
        long impressions,
        long clicks,
        long chatClicks,
        long qrScans,
        long linkClicks,
        long filteredClicks,
        long unbilledImpressions,
        long unbilledClicks,
        long earningsMicros,
        long viewerCountSum,
        long viewerSampleCount,
        long peakViewerCount) {

    public static final CounterDelta NONE = new CounterDelta(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public CounterDelta plus(CounterDelta other) {
        return new CounterDelta(
                impressions + other.impressions,
                clicks + other.clicks,
                chatClicks + other.chatClicks,
                qrScans + other.qrScans,
                linkClicks + other.linkClicks,
                filteredClicks + other.filteredClicks,
                unbilledImpressions + other.unbilledImpressions,
                unbilledClicks + other.unbilledClicks,
                earningsMicros + other.earningsMicros,
                viewerCountSum + other.viewerCountSum,
                viewerSampleCount + other.viewerSampleCount,
                Math.max(peakViewerCount, other.peakViewerCount));
    }
}
