package com.gametriggers.companion.store;

import static com.gametriggers.companion.store.TestIds.newId;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.domain.CounterDelta;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.ParticipationDay;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * A data file left out of step by an earlier version killed between H2's commits: a document its {@code _id} index does
 * not know, an index entry for a document that is not there. Built here by writing H2's maps directly, as mongo-java-
 * server lays them out; the store repairs it when it opens, and the counts go on from where they were.
 */
class EmbeddedStoreRepairTest {

    private static final String DAILY_STATS_DATA = "databases.gametriggers." + Schema.DAILY_STATS;
    private static final String DAILY_STATS_ID_INDEX = "gametriggers." + Schema.DAILY_STATS + "._index__id_";
    private static final CounterDelta HUNDRED_IMPRESSIONS = new CounterDelta(100, 0, 0, 0, 0, 0, 0, 0, 200_000, 0, 0, 0);

    @TempDir
    Path dataDir;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void listen() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(UniqueIndexRepair.class)).addAppender(logs);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(UniqueIndexRepair.class)).detachAppender(logs);
    }

    @Test
    void aDocumentItsIdIndexLostIsFoundAgainAndAnUpsertAddsToIt() {
        Participation p;
        ParticipationDay counted = new ParticipationDay(newId(), LocalDate.of(2026, 3, 1));
        ParticipationDay unindexed = new ParticipationDay(counted.participationId(), LocalDate.of(2026, 3, 2));
        try (MongoStore store = MongoStore.open(StoreSettings.embedded(dataDir))) {
            p = store.participationUpdates().join(newId(), newId());
            store.counterBatches().apply("batch-1", Map.of(), Map.of(counted, HUNDRED_IMPRESSIONS), Map.of(), List.of());
        }
        try (MVStore file = MVStore.open(dataDir.resolve(EmbeddedMongoServer.DATA_FILE_NAME).toString())) {
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> documents = file.openMap(DAILY_STATS_DATA);
            MVMap<KeyValue, Object> idIndex = file.openMap(DAILY_STATS_ID_INDEX);
            assertThat(idIndex.remove(new KeyValue(counted.key()))).as("the index entry taken away").isNotNull();
            de.bwaldvogel.mongo.bson.Document stored = new de.bwaldvogel.mongo.bson.Document("_id", unindexed.key());
            stored.put("impressions", 7L);
            documents.put(unindexed.key(), stored);
            idIndex.put(new KeyValue("gone"), "gone");
            file.setStoreVersion(0); // as an earlier version left it
            file.commit();
        }

        try (MongoStore store = MongoStore.open(StoreSettings.embedded(dataDir));
             MongoClient client = MongoClients.create(store.address())) {
            CounterBatches.Outcome outcome = store.counterBatches().apply("batch-2", Map.of(),
                    Map.of(counted, HUNDRED_IMPRESSIONS, unindexed, HUNDRED_IMPRESSIONS), Map.of(), List.of());

            MongoCollection<Document> dailyStats = client.getDatabase(StoreSettings.DEFAULT_DATABASE)
                    .getCollection(Schema.DAILY_STATS);
            assertThat(outcome.daysApplied()).isEqualTo(2);
            assertThat(impressions(dailyStats, counted)).isEqualTo(200);
            assertThat(impressions(dailyStats, unindexed)).isEqualTo(107);
            assertThat(dailyStats.find(Filters.eq("_id", "gone")).first()).isNull();
            List<Document> scanned = dailyStats.find().into(new ArrayList<>());
            assertThat(scanned).hasSize(2).allSatisfy(document ->
                    assertThat(dailyStats.find(Filters.eq("_id", document.get("_id"))).first()).isEqualTo(document));
            assertThat(store.participations().byId(p.id())).as("an undamaged collection").isPresent();
        }
        assertThat(logs.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("gametriggers." + Schema.DAILY_STATS + " (_id_: 2 of 2 entries missing, 1 pointing at no document")
                .doesNotContain(Schema.PARTICIPATIONS);
    }

    @Test
    void anUndamagedFileIsLeftAsItIs() {
        try (MongoStore store = MongoStore.open(StoreSettings.embedded(dataDir))) {
            store.participationUpdates().join(newId(), newId());
            store.counterBatches().apply("batch-1", Map.of(),
                    Map.of(new ParticipationDay(newId(), LocalDate.of(2026, 3, 1)), HUNDRED_IMPRESSIONS), Map.of(), List.of());
        }
        try (MongoStore store = MongoStore.open(StoreSettings.embedded(dataDir))) {
            assertThat(store.isEmbedded()).isTrue();
        }
        assertThat(logs.list).isEmpty();
    }

    private static long impressions(MongoCollection<Document> dailyStats, ParticipationDay day) {
        return dailyStats.find(Filters.eq("_id", day.key())).first().get("impressions", Number.class).longValue();
    }
}
