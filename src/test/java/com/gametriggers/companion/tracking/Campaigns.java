package com.gametriggers.companion.tracking;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignStatus;
import com.gametriggers.companion.domain.MediaType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreFixture;
import com.gametriggers.companion.store.TestIds;

/** Campaigns and participations for tracking tests. */
final class Campaigns {

    private Campaigns() {
    }

    static Campaign campaign(PaymentType type, String rate, Instant start, Instant end) {
        return new Campaign(TestIds.newId(), "Test " + type, "Brand " + type, "", CampaignStatus.ACTIVE, type,
                new BigDecimal(rate), new BigDecimal("1000000"), "/m.png", MediaType.IMAGE, "https://example.com", start, end);
    }

    static Campaign running(PaymentType type, String rate) {
        Instant now = Instant.now();
        return campaign(type, rate, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));
    }

    static Participation joined(MongoStore store, Campaign campaign) {
        store.campaigns().addIfMissing(campaign);
        return store.participationUpdates().join(campaign.id(), TestIds.newId());
    }

    /** The campaign added as the platform adds it (the app's role may write none), then joined through the app. */
    static Participation joined(StoreFixture fixture, Campaign campaign) {
        fixture.addCampaign(campaign);
        return fixture.updates().join(campaign.id(), TestIds.newId());
    }
}
