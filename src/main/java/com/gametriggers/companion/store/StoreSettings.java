package com.gametriggers.companion.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the data lives: a MongoDB URI, or none for the embedded store under {@code dataDir}.
 * {@code databaseName} overrides the URI's database (tests use a throw-away one). {@code createsIndexes} makes the app
 * create its indexes on a MongoDB too, for a throw-away database nobody else prepares (tests, benchmarks); on the
 * platform's MongoDB the administrators create them and the app only checks. The embedded store always creates them.
 */
public record StoreSettings(Optional<String> mongoUri, Path dataDir, Optional<String> databaseName,
                            boolean createsIndexes) {

    public static final String DEFAULT_DATABASE = "gametriggers";

    public StoreSettings {
        Objects.requireNonNull(mongoUri, "mongoUri");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(databaseName, "databaseName");
        mongoUri = mongoUri.map(String::strip).filter(uri -> !uri.isEmpty());
    }

    public StoreSettings(Optional<String> mongoUri, Path dataDir, Optional<String> databaseName) {
        this(mongoUri, dataDir, databaseName, false);
    }

    public static StoreSettings embedded(Path dataDir) {
        return new StoreSettings(Optional.empty(), dataDir, Optional.empty());
    }

    public boolean isEmbedded() {
        return mongoUri.isEmpty();
    }

    /** The same settings, creating the indexes on a MongoDB too. */
    public StoreSettings withIndexCreation() {
        return new StoreSettings(mongoUri, dataDir, databaseName, true);
    }

    /**
     * The database the app uses: the one named here, else the URI's, else {@value #DEFAULT_DATABASE}.
     *
     * @throws StoreException when the URI is not valid
     */
    public String database() {
        return databaseName.orElseGet(() -> databaseOf(mongoUri));
    }

    /**
     * The database of a URI, else {@value #DEFAULT_DATABASE}.
     *
     * @throws StoreException when the URI is not valid
     */
    public static String databaseOf(Optional<String> mongoUri) {
        return mongoUri.map(String::strip).filter(uri -> !uri.isEmpty())
                .map(uri -> MongoUris.parse(uri).getDatabase())
                .orElse(DEFAULT_DATABASE);
    }
}
