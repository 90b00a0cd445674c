package com.gametriggers.companion.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * On a MongoDB the app creates no index: it checks them, names each missing one, and still opens. Against the
 * in-memory wire server, which answers {@code listIndexes} as a MongoDB does.
 */
class IndexSetupTest {

    @TempDir
    Path dataDir;

    private final PlatformWireServer server = new PlatformWireServer();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger indexLog = (Logger) LoggerFactory.getLogger(IndexSetup.class);

    @BeforeEach
    void start() {
        logged.start();
        indexLog.addAppender(logged);
    }

    @AfterEach
    void stop() {
        indexLog.detachAppender(logged);
        server.close();
    }

    @Test
    void aMongoDbWithoutTheIndexesIsUsedAsItIsAndEachMissingOneIsNamed() {
        try (MongoStore store = MongoStore.open(platform())) {
            assertThat(store.missingIndexes()).containsExactly(
                    "campaignparticipations.browserSourceToken_1", "campaignparticipations.campaignId_1_streamerId_1",
                    "campaignparticipations.chatCommandKey_1", "participationdailystats.participationId_1_day_1",
                    "participationquarterhours.participationId_1_start_1",
                    "participationshowings.participationId_1_at_-1", "participationclicks.participationId_1_at_-1",
                    "participationshowings.streamerId_1_at_1");
        }

        List<String> warnings = logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(warnings).hasSize(IndexSetup.REQUIRED.size());
        assertThat(warnings.get(1)).isEqualTo("The MongoDB index campaignparticipations.campaignId_1_streamerId_1 "
                + "{\"campaignId\": 1, \"streamerId\": 1} the app relies on is missing; the app creates no index on the "
                + "platform's MongoDB: run --print-mongodb-setup and give it to the platform's administrators");
        assertThat(indexNames()).isEmpty();
    }

    @Test
    void indexesTheAdministratorsCreatedSatisfyTheCheckWhateverTheirNames() {
        try (MongoClient admin = MongoClients.create(server.uri)) {
            for (RequiredIndex index : IndexSetup.REQUIRED) {
                // As the platform may have made one before: same keys and uniqueness, its own name.
                admin.getDatabase("platform").getCollection(index.collection())
                        .createIndex(index.keys(), index.options(false).name("platform_" + index.name()));
            }
        }
        List<String> before = indexNames();

        try (MongoStore store = MongoStore.open(platform())) {
            assertThat(store.missingIndexes()).isEmpty();
        }

        assertThat(logged.list).isEmpty();
        assertThat(indexNames()).isEqualTo(before);
    }

    @Test
    void aNonUniqueIndexDoesNotStandInForAUniqueOne() {
        RequiredIndex unique = IndexSetup.REQUIRED.get(1);

        assertThat(unique.isMetBy(new Document("key", new Document("campaignId", 1).append("streamerId", 1))
                .append("unique", true))).isTrue();
        assertThat(unique.isMetBy(new Document("key", new Document("campaignId", 1).append("streamerId", 1)))).isFalse();
        assertThat(unique.isMetBy(new Document("key", new Document("streamerId", 1).append("campaignId", 1))
                .append("unique", true))).isFalse();
        assertThat(IndexSetup.REQUIRED.get(5).isMetBy(new Document("key",
                new Document("participationId", 1.0).append("at", -1.0)))).isTrue();
    }

    @Test
    void aThrowAwayDatabaseCanHaveTheStoreCreateThem() {
        try (MongoStore store = MongoStore.open(platform().withIndexCreation())) {
            assertThat(store.missingIndexes()).isEmpty();
        }

        try (MongoStore store = MongoStore.open(platform())) {
            assertThat(store.missingIndexes()).isEmpty();
        }
        assertThat(logged.list).isEmpty();
    }

    private StoreSettings platform() {
        return server.settings(dataDir);
    }

    /** Every index but the {@code _id} ones, as {@code collection.name}. */
    private List<String> indexNames() {
        List<String> names = new ArrayList<>();
        try (MongoClient admin = MongoClients.create(server.uri)) {
            for (String collection : admin.getDatabase("platform").listCollectionNames()) {
                for (Document index : admin.getDatabase("platform").getCollection(collection).listIndexes()) {
                    if (!"_id_".equals(index.getString("name"))) {
                        names.add(collection + "." + index.getString("name"));
                    }
                }
            }
        }
        names.sort(null);
        return names;
    }
}
