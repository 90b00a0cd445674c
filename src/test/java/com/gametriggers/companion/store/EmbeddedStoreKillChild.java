package com.gametriggers.companion.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * The JVM {@link EmbeddedStoreKillTest} kills: the embedded server over a data folder, written by several threads at
 * once until the kill, each printing {@code ack THREAD OP} once the server acknowledged its operation, while another
 * thread makes the writes durable as the tracker does after each batch. Arguments: data folder, round, threads.
 */
public final class EmbeddedStoreKillChild {

    static final String DATABASE = "killtest";
    static final String TALLIES = "tallies";
    static final String ENTRIES = "entries";

    private EmbeddedStoreKillChild() {
    }

    /** Odd operations add one to a tally, created by the first upsert that names it; even ones insert an entry. */
    static boolean isTally(long op) {
        return op % 2 == 1;
    }

    /** The tallies are shared by the threads, and a new set starts every 200 operations, so upserts keep inserting. */
    static String tallyId(int round, int thread, long op) {
        return "r" + round + "-" + ((op / 2 + thread) % 8) + "-" + (op / 200);
    }

    /** One field per thread and round, so the parent can tell whose increments a tally holds. */
    static String tallyField(int round, int thread) {
        return "r" + round + "t" + thread;
    }

    static String entryId(int round, int thread, long op) {
        return "r" + round + "t" + thread + "n" + op;
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int round = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
        MongoClient client = MongoClients.create(server.connectionString());
        MongoDatabase database = client.getDatabase(DATABASE);
        database.getCollection(ENTRIES).createIndex(Indexes.ascending("ticket"), new IndexOptions().unique(true));
        System.out.println("ready");
        System.out.flush();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread writer = new Thread(() -> write(database, round, thread), "writer-" + t);
            writer.start();
            writers.add(writer);
        }
        Thread durable = new Thread(() -> {
            while (true) {
                server.commit();
                LockSupport.parkNanos(50_000_000);
            }
        }, "durable");
        durable.setDaemon(true);
        durable.start();
        for (Thread writer : writers) {
            writer.join();
        }
    }

    private static void write(MongoDatabase database, int round, int thread) {
        try {
            for (long op = 1; ; op++) {
                if (isTally(op)) {
                    upsertTally(database, round, thread, op);
                } else {
                    String id = entryId(round, thread, op);
                    database.getCollection(ENTRIES).insertOne(new Document("_id", id).append("ticket", "ticket-" + id));
                }
                System.out.println("ack " + thread + " " + op);
                System.out.flush();
            }
        } catch (RuntimeException e) {
            System.out.println("fail " + thread + " " + e.toString().replace('\n', ' '));
            System.out.flush();
        }
    }

    private static void upsertTally(MongoDatabase database, int round, int thread, long op) {
        while (true) {
            try {
                database.getCollection(TALLIES).updateOne(Filters.eq("_id", tallyId(round, thread, op)),
                        Updates.inc(tallyField(round, thread), 1), new UpdateOptions().upsert(true));
                return;
            } catch (MongoWriteException e) {
                // Two first upserts of one tally at once: the one that lost the insert changed nothing; try again.
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }
}
