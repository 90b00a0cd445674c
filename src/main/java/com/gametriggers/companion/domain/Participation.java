package com.gametriggers.companion.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A streamer's place in one campaign, with its counters. {@code browserSourceToken} is the secret in the
 * streamer's overlay URL. {@code filteredClicks} are repeat clicks the click guard did not count; the unbilled counters
 * are the part of impressions and clicks that earned nothing (paused, left, or outside the campaign's dates). The average viewer count is derived from an exact sum and sample count, both of which
 * only ever grow with {@code $inc}, so no concurrent writer can leave it stale.
 */
public record Participation(
        String id,
        String campaignId,
        String streamerId,
        ParticipationStatus status,
        String browserSourceToken,
        long impressions,
        long clicks,
        long chatClicks,
        long qrScans,
        long linkClicks,
        long filteredClicks,
        long unbilledImpressions,
        long unbilledClicks,
        BigDecimal estimatedEarnings,
        long peakViewerCount,
        long viewerCountSum,
        long viewerSampleCount,
        String qrCodeUrl,
        String trackingUrl,
        String chatCommand,
        Instant joinedAt,
        Instant updatedAt) {

    public Participation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(estimatedEarnings, "estimatedEarnings");
    }

    /** Mean viewers over all samples, or 0 before the first sample. */
    public double averageViewerCount() {
        return viewerSampleCount == 0 ? 0 : (double) viewerCountSum / viewerSampleCount;
    }
}
