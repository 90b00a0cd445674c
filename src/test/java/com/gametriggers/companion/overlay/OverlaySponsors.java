package com.gametriggers.companion.overlay;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignStatus;
import com.gametriggers.companion.domain.MediaType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.TestIds;

/** A running CPM campaign with the demo creative, joined by a streamer, as the overlay tests need it. */
public final class OverlaySponsors {

    private OverlaySponsors() {
    }

    public static Participation novaEnergy(MongoStore store, String streamerId, String chatCommand) {
        Instant now = Instant.now();
        Campaign campaign = new Campaign(TestIds.newId(), "Nova Energy launch", "Nova Energy",
                "Sugar-free energy drink for long sessions.", CampaignStatus.ACTIVE, PaymentType.CPM,
                new BigDecimal("4.50"), new BigDecimal("2500"), "/assets/demo/nova-energy.svg", MediaType.IMAGE,
                "https://example.com/nova-energy", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));
        store.campaigns().addIfMissing(campaign);
        Participation joined = store.participationUpdates().join(campaign.id(), streamerId);
        if (chatCommand == null) {
            return joined;
        }
        return store.participationUpdates().setTrackingLinks(joined, joined.trackingUrl(), chatCommand).orElseThrow();
    }
}
