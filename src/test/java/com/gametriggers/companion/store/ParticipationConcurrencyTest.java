package com.gametriggers.companion.store;

import static com.gametriggers.companion.store.TestIds.newId;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.Money;
import com.gametriggers.companion.domain.Participation;
import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/** Many threads changing the same few participations at once: every count exact, nothing unique rewritten. */
@ExtendWith(StoreFixture.PerTest.class)
class ParticipationConcurrencyTest {

    private static final int THREADS = 8;
    private static final int OPERATIONS_PER_THREAD = 5_000;
    private static final int SHARED_PARTICIPATIONS = 4;
    private static final BigDecimal CLICK_EARNINGS = new BigDecimal("0.35");
    private static final BigDecimal IMPRESSION_EARNINGS = new BigDecimal("0.0045");

    private final StoreFixture fixture;

    ParticipationConcurrencyTest(StoreFixture fixture) {
        this.fixture = fixture;
    }

    /** What the threads did to one participation, counted on the client side. */
    private static final class Expected {
        final LongAdder impressions = new LongAdder();
        final LongAdder chat = new LongAdder();
        final LongAdder qr = new LongAdder();
        final LongAdder link = new LongAdder();
        final LongAdder earningsMicros = new LongAdder();
        final LongAdder viewerSum = new LongAdder();
        final LongAdder samples = new LongAdder();
        final LongAccumulator peak = new LongAccumulator(Math::max, 0);
    }

    @Test
    void mixedOperationsFromEightThreadsCountExactlyAndNeverTouchTheTokenOrForeignFields() throws Exception {
        ParticipationUpdates updates = fixture.updates();
        String streamerId = newId();
        List<Participation> participations = new ArrayList<>();
        List<Expected> expected = new ArrayList<>();
        for (int i = 0; i < SHARED_PARTICIPATIONS; i++) {
            Participation p = updates.join(newId(), streamerId);
            fixture.rawParticipations().updateOne(Filters.eq("_id", new ObjectId(p.id())), Updates.set("platformNote", "n" + i));
            participations.add(p);
            expected.add(new Expected());
        }
        AtomicLong failures = new AtomicLong();
        Set<String> failureMessages = ConcurrentHashMap.newKeySet();
        CyclicBarrier start = new CyclicBarrier(THREADS);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = t;
            done.add(pool.submit((Callable<Void>) () -> {
                SplittableRandom random = new SplittableRandom(seed);
                start.await();
                for (int op = 0; op < OPERATIONS_PER_THREAD; op++) {
                    int index = random.nextInt(SHARED_PARTICIPATIONS);
                    Participation p = participations.get(index);
                    Expected e = expected.get(index);
                    try {
                        apply(updates, random, p, e);
                    } catch (MongoException | StoreException error) {
                        failures.incrementAndGet();
                        failureMessages.add(error.getMessage());
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();

        assertThat(failures.get()).as("errors, e.g. E11000: %s", failureMessages).isZero();
        for (int i = 0; i < SHARED_PARTICIPATIONS; i++) {
            Participation before = participations.get(i);
            Expected e = expected.get(i);
            Participation after = fixture.store().participations().byId(before.id()).orElseThrow();
            long clicks = e.chat.sum() + e.qr.sum() + e.link.sum();
            assertThat(after.impressions()).isEqualTo(e.impressions.sum());
            assertThat(after.clicks()).isEqualTo(clicks);
            assertThat(after.chatClicks()).isEqualTo(e.chat.sum());
            assertThat(after.qrScans()).isEqualTo(e.qr.sum());
            assertThat(after.linkClicks()).isEqualTo(e.link.sum());
            assertThat(after.estimatedEarnings()).isEqualByComparingTo(Money.fromMicros(e.earningsMicros.sum()));
            assertThat(after.peakViewerCount()).isEqualTo(e.peak.get());
            assertThat(after.viewerSampleCount()).isEqualTo(e.samples.sum());
            assertThat(after.viewerCountSum()).isEqualTo(e.viewerSum.sum());
            assertThat(after.averageViewerCount()).isEqualTo((double) e.viewerSum.sum() / e.samples.sum());
            assertThat(after.browserSourceToken()).isEqualTo(before.browserSourceToken());
            Document stored = fixture.rawParticipations().find(Filters.eq("_id", new ObjectId(before.id()))).first();
            assertThat(stored.getString("platformNote")).isEqualTo("n" + i);
        }
        assertThat(fixture.rawParticipations().countDocuments()).isEqualTo(SHARED_PARTICIPATIONS);
        long totalClicks = expected.stream().mapToLong(e -> e.chat.sum() + e.qr.sum() + e.link.sum()).sum();
        assertThat(totalClicks).as("the load really mixed the operations").isGreaterThan(THREADS * OPERATIONS_PER_THREAD / 4);
    }

    private static void apply(ParticipationUpdates updates, SplittableRandom random, Participation p, Expected e) {
        int kind = random.nextInt(10);
        if (kind < 4) {
            ClickType type = ClickType.values()[random.nextInt(ClickType.values().length)];
            updates.recordClick(p.id(), type, CLICK_EARNINGS);
            (type == ClickType.CHAT ? e.chat : type == ClickType.QR ? e.qr : e.link).increment();
            e.earningsMicros.add(Money.toMicros(CLICK_EARNINGS));
        } else if (kind < 7) {
            long count = 1 + random.nextInt(5);
            BigDecimal earnings = IMPRESSION_EARNINGS.multiply(BigDecimal.valueOf(count));
            updates.recordImpressions(p.id(), count, earnings);
            e.impressions.add(count);
            e.earningsMicros.add(Money.toMicros(earnings));
        } else if (kind < 9) {
            long viewers = random.nextInt(20_000);
            updates.recordViewerSample(p.id(), viewers);
            e.viewerSum.add(viewers);
            e.samples.increment();
            e.peak.accumulate(viewers);
        } else {
            // Joining again and setting the QR URL race with the counters too; neither may disturb them.
            assertThat(updates.join(p.campaignId(), p.streamerId()).browserSourceToken()).isEqualTo(p.browserSourceToken());
            updates.setQrCodeUrl(p.id(), "http://127.0.0.1/qr/" + random.nextInt(100) + ".png");
        }
    }

    @Test
    void eightThreadsJoiningTheSameCampaignAtOnceMakeOneParticipationWithOneToken() throws Exception {
        String campaignId = newId();
        String streamerId = newId();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Participation>> joins = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            joins.add(pool.submit(() -> {
                start.await();
                return fixture.updates().join(campaignId, streamerId);
            }));
        }
        Set<String> ids = new java.util.HashSet<>();
        Set<String> tokens = new java.util.HashSet<>();
        for (Future<Participation> join : joins) {
            Participation p = join.get();
            ids.add(p.id());
            tokens.add(p.browserSourceToken());
        }
        pool.shutdown();

        assertThat(ids).hasSize(1);
        assertThat(tokens).hasSize(1);
        assertThat(fixture.rawParticipations().countDocuments(
                Filters.and(Filters.eq("campaignId", new ObjectId(campaignId)), Filters.eq("streamerId", new ObjectId(streamerId)))))
                .isEqualTo(1);
    }
}
