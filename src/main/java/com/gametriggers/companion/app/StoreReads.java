package com.gametriggers.companion.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignSpend;
import com.gametriggers.companion.domain.DailyCounters;
import com.gametriggers.companion.domain.DailyEarnings;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreException;
import com.gametriggers.companion.store.StoreUnavailableException;
import com.gametriggers.companion.ui.StreamerData;

/**
 * The streamer's data as the window reads it, straight from the store's queries.
 *
 * @param connectedAs the name of the GameTriggers account the app is connected as, if it is
 */
public record StoreReads(MongoStore store, String streamerId, Optional<String> connectedAs) implements StreamerData {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StoreReads.class);

    /** Not connected to a GameTriggers account: the export and the tests read a store this way. */
    public StoreReads(MongoStore store, String streamerId) {
        this(store, streamerId, Optional.empty());
    }

    @Override
    public String storeAddress() {
        return store.address();
    }

    @Override
    public boolean storeEmbedded() {
        return store.isEmbedded();
    }

    @Override
    public List<String> storeMissingIndexes() {
        return store.missingIndexes();
    }

    @Override
    public List<Participation> participations() {
        return store.participations().forStreamer(streamerId);
    }

    @Override
    public List<Campaign> campaigns(Collection<String> campaignIds) {
        return campaignIds.isEmpty() ? List.of() : store.campaigns().byIds(campaignIds);
    }

    @Override
    public Map<String, CampaignSpend> campaignSpending(Collection<String> campaignIds) {
        if (campaignIds.isEmpty()) {
            return Map.of();
        }
        try {
            return store.campaignSpending().forCampaigns(campaignIds);
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (StoreException e) {
            // The sponsors' list matters more than the budget line: shown without it, the reason in the log.
            log.warn("What the campaigns spent cannot be read: {}", e.getMessage());
            return Map.of();
        }
    }

    @Override
    public List<DailyEarnings> dailyEarnings(Collection<String> participationIds, ZoneId zone, LocalDate from,
                                             LocalDate to) {
        return store.earnings().localDays(participationIds, zone, from, to);
    }

    @Override
    public List<Activity> activity(String participationId, Instant since, int limit) {
        return store.activityLog().recent(participationId, since, limit);
    }

    @Override
    public List<DailyCounters> dailyCounters(Collection<String> participationIds, LocalDate from, LocalDate to) {
        return store.earnings().dailyCounters(participationIds, from, to);
    }

    @Override
    public List<Activity> showings(Instant from, Instant to) {
        return store.activityLog().showings(streamerId, from, to);
    }
}
