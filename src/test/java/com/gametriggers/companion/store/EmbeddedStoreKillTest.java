package com.gametriggers.companion.store;

import static com.gametriggers.companion.store.EmbeddedStoreKillChild.entryId;
import static com.gametriggers.companion.store.EmbeddedStoreKillChild.isTally;
import static com.gametriggers.companion.store.EmbeddedStoreKillChild.tallyField;
import static com.gametriggers.companion.store.EmbeddedStoreKillChild.tallyId;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The embedded store's own promise under SIGKILL: an {@link EmbeddedStoreKillChild} JVM upserts and inserts on several
 * threads at once and is killed at a random moment, round after round. After each kill the store, opened again, must
 * need no repair, find through its indexes every document a full scan finds, and hold exactly what was acknowledged
 * (plus, per thread, at most the one operation under way at the kill).
 *
 * <p>The seed is printed; {@code -Dkill.seed=<seed>} repeats the same kill delays. On failure the data folder is kept.
 */
class EmbeddedStoreKillTest {

    private static final int ROUNDS = 10;
    private static final int THREADS = 6;
    /** Killed only once the writers are in full swing: the first second of a JVM is mostly warming up. */
    private static final int ACKS_BEFORE_KILL_DELAY = 300;
    private static final int MAX_KILL_DELAY_MS = 1500;
    private static final int SIGKILL_EXIT = 128 + 9;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    private final ListAppender<ILoggingEvent> repairs = new ListAppender<>();
    /** Per round, per thread: the last operation acknowledged. */
    private final Map<Integer, Map<Integer, Long>> acked = new TreeMap<>();

    @BeforeEach
    void listen() {
        repairs.start();
        ((Logger) LoggerFactory.getLogger(UniqueIndexRepair.class)).addAppender(repairs);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(UniqueIndexRepair.class)).detachAppender(repairs);
    }

    @Test
    @Timeout(value = 360, unit = TimeUnit.SECONDS)
    void killedWhileWritingOnManyThreadsTheStoreKeepsWhatItAcknowledgedAndItsIndexesInStep() throws Exception {
        long seed = Long.getLong("kill.seed", System.nanoTime());
        System.out.println("EmbeddedStoreKillTest seed " + seed + " (repeat with -Dkill.seed=" + seed + "), data in " + dataDir);
        Random killMoments = new Random(seed);
        for (int round = 1; round <= ROUNDS; round++) {
            int delay = killMoments.nextInt(MAX_KILL_DELAY_MS);
            Map<Integer, Long> lastAcks = runAndKill(round, delay);
            acked.put(round, lastAcks);
            System.out.println("EmbeddedStoreKillTest round " + round + ": killed " + delay + " ms after " + ACKS_BEFORE_KILL_DELAY + " acks, "
                    + lastAcks.values().stream().mapToLong(Long::longValue).sum() + " operations acknowledged");
            checkStore(round);
        }
    }

    private Map<Integer, Long> runAndKill(int round, int delayMs) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedStoreKillChild.class.getName(),
                dataDir.toString(), Integer.toString(round), Integer.toString(THREADS))
                .redirectError(dataDir.resolve("child-round-" + round + ".stderr.log").toFile()).start();
        Map<Integer, Long> lastAcks = new ConcurrentHashMap<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        CountDownLatch swinging = new CountDownLatch(ACKS_BEFORE_KILL_DELAY);
        Thread reader = new Thread(() -> readAcks(child, swinging, lastAcks, failures), "kill-child-stdout");
        reader.start();
        try {
            assertThat(swinging.await(90, TimeUnit.SECONDS)).as("round %d child writing", round).isTrue();
            Thread.sleep(delayMs); // the kill moment itself is what this test varies
        } finally {
            child.toHandle().destroyForcibly(); // unlike Process.destroyForcibly, leaves its output to be read
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join();
        assertThat(child.exitValue()).as("round %d exit", round).isEqualTo(SIGKILL_EXIT);
        assertThat(failures).as("operations the store refused in round %d", round).isEmpty();
        for (int thread = 0; thread < THREADS; thread++) {
            lastAcks.putIfAbsent(thread, 0L);
        }
        return lastAcks;
    }

    private static void readAcks(Process child, CountDownLatch acks, Map<Integer, Long> lastAcks, List<String> failures) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("ack ")) {
                    String[] parts = line.split(" ");
                    lastAcks.put(Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
                    acks.countDown();
                } else if (!line.equals("ready")) {
                    failures.add(line);
                }
            }
        } catch (IOException e) {
            failures.add("stdout: " + e);
        }
    }

    private void checkStore(int round) {
        markUnchecked();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(repairs.list).as("repairs needed after round %d", round).isEmpty();
            MongoDatabase database = client.getDatabase(EmbeddedStoreKillChild.DATABASE);
            Map<String, List<Document>> scanned = new HashMap<>();
            for (String name : database.listCollectionNames()) {
                MongoCollection<Document> collection = database.getCollection(name);
                List<Document> documents = collection.find().into(new ArrayList<>());
                assertThat(documents).as("%s after round %d: each document found by a full scan, found by its _id",
                        name, round).allSatisfy(document ->
                        assertThat(collection.find(Filters.eq("_id", document.get("_id"))).first()).isEqualTo(document));
                scanned.put(name, documents);
            }
            List<Document> entries = scanned.getOrDefault(EmbeddedStoreKillChild.ENTRIES, List.of());
            assertThat(entries).allSatisfy(entry -> assertThat(database.getCollection(EmbeddedStoreKillChild.ENTRIES)
                    .find(Filters.eq("ticket", entry.get("ticket"))).first()).isEqualTo(entry));
            checkAcknowledged(round, scanned.getOrDefault(EmbeddedStoreKillChild.TALLIES, List.of()), entries);
        }
    }

    /** Has the store check its indexes when it opens, as it does only once per file otherwise. */
    private void markUnchecked() {
        try (MVStore file = new MVStore.Builder().fileName(dataDir.resolve(EmbeddedMongoServer.DATA_FILE_NAME).toString())
                .autoCommitDisabled().autoCommitBufferSize(0).open()) {
            file.setStoreVersion(0);
            file.commit();
        }
    }

    /** Each thread's writes are exactly its acknowledged operations, or those and the one under way at the kill. */
    private void checkAcknowledged(int round, List<Document> tallies, List<Document> entries) {
        TreeSet<String> entryIds = new TreeSet<>();
        entries.forEach(entry -> entryIds.add(entry.getString("_id")));
        acked.forEach((r, lastAcks) -> lastAcks.forEach((thread, last) -> {
            Map<String, Long> counted = new TreeMap<>();
            tallies.forEach(tally -> {
                Number value = tally.get(tallyField(r, thread), Number.class);
                if (value != null) {
                    counted.put(tally.getString("_id"), value.longValue());
                }
            });
            TreeSet<String> inserted = new TreeSet<>(entryIds.subSet("r" + r + "t" + thread + "n", "r" + r + "t" + thread + "n~"));
            boolean acknowledgedOnly = counted.equals(talliesUpTo(r, thread, last)) && inserted.equals(entriesUpTo(r, thread, last));
            boolean andOneMore = counted.equals(talliesUpTo(r, thread, last + 1)) && inserted.equals(entriesUpTo(r, thread, last + 1));
            assertThat(acknowledgedOnly || andOneMore).as("after round %d, thread %d of round %d (last ack %d): %s", round,
                    thread, r, last, difference(r, thread, last, counted, inserted)).isTrue();
        }));
    }

    /**
     * What the store holds of one thread's operations beside its acknowledged ones: the entries' operations by number,
     * and each tally that counts otherwise with the operations that count on it.
     */
    private static String difference(int round, int thread, long last, Map<String, Long> counted, TreeSet<String> inserted) {
        String prefix = "r" + round + "t" + thread + "n";
        TreeSet<Long> stored = new TreeSet<>();
        inserted.forEach(id -> stored.add(Long.parseLong(id.substring(prefix.length()))));
        TreeSet<Long> missing = new TreeSet<>();
        entriesUpTo(round, thread, last).forEach(id -> missing.add(Long.parseLong(id.substring(prefix.length()))));
        missing.removeAll(stored);
        TreeSet<Long> extra = new TreeSet<>(stored.tailSet(last, false));
        Map<String, Long> expected = talliesUpTo(round, thread, last);
        TreeSet<String> ids = new TreeSet<>(expected.keySet());
        ids.addAll(counted.keySet());
        List<String> tallyDifferences = new ArrayList<>();
        for (String id : ids) {
            long want = expected.getOrDefault(id, 0L);
            long found = counted.getOrDefault(id, 0L);
            if (want != found) {
                List<Long> ops = new ArrayList<>();
                for (long op = 1; op <= last + 1; op++) {
                    if (isTally(op) && tallyId(round, thread, op).equals(id)) {
                        ops.add(op);
                    }
                }
                tallyDifferences.add(id + " holds " + found + " for " + want + " acknowledged (ops " + ops + ")");
            }
        }
        return "entries of acknowledged ops missing " + missing + ", entries of later ops " + extra + ", "
                + inserted.size() + " entries; tallies counting otherwise than the acknowledged ops "
                + (tallyDifferences.isEmpty() ? "none" : tallyDifferences);
    }

    private static Map<String, Long> talliesUpTo(int round, int thread, long last) {
        Map<String, Long> counts = new TreeMap<>();
        for (long op = 1; op <= last; op++) {
            if (isTally(op)) {
                counts.merge(tallyId(round, thread, op), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static TreeSet<String> entriesUpTo(int round, int thread, long last) {
        TreeSet<String> ids = new TreeSet<>();
        for (long op = 1; op <= last; op++) {
            if (!isTally(op)) {
                ids.add(entryId(round, thread, op));
            }
        }
        return ids;
    }
}
