package com.gametriggers.companion.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.store.CampaignCatalog;
import com.gametriggers.companion.store.ParticipationQueries;

/**
 * The terms of the participations in a batch, read from the store at most every {@code maxAge}, so a pause in the
 * app stops earnings within seconds while a busy stream costs one query per few flushes, not one per event.
 */
final class TermsCache {

    private record Cached(ParticipationTerms terms, Instant loadedAt) {
    }

    private final ParticipationQueries participations;
    private final CampaignCatalog campaigns;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    TermsCache(ParticipationQueries participations, CampaignCatalog campaigns, Duration maxAge, Clock clock) {
        this.participations = participations;
        this.campaigns = campaigns;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /**
     * Terms for those of the ids that exist in the store.
     *
     * @throws com.gametriggers.companion.store.StoreException when the store cannot be read
     */
    Map<String, ParticipationTerms> termsFor(Set<String> participationIds) {
        Instant now = clock.instant();
        Set<String> stale = participationIds.stream()
                .filter(id -> {
                    Cached cached = cache.get(id);
                    return cached == null || cached.loadedAt().plus(maxAge).isBefore(now);
                })
                .collect(Collectors.toSet());
        if (!stale.isEmpty()) {
            load(stale, now);
        }
        Map<String, ParticipationTerms> terms = new HashMap<>();
        for (String id : participationIds) {
            Cached cached = cache.get(id);
            if (cached != null) {
                terms.put(id, cached.terms());
            }
        }
        return terms;
    }

    private void load(Set<String> ids, Instant now) {
        Map<String, Participation> found = participations.byIds(ids).stream()
                .collect(Collectors.toMap(Participation::id, Function.identity()));
        Set<String> campaignIds = found.values().stream().map(Participation::campaignId).collect(Collectors.toSet());
        Map<String, Campaign> campaignsById = campaigns.byIds(campaignIds).stream()
                .collect(Collectors.toMap(Campaign::id, Function.identity()));
        for (String id : ids) {
            Participation participation = found.get(id);
            Campaign campaign = participation == null ? null : campaignsById.get(participation.campaignId());
            if (campaign == null) {
                cache.remove(id);
            } else {
                cache.put(id, new Cached(new ParticipationTerms(participation.streamerId(), participation.status(), campaign), now));
            }
        }
    }
}
