package com.gametriggers.companion.app;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.PaymentType;

/**
 * What the stored counters must be, computed from what the test sent: a showing on air counts once, times the viewer
 * count the app last heard (1 before any), a viewer sample goes into the statistics of the sponsor on screen, and a
 * chat command counts a click for its sponsor, or a filtered click when the same viewer used it within the window.
 * It also counts the events the app journals, to know how many wait for the store while it is away.
 */
final class ExpectedCounts {

    /** One participation's counters, as the store keeps them. */
    record Counts(long impressions, long chatClicks, long filteredClicks, long viewerCountSum, long viewerSampleCount,
                  long peakViewerCount) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

        static Counts of(Participation stored) {
            return new Counts(stored.impressions(), stored.chatClicks(), stored.filteredClicks(),
                    stored.viewerCountSum(), stored.viewerSampleCount(), stored.peakViewerCount());
        }

        Counts plus(Counts other) {
            return new Counts(impressions + other.impressions, chatClicks + other.chatClicks,
                    filteredClicks + other.filteredClicks, viewerCountSum + other.viewerCountSum,
                    viewerSampleCount + other.viewerSampleCount, Math.max(peakViewerCount, other.peakViewerCount));
        }

        /** CPM pays per thousand impressions, CPC per counted click; exact, so equal to the micro or wrong. */
        BigDecimal earnings(Campaign campaign) {
            BigDecimal amount = campaign.paymentType() == PaymentType.CPM
                    ? campaign.paymentRate().multiply(BigDecimal.valueOf(impressions)).movePointLeft(3)
                    : campaign.paymentRate().multiply(BigDecimal.valueOf(chatClicks));
            return amount.setScale(6);
        }
    }

    private final Map<String, Counts> byParticipation = new ConcurrentHashMap<>();
    private long events;
    private long showingsOnAir;
    private long samples;

    synchronized void impression(String participationId, long appViewers) {
        add(participationId, new Counts(Math.max(1, appViewers), 0, 0, 0, 0, 0));
        showingsOnAir++;
    }

    synchronized void viewerSample(String participationId, long viewers) {
        add(participationId, new Counts(0, 0, 0, viewers, 1, viewers));
        samples++;
    }

    synchronized void chatClick(String participationId) {
        add(participationId, new Counts(0, 1, 0, 0, 0, 0));
    }

    synchronized void filteredChatClick(String participationId) {
        add(participationId, new Counts(0, 0, 1, 0, 0, 0));
    }

    private void add(String participationId, Counts counts) {
        byParticipation.merge(participationId, counts, Counts::plus);
        events++;
    }

    synchronized Counts of(String participationId) {
        return byParticipation.getOrDefault(participationId, Counts.NONE);
    }

    /** Every event the app journaled for what the test sent, so far. */
    synchronized long events() {
        return events;
    }

    synchronized long showingsOnAir() {
        return showingsOnAir;
    }

    synchronized long samples() {
        return samples;
    }

    synchronized Counts total() {
        return byParticipation.values().stream().reduce(Counts.NONE, Counts::plus);
    }
}
