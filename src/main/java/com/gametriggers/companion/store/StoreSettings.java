package com.gametriggers.companion.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the data lives: a MongoDB URI, or none for the embedded store under {@code dataDir}.
 * {@code databaseName} overrides the URI's database (tests use a throw-away one).
 */
public record StoreSettings(Optional<String> mongoUri, Path dataDir, Optional<String> databaseName) {

    public static final String DEFAULT_DATABASE = "gametriggers";

    public StoreSettings {
        Objects.requireNonNull(mongoUri, "mongoUri");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(databaseName, "databaseName");
        mongoUri = mongoUri.map(String::strip).filter(uri -> !uri.isEmpty());
    }

    public static StoreSettings embedded(Path dataDir) {
        return new StoreSettings(Optional.empty(), dataDir, Optional.empty());
    }

    public boolean isEmbedded() {
        return mongoUri.isEmpty();
    }
}
