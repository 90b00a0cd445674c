package com.gametriggers.companion.ui.earnings;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import com.gametriggers.companion.app.StoreReads;
import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignStatus;
import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.MediaType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreSettings;
import com.gametriggers.companion.store.TestIds;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackerOptions;
import com.gametriggers.companion.tracking.TrackingEvent;

/**
 * A real embedded store and tracker with one streamer, whose campaigns run from 60 days before {@link #now} to 30
 * days after it, and events recorded through the tracker as the overlay and chat would record them.
 */
final class EarningsFixture implements AutoCloseable {

    private static final Duration STORED = Duration.ofSeconds(20);

    final MongoStore store;
    final Tracker tracker;
    final String streamerId = TestIds.newId();
    /** The moment "now" for events and for the loader's clock, so a test never straddles a UTC midnight. */
    final Instant now = Instant.now();
    final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    private final AtomicLong viewers = new AtomicLong();

    EarningsFixture(Path dataDir) throws IOException {
        store = MongoStore.open(StoreSettings.embedded(dataDir));
        tracker = Tracker.start(store, dataDir.resolve("journal"),
                TrackerOptions.defaults().withFlushInterval(Duration.ofMillis(20)));
    }

    Participation join(String brand, String name, PaymentType type, String rate) {
        return join(brand, name, type, rate, Campaign.DEFAULT_CURRENCY);
    }

    Participation join(String brand, String name, PaymentType type, String rate, Currency currency) {
        Campaign campaign = new Campaign(TestIds.newId(), name, brand, "", CampaignStatus.ACTIVE, type,
                new BigDecimal(rate), new BigDecimal("5000"), "/m.png", MediaType.IMAGE, "https://example.com",
                now.minus(Duration.ofDays(60)), now.plus(Duration.ofDays(30)), currency);
        store.campaigns().addIfMissing(campaign);
        return store.participationUpdates().join(campaign.id(), streamerId);
    }

    /** One showing of the sponsor on air, {@code daysAgo} days before now, seen by {@code viewerCount} viewers. */
    CompletableFuture<?> showing(Participation participation, int daysAgo, long viewerCount) {
        return tracker.record(TrackingEvent.impression(UUID.randomUUID().toString(), participation.id(),
                now.minus(Duration.ofDays(daysAgo)), viewerCount));
    }

    /** One click by a viewer not seen before, {@code daysAgo} days before now. */
    CompletableFuture<?> click(Participation participation, int daysAgo) {
        return tracker.record(TrackingEvent.click(UUID.randomUUID().toString(), participation.id(),
                now.minus(Duration.ofDays(daysAgo)), ClickType.CHAT, "viewer-" + viewers.incrementAndGet()));
    }

    /**
     * Waits until every event is durable and the store shows {@code allTime} earned in all, {@code lastThirtyDays} in
     * the daily buckets (a batch moves the participation's counters and its daily buckets in separate writes).
     */
    void awaitStored(List<CompletableFuture<?>> recorded, String allTime, String lastThirtyDays) {
        CompletableFuture.allOf(recorded.toArray(CompletableFuture[]::new)).join();
        await().atMost(STORED).until(() -> {
            EarningsSummary summary = load();
            return summary.allTime().total().compareTo(new BigDecimal(allTime)) == 0
                    && summary.lastThirtyDays().total().compareTo(new BigDecimal(lastThirtyDays)) == 0;
        });
    }

    EarningsSummary load() {
        return EarningsLoader.load(new StoreReads(store, streamerId), clock);
    }

    static List<CompletableFuture<?>> events() {
        return new ArrayList<>();
    }

    @Override
    public void close() {
        tracker.close();
        store.close();
    }
}
