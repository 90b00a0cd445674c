package com.gametriggers.companion.store;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;

import com.gametriggers.companion.concurrent.NamedThreads;

/**
 * A MongoDB wire-protocol server inside the app (mongo-java-server, H2 MVStore file in the data folder), bound to
 * loopback on a free port. The app's driver talks to it over TCP exactly as it would to a real MongoDB, so every
 * write goes through the same code path, and any MongoDB client can inspect the data at {@link #connectionString()}.
 *
 * <p>H2 closes its store for good after a failed write (a full disk): what it had not stored yet is gone, and every
 * later operation fails. A watchdog then starts the server again on the same port over the same file, as a restart of
 * a real MongoDB would, once the disk has room again; H2 reopens it at its last complete version. Nothing counted is
 * lost: a batch counts only once {@link #commit} made it durable, and the tracker retries the others under their own
 * ids.
 *
 * <p>H2 commits only between commands here ({@link WholeCommandH2Backend}), and a file left out of step by an earlier
 * version is repaired before it is served ({@link UniqueIndexRepair}). The watchdog also compacts the file now and
 * then, which H2's background writer, off with its auto-commit, did before.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    static final String DATA_FILE_NAME = "companion-store.mv.db";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    /** How soon the store is back after its disk has room again; the tracker holds the counts meanwhile. */
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(5);
    /**
     * H2 opening its file on a disk that is still full was seen to come back at a much older version (an empty store,
     * though later writes had been synced), so the watchdog waits for this much room first.
     */
    private static final long MIN_FREE_BYTES = 16L << 20;

    /** One life of the server over the data file; replaced whole when H2 gave up on the file. */
    private record Running(WholeCommandH2Backend backend, MongoServer server) {

        boolean failed() {
            return backend.getMvStore().isClosed();
        }
    }

    private final Path dataFile;
    private final InetSocketAddress address;
    private final ScheduledExecutorService watchdog;
    private volatile Running running;
    private boolean restartFailing;
    private boolean closed;

    private EmbeddedMongoServer(Path dataFile, Running running, InetSocketAddress address) {
        this.dataFile = dataFile;
        this.running = running;
        this.address = address;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(NamedThreads.factory("embedded-store-watchdog"));
        watchdog.scheduleWithFixedDelay(this::watch, WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public static EmbeddedMongoServer start(Path dataDir) {
        Path dataFile = dataDir.resolve(DATA_FILE_NAME);
        createDirectories(dataDir);
        WholeCommandH2Backend backend = openBackend(dataFile);
        MongoServer server = new MongoServer(backend);
        try {
            InetSocketAddress address = server.bind();
            log.info("Embedded store at {} using {}", address, dataFile);
            return new EmbeddedMongoServer(dataFile, new Running(backend, server), address);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw new StoreException("The local store could not open a port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    private synchronized void watch() {
        if (closed) {
            return;
        }
        if (running.failed()) {
            restartIfRoom(running);
        } else {
            compactWhenSparse();
        }
    }

    /** Compacts the data file when too little of it is live; what the watchdog does while the store runs. */
    void compactWhenSparse() {
        try {
            running.backend().compactWhenSparse();
        } catch (MVStoreException | IllegalStateException e) {
            // H2 gave up on the file while compacting it: the watchdog's next round starts the server again
            log.debug("Compacting the embedded store's data file failed", e);
        }
    }

    /**
     * Starts a new server over the data file H2 gave up on, once the disk has room again; logs once when that fails
     * and once when it works.
     */
    private void restartIfRoom(Running failed) {
        try {
            if (Files.getFileStore(dataFile).getUsableSpace() < MIN_FREE_BYTES) {
                return;
            }
        } catch (IOException e) {
            return; // the disk cannot even be asked: not the moment to open the file
        }
        failed.server().shutdownNow();
        MongoServer server = null;
        try {
            WholeCommandH2Backend backend = openBackend(dataFile);
            server = new MongoServer(backend);
            server.bind(address.getHostString(), address.getPort());
            running = new Running(backend, server);
            restartFailing = false;
            log.info("Embedded store started again over {} after its data file could not be written ({})", dataFile,
                    rootMessage(failed.backend().getMvStore().getPanicException()));
        } catch (RuntimeException e) {
            if (server != null) {
                server.shutdownNow();
            }
            if (!restartFailing) {
                restartFailing = true;
                log.warn("The embedded store's data file could not be written ({}), and it cannot be opened again yet "
                        + "({}); tried again every {} s", rootMessage(failed.backend().getMvStore().getPanicException()),
                        rootMessage(e), WATCH_INTERVAL.toSeconds());
            }
        }
    }

    private static void createDirectories(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("The data folder " + dataDir + " cannot be created: " + e.getMessage(), e);
        }
    }

    private static WholeCommandH2Backend openBackend(Path dataFile) {
        MVStore mvStore = openDataFile(dataFile);
        try {
            UniqueIndexRepair.repair(mvStore);
            return new WholeCommandH2Backend(mvStore);
        } catch (RuntimeException e) {
            mvStore.closeImmediately();
            throw e;
        }
    }

    private static MVStore openDataFile(Path dataFile) {
        try {
            // No auto-commit at all: without a delay H2 still commits inside a write once enough is unsaved, unless its
            // buffer size is zero too. WholeCommandH2Backend commits instead.
            return new MVStore.Builder().fileName(dataFile.toString()).autoCommitDisabled().autoCommitBufferSize(0)
                    .open();
        } catch (MVStoreException | IllegalStateException e) { // H2 reports some unreadable headers as the latter
            int code = e instanceof MVStoreException mvStoreError ? mvStoreError.getErrorCode() : DataUtils.ERROR_FILE_CORRUPT;
            if (code == DataUtils.ERROR_FILE_LOCKED) {
                throw new StoreException("The data file " + dataFile
                        + " is in use by another running GameTriggers Companion; close that one first.", e);
            }
            if (code == DataUtils.ERROR_READING_FAILED || code == DataUtils.ERROR_WRITING_FAILED) {
                throw new StoreException("The data file " + dataFile + " cannot be read or written: "
                        + rootMessage(e), e);
            }
            throw new StoreException("The data file " + dataFile + " is damaged and cannot be read; move it out of "
                    + "the data folder to start with an empty store, and keep it for a bug report.", e);
        }
    }

    private static String rootMessage(Throwable e) {
        if (e == null) {
            return "no reason given";
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    /** {@code mongodb://127.0.0.1:PORT}: what the app's driver, and any other MongoDB client, connects to. */
    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /**
     * Makes every write acknowledged so far durable on disk: each command's commit writes without forcing it to the
     * device, which a power cut could undo after the journal let go of the events.
     */
    void commit() {
        try {
            running.backend().commitDurably();
        } catch (MVStoreException | IllegalStateException e) {
            throw new StoreUnavailableException("The local store's data file cannot be written (" + rootMessage(e)
                    + "); it is opened again once it can be", e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        watchdog.shutdownNow();
        running.server().shutdown();
    }
}
