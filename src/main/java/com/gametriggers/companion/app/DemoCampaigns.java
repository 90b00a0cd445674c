package com.gametriggers.companion.app;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignStatus;
import com.gametriggers.companion.domain.MediaType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.store.MongoStore;

/**
 * Three local campaigns of different brands and pricing, joined for the streamer, so a new user sees a working
 * app before the platform has sent any. Their ids are fixed, so installing them again changes nothing.
 */
final class DemoCampaigns {

    /** The demo sponsors pay in US dollars, and say so, as the platform's campaigns do. */
    private static final Currency USD = Currency.getInstance("USD");

    private DemoCampaigns() {
    }

    static List<Campaign> campaigns(Instant now) {
        Instant start = now.minus(Duration.ofDays(1));
        Instant end = now.plus(Duration.ofDays(30));
        return List.of(
                new Campaign("64d000000000000000000001", "Nova Energy launch", "Nova Energy",
                        "Sugar-free energy drink for long sessions.", CampaignStatus.ACTIVE, PaymentType.CPM,
                        new BigDecimal("4.50"), new BigDecimal("2500"), "/assets/demo/nova-energy.svg", MediaType.IMAGE,
                        "https://example.com/nova-energy", start, end, USD),
                new Campaign("64d000000000000000000002", "Pixel Peak headset week", "Pixel Peak",
                        "Wireless headset with 40 h battery.", CampaignStatus.ACTIVE, PaymentType.CPC,
                        new BigDecimal("0.35"), new BigDecimal("1200"), "/assets/demo/pixel-peak.svg", MediaType.IMAGE,
                        "https://example.com/pixel-peak", start, end, USD, new BigDecimal("40")),
                new Campaign("64d000000000000000000003", "Quantum Cola summer", "Quantum Cola",
                        "Cola with a twist, now in cans.", CampaignStatus.ACTIVE, PaymentType.CPM,
                        new BigDecimal("6.00"), new BigDecimal("5000"), "/assets/demo/quantum-cola.svg", MediaType.IMAGE,
                        "https://example.com/quantum-cola", start, end, USD));
    }

    /** Adds the campaigns and joins those the streamer is not in yet; a paused or left one stays as it is. */
    static void install(MongoStore store, String streamerId, Clock clock) {
        Set<String> joined = store.participations().forStreamer(streamerId).stream()
                .map(Participation::campaignId)
                .collect(Collectors.toSet());
        for (Campaign campaign : campaigns(clock.instant())) {
            store.campaigns().addIfMissing(campaign);
            if (!joined.contains(campaign.id())) {
                store.participationUpdates().join(campaign.id(), streamerId);
            }
        }
    }
}
