package com.gametriggers.companion.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.store.ConnectionCode;
import com.gametriggers.companion.store.MongoDbSetup;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreAccess;
import com.gametriggers.companion.store.StoreException;
import com.gametriggers.companion.store.StoreSettings;
import com.gametriggers.companion.ui.PlatformConnection;

/**
 * Connects the app to the streamer's GameTriggers account from a pasted code: tests it against the platform's
 * MongoDB, keeps it in {@link PlatformAccountFile} and moves the running services to it. Settings and
 * {@code --connect} both use it.
 */
final class PlatformConnector implements PlatformConnection {

    private static final Logger log = LoggerFactory.getLogger(PlatformConnector.class);

    private final PlatformAccountFile file;
    private final Path dataDir;
    private final boolean storeFromCommandLine;
    private final ServicesMove services;
    private volatile Optional<ConnectionCode> current;

    /** Moves the running services to a connection (empty: none). */
    @FunctionalInterface
    interface ServicesMove {

        /**
         * @return what the streamer should still do, as a sentence after the connect's own; empty when nothing
         * @throws RuntimeException why the services could not start there (they went on as before)
         */
        String moveTo(Optional<ConnectionCode> next);
    }

    /**
     * @param current              the connection kept now
     * @param storeFromCommandLine whether {@code --mongo-uri} or {@code MONGODB_URI} named the store, which comes
     *                             before any connection
     * @param services             moves the running services to a connection
     */
    PlatformConnector(PlatformAccountFile file, Path dataDir, Optional<ConnectionCode> current,
                      boolean storeFromCommandLine, ServicesMove services) {
        this.file = file;
        this.dataDir = dataDir;
        this.current = current;
        this.storeFromCommandLine = storeFromCommandLine;
        this.services = services;
    }

    @Override
    public Optional<String> connectedAs() {
        return current.map(ConnectionCode::displayName);
    }

    Optional<ConnectionCode> connection() {
        return current;
    }

    /** The same connection, moving these services. */
    PlatformConnector moving(ServicesMove running) {
        return new PlatformConnector(file, dataDir, current, storeFromCommandLine, running);
    }

    @Override
    public synchronized String connect(String pasted) throws Refused {
        if (storeFromCommandLine) {
            throw new Refused("The app was started with a MongoDB address (--mongo-uri or MONGODB_URI), which comes "
                    + "before a GameTriggers connection; start it without one to connect.");
        }
        ConnectionCode code;
        try {
            code = ConnectionCode.parse(pasted);
        } catch (IllegalArgumentException e) {
            throw new Refused(e.getMessage(), e);
        }
        StoreAccess access = test(code);
        String still = use(Optional.of(code));
        log.info("Connected to GameTriggers as {} ({}), {} participations", code.displayName(), code.address(),
                access.participations());
        return "Connected as " + code.displayName() + ": " + access.participations()
                + (access.participations() == 1 ? " campaign" : " campaigns") + " on " + code.address() + "." + still;
    }

    @Override
    public synchronized String disconnect() throws Refused {
        if (current.isEmpty()) {
            return "Not connected to GameTriggers.";
        }
        String still = use(Optional.empty());
        log.info("Disconnected from GameTriggers");
        return "Disconnected: the app keeps your campaigns in its own store again." + still;
    }

    /** Everything the app will do there, tried before anything changes. */
    private StoreAccess test(ConnectionCode code) throws Refused {
        StoreAccess access;
        try (MongoStore store = MongoStore.open(new StoreSettings(Optional.of(code.mongoUri()), dataDir,
                Optional.empty()))) {
            access = store.checkAccess(code.userId());
        } catch (StoreException e) {
            throw new Refused(e.getMessage(), e);
        }
        if (!access.complete()) {
            throw new Refused("The MongoDB user " + access.user().orElse("in the code") + " lacks "
                    + String.join(", ", access.missingPrivileges()) + "; the platform's administrators give it the "
                    + MongoDbSetup.ROLE + " role (gametriggers-companion --print-mongodb-setup).");
        }
        return access;
    }

    /**
     * Keeps {@code next}, then moves the services; when they cannot move, the kept connection is put back.
     *
     * @return what the streamer should still do
     */
    private String use(Optional<ConnectionCode> next) throws Refused {
        Optional<ConnectionCode> before = current;
        try {
            keep(next);
        } catch (IOException e) {
            throw new Refused("The connection could not be kept in " + dataDir + ": " + e.getMessage(), e);
        }
        String still;
        try {
            still = services.moveTo(next);
        } catch (RuntimeException e) {
            try {
                keep(before);
            } catch (IOException again) {
                log.warn("The connection before could not be kept again: {}", again.getMessage());
            }
            throw new Refused("The app could not start there, so it went on as before: " + e.getMessage(), e);
        }
        current = next;
        return still.isEmpty() ? "" : " " + still;
    }

    private void keep(Optional<ConnectionCode> connection) throws IOException {
        if (connection.isPresent()) {
            file.save(connection.get());
        } else {
            file.forget();
        }
    }
}
