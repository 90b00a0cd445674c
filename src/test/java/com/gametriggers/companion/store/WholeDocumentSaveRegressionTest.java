package com.gametriggers.companion.store;

import static com.gametriggers.companion.store.TestIds.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.gametriggers.companion.domain.Participation;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Why the app never writes whole documents: the platform's old way (read the participation, change a counter in
 * memory, {@code save()} it back) loses increments under the same load the atomic helpers count exactly, and a copy
 * rebuilt without its {@code _id} collides on {@code browserSourceToken_1} with E11000, as it did in production.
 */
@ExtendWith(StoreFixture.PerTest.class)
class WholeDocumentSaveRegressionTest {

    private static final int THREADS = 8;
    private static final int SAVES_PER_THREAD = 500;

    private final StoreFixture fixture;

    WholeDocumentSaveRegressionTest(StoreFixture fixture) {
        this.fixture = fixture;
    }

    @Test
    void readModifySaveLosesClicksUnderConcurrency() throws Exception {
        Participation p = fixture.updates().join(newId(), newId());
        MongoCollection<Document> collection = fixture.rawParticipations();
        ObjectId id = new ObjectId(p.id());
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < SAVES_PER_THREAD; i++) {
                    Document copy = collection.find(Filters.eq("_id", id)).first();
                    copy.put("clicks", copy.get("clicks", Number.class).longValue() + 1);
                    // participation.save(): replace the whole document with the in-memory copy.
                    collection.replaceOne(Filters.eq("_id", id), copy, new ReplaceOptions().upsert(true));
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();

        long stored = collection.find(Filters.eq("_id", id)).first().get("clicks", Number.class).longValue();
        long lost = THREADS * SAVES_PER_THREAD - stored;
        assertThat(lost).as("clicks lost by concurrent saves (the atomic helpers lose none under the same load)").isPositive();
    }

    @Test
    void savingACopyRebuiltWithoutItsIdRaisesDuplicateKeyOnTheToken() {
        Participation p = fixture.updates().join(newId(), newId());
        MongoCollection<Document> collection = fixture.rawParticipations();
        Document rebuilt = collection.find(Filters.eq("_id", new ObjectId(p.id()))).first();
        rebuilt.put("_id", new ObjectId()); // a copy mapped back from a DTO: new id, same token
        rebuilt.put("campaignId", new ObjectId());

        assertThatThrownBy(() -> collection.replaceOne(Filters.eq("_id", rebuilt.get("_id")), rebuilt,
                new ReplaceOptions().upsert(true)))
                .isInstanceOfSatisfying(MongoWriteException.class, e -> {
                    assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY);
                    assertThat(e.getMessage()).contains("E11000").contains("browserSourceToken");
                });
    }
}
