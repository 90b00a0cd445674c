package com.gametriggers.companion.store;

import static com.gametriggers.companion.store.DocumentMapping.objectId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.store.Schema.ActivityFields;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * The audit trail: every showing in {@code participationshowings} and every click in {@code participationclicks}, one
 * document each, whose {@code _id} is the event's own id. A document is only ever inserted, by an upsert that sets
 * its fields on insert alone, so a batch retried after a timeout or replayed after a crash finds it there and changes
 * nothing: each showing and click is kept exactly once, like the counters it explains.
 */
public final class ActivityLog {

    private final MongoCollection<Document> showings;
    private final MongoCollection<Document> clicks;

    ActivityLog(MongoDatabase database) {
        WriteConcern durable = WriteConcern.MAJORITY.withJournal(true);
        this.showings = database.getCollection(Schema.SHOWINGS).withWriteConcern(durable);
        this.clicks = database.getCollection(Schema.CLICKS).withWriteConcern(durable);
    }

    /**
     * Part of a counter batch: keeps what is not kept yet; called before the batch is made durable.
     *
     * @throws MongoException when an entry could not be kept; the batch then fails and is retried whole
     */
    void keep(Collection<Activity> activity) {
        List<WriteModel<Document>> showingWrites = new ArrayList<>();
        List<WriteModel<Document>> clickWrites = new ArrayList<>();
        List<WriteModel<Document>> onAirWrites = new ArrayList<>();
        for (Activity entry : activity) {
            switch (entry.kind()) {
                case SHOWING -> showingWrites.add(insertOnce(entry));
                case CHAT, QR, LINK -> clickWrites.add(insertOnce(entry));
                case ON_AIR -> onAirWrites.add(onAir(entry));
            }
        }
        write(showings, showingWrites);
        write(clicks, clickWrites);
        // After the showings: a showing counted in this same batch is there to amend.
        write(showings, onAirWrites);
    }

    /**
     * One unordered bulk write. Two upserts of one entry at once end in a duplicate key for the second, whose insert
     * found the first's document: that entry is kept. Anything else fails the batch, which the tracker retries under
     * its id.
     */
    private static void write(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        if (writes.isEmpty()) {
            return;
        }
        try {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (!StoreFailures.onlyDuplicateKeys(e)) {
                throw e;
            }
        }
    }

    private static WriteModel<Document> insertOnce(Activity entry) {
        List<Bson> fields = new ArrayList<>(List.of(
                Updates.setOnInsert(ActivityFields.STREAMER_ID, idValue(entry.streamerId())),
                Updates.setOnInsert(ActivityFields.PARTICIPATION_ID, objectId(entry.participationId())),
                Updates.setOnInsert(ActivityFields.CAMPAIGN_ID, idValue(entry.campaignId())),
                Updates.setOnInsert(ActivityFields.AT, Date.from(entry.at())),
                Updates.setOnInsert(ActivityFields.OUTCOME, entry.outcome().wireName()),
                Updates.setOnInsert(ActivityFields.BILLABLE, entry.outcome().billable())));
        if (entry.kind() == Activity.Kind.SHOWING) {
            fields.add(Updates.setOnInsert(ActivityFields.IMPRESSIONS, entry.impressions()));
        } else {
            fields.add(Updates.setOnInsert(ActivityFields.CLICK_TYPE, entry.kind().wireName()));
        }
        return new UpdateOneModel<>(Filters.eq(Schema.ID, entry.id()), Updates.combine(fields),
                new UpdateOptions().upsert(true));
    }

    /**
     * A showing's time on air: the longest reported stands ({@code $max}), so a report sent again, or a shorter one
     * from before a reload, changes nothing. A showing the trail does not hold (never counted) is not created.
     */
    private static WriteModel<Document> onAir(Activity entry) {
        return new UpdateOneModel<>(Filters.eq(Schema.ID, entry.id()),
                Updates.max(ActivityFields.SECONDS_ON_AIR, entry.secondsOnAir()));
    }

    /** Ids are the platform's ObjectIds where they look like one; a local profile's id is kept as it is. */
    private static Object idValue(String id) {
        return ObjectId.isValid(id) ? new ObjectId(id) : id;
    }

    /** The participation's showings and clicks from {@code since} on, newest first, at most {@code limit}. */
    public List<Activity> recent(String participationId, Instant since, int limit) {
        Bson filter = Filters.and(Filters.eq(ActivityFields.PARTICIPATION_ID, objectId(participationId)),
                Filters.gte(ActivityFields.AT, Date.from(since)));
        try {
            List<Activity> found = new ArrayList<>();
            Bson newestFirst = Sorts.descending(ActivityFields.AT);
            showings.find(filter).sort(newestFirst).limit(limit)
                    .forEach(document -> found.add(activity(document, Activity.Kind.SHOWING)));
            clicks.find(filter).sort(newestFirst).limit(limit).forEach(document -> found.add(activity(document,
                    Activity.Kind.fromWireName(document.getString(ActivityFields.CLICK_TYPE)))));
            found.sort(Comparator.comparing(Activity::at).reversed());
            return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
        } catch (MongoException e) {
            throw StoreFailures.translate(e);
        }
    }

    /** The streamer's showings in {@code [from, to)}, oldest first: what the showings export lists. */
    public List<Activity> showings(String streamerId, Instant from, Instant to) {
        Bson filter = Filters.and(Filters.eq(ActivityFields.STREAMER_ID, idValue(streamerId)),
                Filters.gte(ActivityFields.AT, Date.from(from)), Filters.lt(ActivityFields.AT, Date.from(to)));
        try {
            List<Activity> found = new ArrayList<>();
            showings.find(filter).sort(Sorts.ascending(ActivityFields.AT, Schema.ID))
                    .forEach(document -> found.add(activity(document, Activity.Kind.SHOWING)));
            return found;
        } catch (MongoException e) {
            throw StoreFailures.translate(e);
        }
    }

    private static Activity activity(Document document, Activity.Kind kind) {
        Number impressions = document.get(ActivityFields.IMPRESSIONS, Number.class);
        Number secondsOnAir = document.get(ActivityFields.SECONDS_ON_AIR, Number.class);
        return new Activity(document.getString(Schema.ID), DocumentMapping.idString(document.get(ActivityFields.STREAMER_ID)),
                DocumentMapping.idString(document.get(ActivityFields.PARTICIPATION_ID)),
                DocumentMapping.idString(document.get(ActivityFields.CAMPAIGN_ID)), kind,
                document.getDate(ActivityFields.AT).toInstant(), impressions == null ? 0 : impressions.longValue(),
                Activity.Outcome.fromWireName(document.getString(ActivityFields.OUTCOME)),
                secondsOnAir == null ? 0 : secondsOnAir.longValue());
    }
}
