package com.gametriggers.companion.store;

import static com.gametriggers.companion.store.Schema.ParticipationFields.BROWSER_SOURCE_TOKEN;
import static com.gametriggers.companion.store.Schema.ParticipationFields.CAMPAIGN_ID;
import static com.gametriggers.companion.store.Schema.ParticipationFields.CHAT_COMMAND_KEY;
import static com.gametriggers.companion.store.Schema.ParticipationFields.STREAMER_ID;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.store.Schema.ActivityFields;
import com.gametriggers.companion.store.Schema.DailyStatsFields;
import com.gametriggers.companion.store.Schema.QuarterHourFields;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * The indexes the atomic updates and the reads rely on. The app creates them on its embedded store at every start
 * (creating an index that exists with the same definition is a no-op). On the platform's MongoDB it creates none: the
 * platform's administrators do, from {@code --print-mongodb-setup}, and the app only checks they are there, so its
 * user needs no right to change the database's shape.
 */
final class IndexSetup {

    /** Every index the app relies on; the unique ones are what makes a join, a token and a chat command unique. */
    static final List<RequiredIndex> REQUIRED = List.of(
            new RequiredIndex(Schema.PARTICIPATIONS, "browserSourceToken_1", keys(BROWSER_SOURCE_TOKEN, 1), true,
                    Optional.of(BROWSER_SOURCE_TOKEN), true),
            new RequiredIndex(Schema.PARTICIPATIONS, "campaignId_1_streamerId_1", keys(CAMPAIGN_ID, 1, STREAMER_ID, 1),
                    true, Optional.empty(), true),
            new RequiredIndex(Schema.PARTICIPATIONS, "chatCommandKey_1", keys(CHAT_COMMAND_KEY, 1), true,
                    Optional.of(CHAT_COMMAND_KEY), true),
            new RequiredIndex(Schema.DAILY_STATS, "participationId_1_day_1",
                    keys(DailyStatsFields.PARTICIPATION_ID, 1, DailyStatsFields.DAY, 1), false, Optional.empty(), false),
            new RequiredIndex(Schema.QUARTER_HOURS, "participationId_1_start_1",
                    keys(QuarterHourFields.PARTICIPATION_ID, 1, QuarterHourFields.START, 1), false, Optional.empty(), false),
            new RequiredIndex(Schema.SHOWINGS, "participationId_1_at_-1",
                    keys(ActivityFields.PARTICIPATION_ID, 1, ActivityFields.AT, -1), false, Optional.empty(), false),
            new RequiredIndex(Schema.CLICKS, "participationId_1_at_-1",
                    keys(ActivityFields.PARTICIPATION_ID, 1, ActivityFields.AT, -1), false, Optional.empty(), false),
            new RequiredIndex(Schema.SHOWINGS, "streamerId_1_at_1",
                    keys(ActivityFields.STREAMER_ID, 1, ActivityFields.AT, 1), false, Optional.empty(), false));

    /** IndexOptionsConflict, IndexKeySpecsConflict: an index of that name or keys exists with other options. */
    private static final Set<Integer> CONFLICT_CODES = Set.of(85, 86);

    private static final Logger log = LoggerFactory.getLogger(IndexSetup.class);

    private IndexSetup() {
    }

    /** Creates the indexes a store of this kind gets: on the embedded store always, on a MongoDB only when asked. */
    static void ensureIndexes(MongoDatabase database, boolean embedded) {
        for (RequiredIndex index : REQUIRED) {
            if (index.onEmbedded() || !embedded) {
                create(database.getCollection(index.collection()), index, embedded);
            }
        }
    }

    /**
     * Checks, without changing anything, that the platform's MongoDB has every index the app relies on, and logs one
     * warning per missing one: without them the app still works, slower, and a unique one missing lets a race make a
     * second participation or a duplicate chat command.
     *
     * @return the missing ones, as {@code collection.name}; empty also when the indexes could not be listed (logged)
     */
    static List<String> checkIndexes(MongoDatabase database) {
        List<String> missing = new ArrayList<>();
        try {
            for (RequiredIndex index : REQUIRED) {
                List<Document> existing = database.getCollection(index.collection()).listIndexes().into(new ArrayList<>());
                if (existing.stream().noneMatch(index::isMetBy)) {
                    missing.add(index.qualifiedName());
                    log.warn("The MongoDB index {} {} the app relies on is missing; the app creates no index on the "
                                    + "platform's MongoDB: run --print-mongodb-setup and give it to the platform's "
                                    + "administrators", index.qualifiedName(), index.keys().toJson());
                }
            }
        } catch (MongoException e) {
            log.warn("The app could not check the indexes it relies on in '{}' (its MongoDB user needs listIndexes, see "
                    + "--print-mongodb-setup): {}", database.getName(), e.getMessage());
        }
        return List.copyOf(missing);
    }

    private static void create(MongoCollection<Document> collection, RequiredIndex index, boolean embedded) {
        try {
            collection.createIndex(index.keys(), index.options(embedded));
        } catch (MongoCommandException e) {
            if (!index.unique() || !CONFLICT_CODES.contains(e.getErrorCode())) {
                throw e;
            }
            // The platform created this index its own way; it still enforces uniqueness, so keep it.
            log.warn("Keeping the existing index {} on {}: {}", index.name(), collection.getNamespace(), e.getErrorMessage());
        }
    }

    private static Document keys(String field, int direction) {
        return new Document(field, direction);
    }

    private static Document keys(String first, int firstDirection, String second, int secondDirection) {
        return new Document(first, firstDirection).append(second, secondDirection);
    }
}
