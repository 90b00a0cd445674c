package com.gametriggers.companion.store;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A MongoDB wire-protocol server inside the app (mongo-java-server, H2 MVStore file in the data folder), bound to
 * loopback on a free port. The app's driver talks to it over TCP exactly as it would to a real MongoDB, so every
 * write goes through the same code path, and any MongoDB client can inspect the data at {@link #connectionString()}.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    static final String DATA_FILE_NAME = "companion-store.mv.db";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final H2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(H2Backend backend, MongoServer server, InetSocketAddress address) {
        this.backend = backend;
        this.server = server;
        this.address = address;
    }

    public static EmbeddedMongoServer start(Path dataDir) {
        Path dataFile = dataDir.resolve(DATA_FILE_NAME);
        createDirectories(dataDir);
        H2Backend backend = new H2Backend(openDataFile(dataFile));
        MongoServer server = new MongoServer(backend);
        try {
            InetSocketAddress address = server.bind();
            log.info("Embedded store at {} using {}", address, dataFile);
            return new EmbeddedMongoServer(backend, server, address);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw new StoreException("The local store could not open a port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    private static void createDirectories(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("The data folder " + dataDir + " cannot be created: " + e.getMessage(), e);
        }
    }

    private static MVStore openDataFile(Path dataFile) {
        try {
            return new MVStore.Builder().fileName(dataFile.toString()).open();
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
     * Makes every write acknowledged so far durable on disk: H2 otherwise commits about once a second, and writes
     * without forcing them to the device, which a power cut could undo after the journal let go of the events.
     */
    void commit() {
        backend.commit();
        backend.getMvStore().sync();
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
