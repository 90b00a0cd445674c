package com.gametriggers.companion.store;

import static com.gametriggers.companion.store.Schema.ParticipationFields.APPLIED_BATCHES;
import static com.gametriggers.companion.store.Schema.ParticipationFields.AVG_VIEWER_COUNT;
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

import java.time.Instant;
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
import com.gametriggers.companion.domain.ParticipationQuarterHour;
import com.gametriggers.companion.store.Schema.DailyStatsFields;
import com.gametriggers.companion.store.Schema.QuarterHourFields;
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
 *
 * <p>The day buckets are written before the quarter-hour buckets, and {@link EarningsQueries#localDays} reads them in
 * the other order: counters only grow, so a reader never sees quarters that add up to more than their day.
 */
public final class CounterBatches {

    /**
     * How many batch ids each document remembers. Only batches not yet confirmed are ever retried, and the writer
     * confirms each batch before it cuts the next one, so far fewer than this can be in doubt at once.
     */
    static final int REMEMBERED_BATCHES = 64;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CounterBatches.class);

    private final MongoCollection<Document> participations;
    private final MongoCollection<Document> dailyStats;
    private final MongoCollection<Document> quarterHours;
    private final ActivityLog activityLog;
    private final Runnable makeDurable;
    private final boolean storesAverage;
    private volatile boolean averageRefusalLogged;

    /**
     * @param storesAverage whether the store can keep {@code avgViewerCount} itself (MongoDB, with an update pipeline);
     *                      the embedded server has no update pipelines, and the app derives the average there
     */
    CounterBatches(MongoDatabase database, ActivityLog activityLog, Runnable makeDurable, boolean storesAverage) {
        this.activityLog = activityLog;
        this.storesAverage = storesAverage;
        // Acknowledged by a majority and journaled: the local journal is trimmed on this answer.
        WriteConcern durable = WriteConcern.MAJORITY.withJournal(true);
        this.participations = database.getCollection(Schema.PARTICIPATIONS).withWriteConcern(durable);
        this.dailyStats = database.getCollection(Schema.DAILY_STATS).withWriteConcern(durable);
        this.quarterHours = database.getCollection(Schema.QUARTER_HOURS).withWriteConcern(durable);
        this.makeDurable = makeDurable;
    }

    /** What a batch did; documents that had the batch already, or no longer exist, are not "applied". */
    public record Outcome(int participationsApplied, int daysApplied, int quartersApplied) {
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
                         Map<ParticipationQuarterHour, CounterDelta> byQuarter, Collection<Activity> activity) {
        try {
            Outcome outcome = write(batchId, byParticipation, byDay, byQuarter);
            activityLog.keep(activity);
            makeDurable.run();
            return outcome;
        } catch (MongoException e) {
            throw StoreFailures.translate(e);
        }
    }

    /**
     * Forgets the quarter-hour buckets of these participations that start before {@code cutoff}: the window reads only
     * its last 30 days from them, the UTC day buckets keep every count, and the embedded server scans the whole
     * collection on every read, so a year of old quarters made the Earnings section's read take about 100 ms.
     *
     * @return how many buckets were forgotten
     */
    public long forgetQuarterHoursBefore(Collection<String> participationIds, Instant cutoff) {
        if (participationIds.isEmpty()) {
            return 0;
        }
        try {
            return quarterHours.deleteMany(Filters.and(
                    Filters.in(QuarterHourFields.PARTICIPATION_ID, participationIds.stream().map(DocumentMapping::objectId).toList()),
                    Filters.lt(QuarterHourFields.START, Date.from(cutoff)))).getDeletedCount();
        } catch (MongoException e) {
            throw StoreFailures.translate(e);
        }
    }

    private Outcome write(String batchId, Map<String, CounterDelta> byParticipation,
                          Map<ParticipationDay, CounterDelta> byDay, Map<ParticipationQuarterHour, CounterDelta> byQuarter) {
        Date now = new Date();
        List<WriteModel<Document>> participationWrites = new ArrayList<>();
        byParticipation.forEach((participationId, delta) -> participationWrites.add(new UpdateOneModel<>(
                Filters.and(Filters.eq(Schema.ID, objectId(participationId)), Filters.ne(APPLIED_BATCHES, batchId)),
                counterUpdate(batchId, delta, Updates.set(Schema.UPDATED_AT, now)))));
        List<WriteModel<Document>> dayWrites = new ArrayList<>();
        byDay.forEach((day, delta) -> dayWrites.add(bucketWrite(batchId, day.key(), delta, now,
                Updates.setOnInsert(DailyStatsFields.PARTICIPATION_ID, objectId(day.participationId())),
                Updates.setOnInsert(DailyStatsFields.DAY, day.day().toString()))));
        List<WriteModel<Document>> quarterWrites = new ArrayList<>();
        byQuarter.forEach((quarter, delta) -> quarterWrites.add(bucketWrite(batchId, quarter.key(), delta, now,
                Updates.setOnInsert(QuarterHourFields.PARTICIPATION_ID, objectId(quarter.participationId())),
                Updates.setOnInsert(QuarterHourFields.START, Date.from(quarter.start())))));

        int participationsApplied = participationWrites.isEmpty() ? 0
                : participations.bulkWrite(participationWrites, new BulkWriteOptions().ordered(false)).getModifiedCount();
        keepAveragesExact(byParticipation);
        int daysApplied = applyBuckets(dailyStats, dayWrites);
        int quartersApplied = applyBuckets(quarterHours, quarterWrites);
        return new Outcome(participationsApplied, daysApplied, quartersApplied);
    }

    /**
     * The platform reads {@code avgViewerCount}. A second update per participation that got viewer samples sets it from
     * the document's own {@code viewerCountSum / viewerSampleCount}, in one pipeline update: computed from whatever the
     * document holds at that moment, it is exact whichever batch writes last and however often one is retried, and it
     * needs no guard. Never a value computed from a read (the seed's lost update).
     */
    private void keepAveragesExact(Map<String, CounterDelta> byParticipation) {
        if (!storesAverage) {
            return;
        }
        List<WriteModel<Document>> averages = new ArrayList<>();
        byParticipation.forEach((participationId, delta) -> {
            if (delta.viewerSampleCount() > 0) {
                averages.add(new UpdateOneModel<>(Filters.and(Filters.eq(Schema.ID, objectId(participationId)),
                        Filters.gt(VIEWER_SAMPLE_COUNT, 0)),
                        List.of(Updates.set(AVG_VIEWER_COUNT, new Document("$divide",
                                List.of("$" + VIEWER_COUNT_SUM, "$" + VIEWER_SAMPLE_COUNT))))));
            }
        });
        if (averages.isEmpty()) {
            return;
        }
        try {
            participations.bulkWrite(averages, new BulkWriteOptions().ordered(false));
        } catch (MongoException e) {
            // The counters never wait on a derived value: the next batch with viewer samples sets it from the whole
            // sum and count again. A store without update pipelines (MongoDB before 4.2) refuses every time: said once.
            if (!averageRefusalLogged) {
                averageRefusalLogged = true;
                log.warn("The store did not take the average viewer count (avgViewerCount); the counters are stored, and "
                        + "the average is set again with the next viewer samples: {}", e.getMessage());
            }
        }
    }

    /**
     * A bucket's guarded upsert, for the day and the quarter-hour buckets alike: the first batch that counts in it
     * creates it, with {@code placement} (which participation, which day or quarter) set on insert.
     */
    private static WriteModel<Document> bucketWrite(String batchId, String id, CounterDelta delta, Date now,
                                                    Bson... placement) {
        List<Bson> more = new ArrayList<>(List.of(placement));
        more.add(Updates.set(Schema.UPDATED_AT, now));
        return new UpdateOneModel<>(Filters.and(Filters.eq(Schema.ID, id), Filters.ne(APPLIED_BATCHES, batchId)),
                counterUpdate(batchId, delta, more.toArray(Bson[]::new)), new UpdateOptions().upsert(true));
    }

    /**
     * A bucket that already has the batch does not match the filter, so the upsert tries to insert a second document
     * with the same {@code _id}: that duplicate key means "already applied", and only that error does.
     */
    private static int applyBuckets(MongoCollection<Document> buckets, List<WriteModel<Document>> writes) {
        if (writes.isEmpty()) {
            return 0;
        }
        try {
            return bucketsChanged(buckets.bulkWrite(writes, new BulkWriteOptions().ordered(false)));
        } catch (MongoBulkWriteException e) {
            if (!StoreFailures.onlyDuplicateKeys(e)) {
                throw e;
            }
            return bucketsChanged(e.getWriteResult());
        }
    }

    /** Buckets that were there and took the batch, and buckets the batch created. */
    private static int bucketsChanged(BulkWriteResult result) {
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
