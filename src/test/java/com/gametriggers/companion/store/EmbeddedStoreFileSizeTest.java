package com.gametriggers.companion.store;

import static com.gametriggers.companion.store.TestIds.newId;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.h2.mvstore.MVStoreTool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.CounterDelta;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.ParticipationDay;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * With H2's background writer off, only the store's own compaction keeps the file from growing: a long stream of
 * counter batches, each with its trail documents and made durable as the tracker does, must leave a file within a few
 * times the size of its live data (what the same data takes once H2 compacted it completely). The watchdog compacts
 * every 5 s; here that is every {@value #BATCHES_PER_WATCH} batches, the tracker's fastest pace (a batch per 200 ms),
 * so that the result does not depend on how fast this machine writes.
 */
class EmbeddedStoreFileSizeTest {

    /** A batch every few seconds over an evening's stream, give or take. */
    private static final int BATCHES = 4_000;
    private static final int BATCHES_PER_WATCH = 25;
    private static final int SHOWINGS_PER_BATCH = 3;
    private static final int CLICKS_PER_BATCH = 5;
    private static final CounterDelta DELTA = new CounterDelta(120, 5, 2, 2, 1, 1, 0, 0, 240_000, 3_000, 3, 1_100);
    /** The evening the batches fall on; any date does, nothing here is compared with today. */
    private static final Instant EVENING = Instant.parse("2026-03-01T19:00:00Z");

    @TempDir
    Path dataDir;

    private final ListAppender<ILoggingEvent> compactions = new ListAppender<>();

    @BeforeEach
    void listen() {
        compactions.start();
        Logger backend = (Logger) LoggerFactory.getLogger(WholeCommandH2Backend.class);
        backend.setLevel(Level.DEBUG);
        backend.addAppender(compactions);
    }

    @AfterEach
    void stopListening() {
        Logger backend = (Logger) LoggerFactory.getLogger(WholeCommandH2Backend.class);
        backend.detachAppender(compactions);
        backend.setLevel(null);
    }

    @Test
    void aLongStreamOfBatchesKeepsTheFileWithinAFewTimesItsLiveData() throws IOException {
        Path file = dataDir.resolve(EmbeddedMongoServer.DATA_FILE_NAME);
        long largest = 0;
        List<String> sizes = new ArrayList<>();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase(StoreSettings.DEFAULT_DATABASE);
            IndexSetup.ensureIndexes(database, true);
            CounterBatches counterBatches = new CounterBatches(database, new ActivityLog(database), server::commit, false);
            List<Participation> sponsors = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sponsors.add(new ParticipationUpdates(database).join(newId(), newId()));
            }
            for (int batch = 0; batch < BATCHES; batch++) {
                Map<String, CounterDelta> byParticipation = new HashMap<>();
                Map<ParticipationDay, CounterDelta> byDay = new HashMap<>();
                List<Activity> activity = new ArrayList<>();
                Instant at = EVENING.plusSeconds(batch * 5L);
                for (Participation sponsor : sponsors) {
                    byParticipation.put(sponsor.id(), DELTA);
                    byDay.put(new ParticipationDay(sponsor.id(), LocalDate.of(2026, 3, 1)), DELTA);
                }
                Participation shown = sponsors.get(batch % sponsors.size());
                for (int i = 0; i < SHOWINGS_PER_BATCH + CLICKS_PER_BATCH; i++) {
                    activity.add(new Activity("t:" + batch + ":" + i, "streamer", shown.id(), "campaign",
                            i < SHOWINGS_PER_BATCH ? Activity.Kind.SHOWING : Activity.Kind.CHAT, at, 40,
                            Activity.Outcome.COUNTED));
                }
                counterBatches.apply("batch-" + batch, byParticipation, byDay, Map.of(), activity);
                if (batch % BATCHES_PER_WATCH == 0) {
                    server.compactWhenSparse();
                }
                largest = Math.max(largest, Files.size(file));
                if (batch % 500 == 499) {
                    sizes.add((batch + 1) + " batches: " + Files.size(file) / 1024 + " KiB");
                }
            }
        }
        Path compacted = dataDir.resolve("compacted.mv.db");
        MVStoreTool.compact(file.toString(), compacted.toString(), false);
        long live = Files.size(compacted);
        long longestCompaction = compactions.list.stream()
                .mapToLong(event -> ((Number) event.getArgumentArray()[2]).longValue()).max().orElse(0);
        System.out.println("EmbeddedStoreFileSizeTest " + String.join(", ", sizes) + "; largest " + largest / 1024
                + " KiB, live data " + live / 1024 + " KiB; " + compactions.list.size() + " compactions, longest "
                + longestCompaction + " ms");

        assertThat(largest).as("largest file size, against its live data of %d bytes", live).isLessThan(4 * live + (2 << 20));
    }
}
