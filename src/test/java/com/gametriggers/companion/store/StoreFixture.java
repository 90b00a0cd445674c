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

import com.gametriggers.companion.domain.Campaign;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * A store for one test, over a real TCP port whichever it is:
 * <ul>
 * <li>neither variable set: the embedded server in a temporary folder;</li>
 * <li>{@code MONGODB_URI}: a real MongoDB, in a fresh, throw-away database the store creates its indexes in;</li>
 * <li>{@code MONGODB_URI} and {@code MONGODB_ADMIN_URI}: a real MongoDB as the platform runs it. The store connects
 * with {@code MONGODB_URI}, a streamer's user with only the role {@code --print-mongodb-setup} prints, to the database
 * named in that URI, which an administrator set up with that script beforehand; the store creates no index, so a
 * test that relies on one also proves the script is complete. The fixture's own client connects with
 * {@code MONGODB_ADMIN_URI} and empties the database's collections before and after each test (deletes their
 * documents, never drops them: the indexes stay). Tests using it must not run in parallel.</li>
 * </ul>
 * {@link #raw()} is a second, independent client on the same database, for checking what the app wrote and for
 * setting up platform data, which the app's role may not write. With {@code @ExtendWith(StoreFixture.PerTest.class)}
 * a test class gets a fresh one per test in its constructor.
 */
public final class StoreFixture implements AutoCloseable {

    private final StoreSettings settings;
    private MongoStore store;
    private final String databaseName;
    private MongoClient rawClient;
    private MongoDatabase raw;
    private final Kind kind;

    /** Which store the fixture gives, from the environment. */
    private enum Kind {
        EMBEDDED, THROW_AWAY_DATABASE, LEAST_PRIVILEGE
    }

    /**
     * @param rawConnectionString the fixture's own client's URI; empty for the embedded server, whose address is
     *                            known once it runs
     */
    private StoreFixture(StoreSettings settings, Optional<String> rawConnectionString, String databaseName, Kind kind) {
        this.settings = settings;
        this.databaseName = databaseName;
        this.kind = kind;
        this.store = MongoStore.open(settings);
        try {
            this.rawClient = MongoClients.create(rawConnectionString.orElseGet(store::address));
            this.raw = rawClient.getDatabase(databaseName);
            if (kind == Kind.LEAST_PRIVILEGE) {
                if (!store.missingIndexes().isEmpty()) {
                    throw new IllegalStateException("The database " + databaseName + " lacks indexes the app relies on: "
                            + store.missingIndexes() + "; set it up with the script of --print-mongodb-setup first.");
                }
                emptyCollections(); // whatever an earlier test left, even one that stopped before closing its fixture
            }
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public static StoreFixture open(Path dataDir) {
        Optional<String> uri = environment("MONGODB_URI");
        Optional<String> adminUri = environment("MONGODB_ADMIN_URI");
        if (uri.isPresent() && adminUri.isPresent()) {
            StoreSettings settings = new StoreSettings(uri, dataDir, Optional.empty());
            return new StoreFixture(settings, adminUri, settings.database(), Kind.LEAST_PRIVILEGE);
        }
        if (uri.isPresent()) {
            String databaseName = "gt_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            // A fresh database no administrator prepared: the store creates the indexes, so tests still check uniqueness.
            StoreSettings settings = new StoreSettings(uri, dataDir, Optional.of(databaseName)).withIndexCreation();
            return new StoreFixture(settings, uri, databaseName, Kind.THROW_AWAY_DATABASE);
        }
        return new StoreFixture(StoreSettings.embedded(dataDir), Optional.empty(), StoreSettings.DEFAULT_DATABASE,
                Kind.EMBEDDED);
    }

    private static Optional<String> environment(String name) {
        return Optional.ofNullable(System.getenv(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /**
     * Closes the app's store and opens it again on the same data, as a restart of the app does. The embedded server
     * comes back on another port, so the raw client follows it.
     */
    public void reopen() {
        store.close();
        store = MongoStore.open(settings);
        if (kind == Kind.EMBEDDED) {
            rawClient.close();
            rawClient = MongoClients.create(store.address());
            raw = rawClient.getDatabase(databaseName);
        }
    }

    public MongoStore store() {
        return store;
    }

    /**
     * A second app's own connection to the same database, as another streamer's app on the platform has: its own
     * client, its own connections. The caller closes it.
     */
    public MongoStore openAnotherApp(Path dataDir) {
        if (kind == Kind.EMBEDDED) {
            return MongoStore.open(new StoreSettings(Optional.of(store.address()), dataDir, Optional.of(databaseName)));
        }
        return MongoStore.open(new StoreSettings(settings.mongoUri(), dataDir, Optional.of(databaseName)));
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

    /** Whether the store is a real MongoDB, not the embedded server. */
    public boolean isRemote() {
        return kind != Kind.EMBEDDED;
    }

    /**
     * Whether the store connects as a streamer's user with only the app's role, as on the platform's MongoDB; then
     * campaigns come from {@link #addCampaign}, as the platform's do.
     */
    public boolean isLeastPrivilege() {
        return kind == Kind.LEAST_PRIVILEGE;
    }

    /**
     * Adds a campaign as the platform would: through the fixture's own client, since the app's role on the platform's
     * MongoDB reads campaigns and writes none.
     */
    public Campaign addCampaign(Campaign campaign) {
        return new CampaignCatalog(raw).addIfMissing(campaign);
    }

    public MongoCollection<Document> rawDailyStats() {
        return raw.getCollection(Schema.DAILY_STATS);
    }

    public MongoCollection<Document> rawQuarterHours() {
        return raw.getCollection(Schema.QUARTER_HOURS);
    }

    @Override
    public void close() {
        try {
            switch (kind) {
                case THROW_AWAY_DATABASE -> raw.drop();
                case LEAST_PRIVILEGE -> emptyCollections();
                case EMBEDDED -> {
                }
            }
        } finally {
            rawClient.close();
            store.close();
        }
    }

    /** Deletes every document of the set-up database and keeps its collections with their indexes. */
    private void emptyCollections() {
        for (String collection : raw.listCollectionNames()) {
            if (!collection.startsWith("system.")) {
                raw.getCollection(collection).deleteMany(new Document());
            }
        }
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
