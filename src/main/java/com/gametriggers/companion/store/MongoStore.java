package com.gametriggers.companion.store;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * The app's one connection to its data: either the embedded server in the data folder or the MongoDB the streamer
 * named. Opening it checks that the server answers; on the embedded store it creates the indexes the atomic updates
 * rely on, on a MongoDB it checks them and names any that is missing (the platform's administrators create them).
 */
public final class MongoStore implements AutoCloseable {

    /** How long the app waits for a MongoDB server before telling the streamer it cannot be reached. */
    static final long CONNECT_TIMEOUT_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(MongoStore.class);

    private final MongoClient client;
    private final EmbeddedMongoServer embedded;
    private final String displayAddress;
    private final CampaignCatalog campaigns;
    private final ParticipationQueries participations;
    private final ParticipationUpdates participationUpdates;
    private final CounterBatches counterBatches;
    private final CampaignSpending campaignSpending;
    private final EarningsQueries earnings;
    private final ActivityLog activityLog;
    private final CommandCounter commands;
    private final List<String> missingIndexes;
    private final MongoDatabase database;

    private MongoStore(MongoClient client, MongoDatabase database, EmbeddedMongoServer embedded, String displayAddress,
                       CommandCounter commands, List<String> missingIndexes) {
        this.client = client;
        this.database = database;
        this.missingIndexes = missingIndexes;
        this.commands = commands;
        this.embedded = embedded;
        this.displayAddress = displayAddress;
        this.campaigns = new CampaignCatalog(database);
        this.participations = new ParticipationQueries(database);
        this.participationUpdates = new ParticipationUpdates(database);
        this.earnings = new EarningsQueries(database);
        // The embedded store writes each command without forcing it to the device; a batch counts once forced there.
        this.activityLog = new ActivityLog(database);
        this.campaignSpending = new CampaignSpending(database);
        this.counterBatches = new CounterBatches(database, activityLog, embedded != null ? embedded::commit : () -> { },
                embedded == null);
    }

    public static MongoStore open(StoreSettings settings) {
        if (settings.isEmbedded()) {
            EmbeddedMongoServer embedded = EmbeddedMongoServer.start(settings.dataDir());
            try {
                ConnectionString connectionString = new ConnectionString(embedded.connectionString());
                return connect(connectionString, settings, embedded, embedded.connectionString());
            } catch (RuntimeException e) {
                embedded.close();
                throw e;
            }
        }
        String uri = settings.mongoUri().orElseThrow();
        return connect(MongoUris.parse(uri), settings, null, MongoUris.redact(uri));
    }

    private static MongoStore connect(ConnectionString connectionString, StoreSettings settings,
                                      EmbeddedMongoServer embedded, String displayAddress) {
        CommandCounter commands = new CommandCounter();
        MongoClientSettings.Builder builder = MongoClientSettings.builder()
                .applyConnectionString(connectionString)
                .applicationName("GameTriggers Companion")
                .addCommandListener(commands);
        // The driver would otherwise wait 30 s for an unreachable server; a streamer should hear about it sooner.
        if (connectionString.getServerSelectionTimeout() == null) {
            builder.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
        if (connectionString.getConnectTimeout() == null) {
            builder.applyToSocketSettings(socket -> socket.connectTimeout((int) CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
        if (embedded != null) {
            builder.retryWrites(false); // a standalone server without sessions
        }
        String databaseName = settings.database();

        MongoClient client = MongoClients.create(builder.build());
        try {
            MongoDatabase database = client.getDatabase(databaseName);
            Integer uriTimeoutMs = connectionString.getServerSelectionTimeout();
            ping(database, displayAddress, uriTimeoutMs == null ? CONNECT_TIMEOUT_SECONDS * 1000 : uriTimeoutMs);
            List<String> missingIndexes = List.of();
            if (embedded != null || settings.createsIndexes()) {
                IndexSetup.ensureIndexes(database, embedded != null);
            } else {
                missingIndexes = IndexSetup.checkIndexes(database);
            }
            log.info("Store ready: {} database '{}'", displayAddress, databaseName);
            return new MongoStore(client, database, embedded, displayAddress, commands, missingIndexes);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** @param timeoutMs how long the driver waits for a server: the URI's serverSelectionTimeoutMS, else ours */
    private static void ping(MongoDatabase database, String displayAddress, long timeoutMs) {
        try {
            database.runCommand(new Document("ping", 1));
        } catch (MongoSecurityException e) {
            throw new StoreException("MongoDB at " + displayAddress + " refused the user name or password in the URI.", e);
        } catch (MongoTimeoutException e) {
            String waited = timeoutMs % 1000 == 0 ? timeoutMs / 1000 + " s" : timeoutMs / 1000.0 + " s";
            throw new StoreException("MongoDB at " + displayAddress + " cannot be reached (no answer within " + waited
                    + "); check the address and that the server is running.", e);
        } catch (MongoException e) {
            throw new StoreException("MongoDB at " + displayAddress + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** Where the data is, for the streamer: the embedded server's address, or the URI without its password. */
    public String address() {
        return displayAddress;
    }

    /** Commands sent to MongoDB since the store opened: each one a round trip, the cost that latency multiplies. */
    public long commandsSent() {
        return commands.count();
    }

    /**
     * The indexes the app relies on that the platform's MongoDB lacked when the store opened, as
     * {@code collection.name}; each was logged. Empty on the embedded store, which creates its own.
     */
    public List<String> missingIndexes() {
        return missingIndexes;
    }

    /**
     * Whether this store's user may do what the app does, and what it holds for the streamer: the check a connection
     * code gets before the app switches to it.
     *
     * @throws StoreException when the server cannot be asked
     */
    public StoreAccess checkAccess(String streamerId) {
        Document status;
        try {
            // Any database answers it on MongoDB; the embedded server only on admin.
            status = client.getDatabase("admin").runCommand(new Document("connectionStatus", 1)
                    .append("showPrivileges", true));
        } catch (MongoException e) {
            throw StoreFailures.translate(e);
        }
        List<String> missing = PrivilegeCheck.missing(status, database.getName());
        int held = missing.isEmpty() ? participations.forStreamer(streamerId).size() : 0;
        return new StoreAccess(PrivilegeCheck.user(status), missing, held);
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public CampaignCatalog campaigns() {
        return campaigns;
    }

    public ParticipationQueries participations() {
        return participations;
    }

    public ParticipationUpdates participationUpdates() {
        return participationUpdates;
    }

    public EarningsQueries earnings() {
        return earnings;
    }

    /** The showings and clicks behind the counters. */
    public ActivityLog activityLog() {
        return activityLog;
    }

    public CounterBatches counterBatches() {
        return counterBatches;
    }

    /** What each campaign has paid out, and where its budget is enforced. */
    public CampaignSpending campaignSpending() {
        return campaignSpending;
    }

    @Override
    public void close() {
        client.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
