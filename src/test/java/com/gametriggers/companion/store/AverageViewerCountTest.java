package com.gametriggers.companion.store;

import static com.gametriggers.companion.store.TestIds.newId;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.domain.CounterDelta;
import com.gametriggers.companion.domain.Participation;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * A MongoDB that refuses update pipelines (before 4.2, or a wire-protocol server such as mongo-java-server reached by
 * its address) cannot keep {@code avgViewerCount}: the counters must be stored all the same, and the refusal said once.
 */
class AverageViewerCountTest {

    @TempDir
    Path dataDir;

    private final PlatformWireServer server = new PlatformWireServer();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger batchLog = (Logger) LoggerFactory.getLogger(CounterBatches.class);

    @BeforeEach
    void start() {
        logged.start();
        batchLog.addAppender(logged);
    }

    @AfterEach
    void stop() {
        batchLog.detachAppender(logged);
        server.close();
    }

    @Test
    void aStoreWithoutUpdatePipelinesStillTakesEveryCountAndTheRefusalIsSaidOnce() {
        CounterDelta samples = new CounterDelta(500, 0, 0, 0, 0, 0, 0, 0, 2_250_000, 300, 2, 200);
        try (MongoStore store = MongoStore.open(server.settings(dataDir));
             MongoClient raw = MongoClients.create(server.uri)) {
            Participation p = store.participationUpdates().join(newId(), newId());

            store.counterBatches().apply("batch-1", Map.of(p.id(), samples), Map.of(), Map.of(), List.of());
            store.counterBatches().apply("batch-2", Map.of(p.id(), samples), Map.of(), Map.of(), List.of());

            Participation after = store.participations().byId(p.id()).orElseThrow();
            assertThat(after.impressions()).isEqualTo(1000);
            assertThat(after.viewerSampleCount()).isEqualTo(4);
            assertThat(after.averageViewerCount()).isEqualTo(150.0);
            Document stored = raw.getDatabase("platform").getCollection("campaignparticipations")
                    .find(Filters.eq("_id", new ObjectId(p.id()))).first();
            assertThat(stored).doesNotContainKey("avgViewerCount");
        }
        assertThat(logged.list).filteredOn(event -> event.getFormattedMessage().contains("avgViewerCount")).hasSize(1);
    }
}
