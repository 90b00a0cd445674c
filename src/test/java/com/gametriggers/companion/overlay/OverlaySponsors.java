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

/** A running CPM campaign with a creative, joined by a streamer, as the overlay tests need it. */
public final class OverlaySponsors {

    private OverlaySponsors() {
    }

    public static Participation novaEnergy(MongoStore store, String streamerId, String chatCommand) {
        return joined(store, streamerId, "Nova Energy", "/assets/demo/nova-energy.svg", MediaType.IMAGE, chatCommand);
    }

    /** A sponsor of its own with the creative at {@code mediaUrl}, joined by the streamer. */
    public static Participation joined(MongoStore store, String streamerId, String brand, String mediaUrl,
                                       MediaType mediaType, String chatCommand) {
        Instant now = Instant.now();
        Campaign campaign = new Campaign(TestIds.newId(), brand + " launch", brand,
                "Sugar-free energy drink for long sessions.", CampaignStatus.ACTIVE, PaymentType.CPM,
                new BigDecimal("4.50"), new BigDecimal("2500"), mediaUrl, mediaType,
                "https://example.com/" + brand.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));
        store.campaigns().addIfMissing(campaign);
        Participation joined = store.participationUpdates().join(campaign.id(), streamerId);
        if (chatCommand == null) {
            return joined;
        }
        return store.participationUpdates().setTrackingLinks(joined, joined.trackingUrl(), chatCommand).orElseThrow();
    }
}
