package com.gametriggers.companion.store;

import static com.gametriggers.companion.store.Schema.ParticipationFields.APPLIED_BATCHES;
import static com.gametriggers.companion.store.Schema.ParticipationFields.CHAT_CLICKS;
import static com.gametriggers.companion.store.Schema.ParticipationFields.CLICKS;
import static com.gametriggers.companion.store.Schema.ParticipationFields.EARNINGS_MICROS;
import static com.gametriggers.companion.store.Schema.ParticipationFields.ESTIMATED_EARNINGS;
import static com.gametriggers.companion.store.Schema.ParticipationFields.FILTERED_CLICKS;
import static com.gametriggers.companion.store.Schema.ParticipationFields.IMPRESSIONS;
import static com.gametriggers.companion.store.Schema.ParticipationFields.LINK_CLICKS;
import static com.gametriggers.companion.store.Schema.ParticipationFields.PEAK_VIEWER_COUNT;
import static com.gametriggers.companion.store.Schema.ParticipationFields.QR_SCANS;
import static com.gametriggers.companion.store.Schema.ParticipationFields.UNBILLED_CLICKS;
import static com.gametriggers.companion.store.Schema.ParticipationFields.UNBILLED_IMPRESSIONS;
import static com.gametriggers.companion.store.Schema.ParticipationFields.VIEWER_COUNT_SUM;
import static com.gametriggers.companion.store.Schema.ParticipationFields.VIEWER_SAMPLE_COUNT;
import static com.gametriggers.companion.store.DocumentMapping.objectId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.CounterDelta;
import com.gametriggers.companion.domain.Money;
import com.gametriggers.companion.domain.ParticipationDay;
import com.gametriggers.companion.store.Schema.DailyStatsFields;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.WriteConcern;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * Applies a batch of coalesced counter changes exactly once, however often it is retried.
 *
 * <p>Each document's update is guarded by the batch id: the filter asks for {@code appliedBatches: {$ne: id}} and the
 * update pushes the id (keeping the last {@value #REMEMBERED_BATCHES}). A batch retried after a timeout or replayed
 * after a crash then changes each document at most once, without transactions, which the embedded server lacks.
 * One unordered {@code bulkWrite} per collection, so one slow or failing document does not hold up the rest.
 */
public final class CounterBatches {

    /**
     * How many batch ids each document remembers. Only batches not yet confirmed are ever retried, and the writer
     * confirms each batch before it cuts the next one, so far fewer than this can be in doubt at once.
     */
    static final int REMEMBERED_BATCHES = 64;

    private final MongoCollection<Document> participations;
    private final MongoCollection<Document> dailyStats;
    private final ActivityLog activityLog;
    private final Runnable makeDurable;

    CounterBatches(MongoDatabase database, ActivityLog activityLog, Runnable makeDurable) {
        this.activityLog = activityLog;
        // Acknowledged by a majority and journaled: the local journal is trimmed on this answer.
        WriteConcern durable = WriteConcern.MAJORITY.withJournal(true);
        this.participations = database.getCollection(Schema.PARTICIPATIONS).withWriteConcern(durable);
        this.dailyStats = database.getCollection(Schema.DAILY_STATS).withWriteConcern(durable);
        this.makeDurable = makeDurable;
    }

    /** What a batch did; documents that had the batch already, or no longer exist, are not "applied". */
    public record Outcome(int participationsApplied, int daysApplied) {
    }

    /**
     * Applies the batch, with the showings and clicks behind it for the audit trail, and returns once it is durable in
     * the store.
     *
     * @throws StoreUnavailableException when the store could not be reached, {@link StoreException} when it refused a
     *                                   write; the batch may then be partly applied, and retrying it with the same id
     *                                   completes it exactly
     */
    public Outcome apply(String batchId, Map<String, CounterDelta> byParticipation, Map<ParticipationDay, CounterDelta> byDay,
                         Collection<Activity> activity) {
        try {
            Outcome outcome = write(batchId, byParticipation, byDay);
            activityLog.keep(activity);
            makeDurable.run();
            return outcome;
        } catch (MongoException e) {
            throw StoreFailures.translate(e);
        }
    }

    private Outcome write(String batchId, Map<String, CounterDelta> byParticipation, Map<ParticipationDay, CounterDelta> byDay) {
        Date now = new Date();
        List<WriteModel<Document>> participationWrites = new ArrayList<>();
        byParticipation.forEach((participationId, delta) -> participationWrites.add(new UpdateOneModel<>(
                Filters.and(Filters.eq(Schema.ID, objectId(participationId)), Filters.ne(APPLIED_BATCHES, batchId)),
                counterUpdate(batchId, delta, Updates.set(Schema.UPDATED_AT, now)))));
        List<WriteModel<Document>> dayWrites = new ArrayList<>();
        byDay.forEach((day, delta) -> dayWrites.add(new UpdateOneModel<>(
                Filters.and(Filters.eq(Schema.ID, day.key()), Filters.ne(APPLIED_BATCHES, batchId)),
                counterUpdate(batchId, delta,
                        Updates.setOnInsert(DailyStatsFields.PARTICIPATION_ID, objectId(day.participationId())),
                        Updates.setOnInsert(DailyStatsFields.DAY, day.day().toString()),
                        Updates.set(Schema.UPDATED_AT, now)),
                new UpdateOptions().upsert(true))));

        int participationsApplied = participationWrites.isEmpty() ? 0
                : participations.bulkWrite(participationWrites, new BulkWriteOptions().ordered(false)).getModifiedCount();
        int daysApplied = dayWrites.isEmpty() ? 0 : applyDays(dayWrites);
        return new Outcome(participationsApplied, daysApplied);
    }

    /**
     * A day bucket that already has the batch does not match the filter, so the upsert tries to insert a second
     * document with the same {@code _id}: that duplicate key means "already applied", and only that error does.
     */
    private int applyDays(List<WriteModel<Document>> dayWrites) {
        try {
            return daysChanged(dailyStats.bulkWrite(dayWrites, new BulkWriteOptions().ordered(false)));
        } catch (MongoBulkWriteException e) {
            if (!StoreFailures.onlyDuplicateKeys(e)) {
                throw e;
            }
            return daysChanged(e.getWriteResult());
        }
    }

    /** Buckets that were there and took the batch, and buckets the batch created. */
    private static int daysChanged(BulkWriteResult result) {
        return result.getModifiedCount() + result.getUpserts().size();
    }

    private static Bson counterUpdate(String batchId, CounterDelta delta, Bson... more) {
        List<Bson> changes = new ArrayList<>(List.of(more));
        incrementIfAny(changes, IMPRESSIONS, delta.impressions());
        incrementIfAny(changes, CLICKS, delta.clicks());
        incrementIfAny(changes, CHAT_CLICKS, delta.chatClicks());
        incrementIfAny(changes, QR_SCANS, delta.qrScans());
        incrementIfAny(changes, LINK_CLICKS, delta.linkClicks());
        incrementIfAny(changes, FILTERED_CLICKS, delta.filteredClicks());
        incrementIfAny(changes, UNBILLED_IMPRESSIONS, delta.unbilledImpressions());
        incrementIfAny(changes, UNBILLED_CLICKS, delta.unbilledClicks());
        incrementIfAny(changes, VIEWER_COUNT_SUM, delta.viewerCountSum());
        incrementIfAny(changes, VIEWER_SAMPLE_COUNT, delta.viewerSampleCount());
        if (delta.earningsMicros() != 0) {
            changes.add(Updates.inc(EARNINGS_MICROS, delta.earningsMicros()));
            changes.add(Updates.inc(ESTIMATED_EARNINGS, Money.fromMicros(delta.earningsMicros()).doubleValue()));
        }
        if (delta.viewerSampleCount() > 0) {
            changes.add(Updates.max(PEAK_VIEWER_COUNT, delta.peakViewerCount()));
        }
        changes.add(Updates.pushEach(APPLIED_BATCHES, List.of(batchId), new PushOptions().slice(-REMEMBERED_BATCHES)));
        return Updates.combine(changes);
    }

    private static void incrementIfAny(List<Bson> changes, String field, long amount) {
        if (amount != 0) {
            changes.add(Updates.inc(field, amount));
        }
    }
}
