package com.gametriggers.companion.overlay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignSpend;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.links.LinkTargets;
import com.gametriggers.companion.links.TrackingLinks;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreException;

/**
 * The streamer's participations, held in memory so that answering OBS and viewers never waits on MongoDB. Refreshed
 * from the store in the background every few seconds and after the app changes a participation.
 */
public final class OverlayDirectory implements LinkTargets {

    private static final Logger log = LoggerFactory.getLogger(OverlayDirectory.class);

    private record Snapshot(Map<String, OverlayEntry> byToken, Map<String, OverlayEntry> byCode) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of());
    }

    private final MongoStore store;
    private final String streamerId;
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private volatile boolean spendingUnreadableLogged;

    private OverlayDirectory(MongoStore store, String streamerId) {
        this.store = store;
        this.streamerId = streamerId;
    }

    /** The streamer's participations, read once now; the overlay keeps them fresh from then on. */
    public static OverlayDirectory load(MongoStore store, String streamerId) {
        OverlayDirectory directory = new OverlayDirectory(store, streamerId);
        directory.refresh();
        return directory;
    }

    /**
     * How often the participations are read again for changes made elsewhere. The platform changes them in its
     * MongoDB at any time; nothing but this app writes to the embedded store, and the app refreshes after its own
     * changes at once, so there the read is only a safety net.
     */
    Duration refreshEvery() {
        return store.isEmbedded() ? Duration.ofMinutes(1) : Duration.ofSeconds(10);
    }

    /** Reads the participations again; when the store is away the last known ones stay in use. */
    void refresh() {
        try {
            List<Participation> participations = store.participations().forStreamer(streamerId);
            Set<String> campaignIds = participations.stream().map(Participation::campaignId).collect(Collectors.toSet());
            Map<String, Campaign> campaigns = store.campaigns().byIds(campaignIds)
                    .stream().collect(Collectors.toMap(Campaign::id, Function.identity()));
            Map<String, CampaignSpend> spent = spending(campaignIds);
            List<OverlayEntry> entries = participations.stream()
                    .filter(p -> p.browserSourceToken() != null && campaigns.containsKey(p.campaignId()))
                    .map(p -> new OverlayEntry(p, campaigns.get(p.campaignId()),
                            spent.getOrDefault(p.campaignId(), CampaignSpend.NONE), TrackingLinks.code(p.browserSourceToken())))
                    .toList();
            snapshot = new Snapshot(
                    entries.stream().collect(Collectors.toUnmodifiableMap(OverlayEntry::token, Function.identity())),
                    entries.stream().collect(Collectors.toUnmodifiableMap(OverlayEntry::trackingCode, Function.identity())));
        } catch (RuntimeException e) {
            log.debug("Overlay directory not refreshed: {}", e.getMessage());
        }
    }

    /**
     * What the campaigns spent, or nothing known when it cannot be read (a role set up before budgets were enforced):
     * the sponsors stay on rotation, and the tracker, which settles every batch with the budgets, says what is wrong.
     */
    private Map<String, CampaignSpend> spending(Set<String> campaignIds) {
        try {
            return store.campaignSpending().forCampaigns(campaignIds);
        } catch (StoreException e) {
            if (!spendingUnreadableLogged) {
                spendingUnreadableLogged = true;
                log.warn("What the campaigns spent cannot be read; budgets do not steer the rotation: {}", e.getMessage());
            }
            return Map.of();
        }
    }

    Optional<OverlayEntry> byToken(String token) {
        return Optional.ofNullable(snapshot.byToken().get(token));
    }

    /** What a tracking link leads to: the listener for viewers' links asks here, so it never waits on MongoDB. */
    @Override
    public Optional<LinkTarget> byCode(String trackingCode) {
        return Optional.ofNullable(snapshot.byCode().get(trackingCode))
                .map(entry -> new LinkTarget(entry.participation().id(), entry.campaign().landingUrl()));
    }

    Optional<OverlayEntry> byParticipationId(String participationId) {
        return snapshot.byToken().values().stream()
                .filter(entry -> entry.participation().id().equals(participationId))
                .findFirst();
    }

    /**
     * How often each participation was shown in {@code [from, to)}, by participation id, as the audit trail holds it;
     * a read of the store, so never on a page's or a viewer's request.
     *
     * @throws com.gametriggers.companion.store.StoreException when the store is away
     */
    Map<String, Long> showingsBetween(Instant from, Instant to) {
        return store.activityLog().showings(streamerId, from, to).stream()
                .collect(Collectors.groupingBy(Activity::participationId, Collectors.counting()));
    }

    /** The participations that can be on stream now, in a stable order. */
    List<OverlayEntry> showableAt(Instant now) {
        return snapshot.byToken().values().stream()
                .filter(entry -> entry.showableAt(now))
                .sorted(java.util.Comparator.comparing(entry -> entry.participation().id()))
                .toList();
    }
}
