package com.gametriggers.companion.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * An in-memory MongoDB wire server on a free loopback port, which the app reaches by its address as it would the
 * platform's MongoDB: the store then runs in platform mode, not as the embedded store.
 */
public final class PlatformWireServer implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    /** {@code mongodb://127.0.0.1:PORT/platform?directConnection=true}. */
    public final String uri;

    public PlatformWireServer() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.bind("127.0.0.1", port);
        uri = "mongodb://127.0.0.1:" + port + "/platform?directConnection=true";
    }

    public int port() {
        return server.getLocalAddress().getPort();
    }

    /** Store settings for this server, with the data folder the app would use. */
    StoreSettings settings(Path dataDir) {
        return new StoreSettings(Optional.of(uri), dataDir, Optional.empty());
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
