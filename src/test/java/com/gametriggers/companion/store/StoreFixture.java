package com.gametriggers.companion.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * A store for one test: a real MongoDB in a fresh, throw-away database when {@code MONGODB_URI} is set, otherwise
 * the embedded server in a temporary folder, over a real TCP port either way. {@link #raw()} is a second,
 * independent client on the same database, for checking what the app wrote and for setting up platform data.
 * With {@code @ExtendWith(StoreFixture.PerTest.class)} a test class gets a fresh one per test in its constructor.
 */
public final class StoreFixture implements AutoCloseable {

    private final StoreSettings settings;
    private MongoStore store;
    private final String databaseName;
    private MongoClient rawClient;
    private MongoDatabase raw;
    private final boolean remote;

    private StoreFixture(StoreSettings settings, MongoStore store, String connectionString, String databaseName,
                         boolean remote) {
        this.settings = settings;
        this.store = store;
        this.databaseName = databaseName;
        this.rawClient = MongoClients.create(connectionString);
        this.raw = rawClient.getDatabase(databaseName);
        this.remote = remote;
    }

    public static StoreFixture open(Path dataDir) {
        String uri = System.getenv("MONGODB_URI");
        if (uri != null && !uri.isBlank()) {
            String databaseName = "gt_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            // A fresh database no administrator prepared: the store creates the indexes, so tests still check uniqueness.
            StoreSettings settings = new StoreSettings(Optional.of(uri), dataDir, Optional.of(databaseName))
                    .withIndexCreation();
            return new StoreFixture(settings, MongoStore.open(settings), uri, databaseName, true);
        }
        StoreSettings settings = StoreSettings.embedded(dataDir);
        MongoStore store = MongoStore.open(settings);
        return new StoreFixture(settings, store, store.address(), StoreSettings.DEFAULT_DATABASE, false);
    }

    /**
     * Closes the app's store and opens it again on the same data, as a restart of the app does. The embedded server
     * comes back on another port, so the raw client follows it.
     */
    public void reopen() {
        store.close();
        store = MongoStore.open(settings);
        if (!remote) {
            rawClient.close();
            rawClient = MongoClients.create(store.address());
            raw = rawClient.getDatabase(databaseName);
        }
    }

    public MongoStore store() {
        return store;
    }

    public ParticipationUpdates updates() {
        return store.participationUpdates();
    }

    public MongoDatabase raw() {
        return raw;
    }

    public MongoCollection<Document> rawParticipations() {
        return raw.getCollection(Schema.PARTICIPATIONS);
    }

    public boolean isRemote() {
        return remote;
    }

    public MongoCollection<Document> rawDailyStats() {
        return raw.getCollection(Schema.DAILY_STATS);
    }

    public MongoCollection<Document> rawQuarterHours() {
        return raw.getCollection(Schema.QUARTER_HOURS);
    }

    @Override
    public void close() {
        if (remote) {
            raw.drop();
        }
        rawClient.close();
        store.close();
    }

    /** Gives each test a fresh fixture in a temporary folder, closed and deleted after the test. */
    public static final class PerTest implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == StoreFixture.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            try {
                Path dir = Files.createTempDirectory("store-test");
                StoreFixture fixture = open(dir);
                // JUnit closes AutoCloseable values of the test's store when the test ends.
                context.getStore(ExtensionContext.Namespace.create(PerTest.class)).put(fixture,
                        (AutoCloseable) () -> {
                            fixture.close();
                            deleteRecursively(dir);
                        });
                return fixture;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private static void deleteRecursively(Path dir) throws IOException {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
