package com.gametriggers.companion.store;

import static com.gametriggers.companion.store.Schema.ParticipationFields.BROWSER_SOURCE_TOKEN;
import static com.gametriggers.companion.store.Schema.ParticipationFields.CAMPAIGN_ID;
import static com.gametriggers.companion.store.Schema.ParticipationFields.CHAT_COMMAND_KEY;
import static com.gametriggers.companion.store.Schema.ParticipationFields.STREAMER_ID;

import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.store.Schema.ActivityFields;
import com.gametriggers.companion.store.Schema.DailyStatsFields;
import com.gametriggers.companion.store.Schema.QuarterHourFields;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * Creates, at every start, the indexes the atomic updates depend on. Creating an index that already exists with the
 * same definition is a no-op in MongoDB, so this is safe to repeat and safe beside the platform's backend.
 */
final class IndexSetup {

    /** IndexOptionsConflict, IndexKeySpecsConflict: an index of that name or keys exists with other options. */
    private static final Set<Integer> CONFLICT_CODES = Set.of(85, 86);

    private static final Logger log = LoggerFactory.getLogger(IndexSetup.class);

    private IndexSetup() {
    }

    static void ensureIndexes(MongoDatabase database, boolean embedded) {
        MongoCollection<Document> participations = database.getCollection(Schema.PARTICIPATIONS);
        // Documents the platform wrote before a token existed must not collide as null: a partial index skips them.
        // The embedded server has no partial indexes; its sparse index skips them the same way for a single field.
        createUnique(participations, Indexes.ascending(BROWSER_SOURCE_TOKEN), "browserSourceToken_1",
                onlyWhereSet(BROWSER_SOURCE_TOKEN, embedded));
        createUnique(participations, Indexes.ascending(CAMPAIGN_ID, STREAMER_ID), "campaignId_1_streamerId_1",
                new IndexOptions());
        createUnique(participations, Indexes.ascending(CHAT_COMMAND_KEY), "chatCommandKey_1",
                onlyWhereSet(CHAT_COMMAND_KEY, embedded));

        if (!embedded) { // the embedded server has no secondary indexes, and its data is small enough to scan
            database.getCollection(Schema.DAILY_STATS).createIndex(
                    Indexes.ascending(DailyStatsFields.PARTICIPATION_ID, DailyStatsFields.DAY),
                    new IndexOptions().name("participationId_1_day_1"));
            database.getCollection(Schema.QUARTER_HOURS).createIndex(
                    Indexes.ascending(QuarterHourFields.PARTICIPATION_ID, QuarterHourFields.START),
                    new IndexOptions().name("participationId_1_start_1"));
            for (String trail : List.of(Schema.SHOWINGS, Schema.CLICKS)) {
                database.getCollection(trail).createIndex(
                        Indexes.compoundIndex(Indexes.ascending(ActivityFields.PARTICIPATION_ID), Indexes.descending(ActivityFields.AT)),
                        new IndexOptions().name("participationId_1_at_-1"));
            }
            database.getCollection(Schema.SHOWINGS).createIndex(
                    Indexes.ascending(ActivityFields.STREAMER_ID, ActivityFields.AT), new IndexOptions().name("streamerId_1_at_1"));
        }
    }

    private static IndexOptions onlyWhereSet(String field, boolean embedded) {
        if (embedded) {
            return new IndexOptions().sparse(true);
        }
        Bson isString = Filters.type(field, "string");
        return new IndexOptions().partialFilterExpression(isString);
    }

    private static void createUnique(MongoCollection<Document> collection, Bson keys, String name, IndexOptions options) {
        try {
            collection.createIndex(keys, options.unique(true).name(name));
        } catch (MongoCommandException e) {
            if (!CONFLICT_CODES.contains(e.getErrorCode())) {
                throw e;
            }
            // The platform created this index its own way; it still enforces uniqueness, so keep it.
            log.warn("Keeping the existing index {} on {}: {}", name, collection.getNamespace(), e.getErrorMessage());
        }
    }
}
