package com.gametriggers.companion.store;

import static com.gametriggers.companion.store.DocumentMapping.objectId;
import static com.gametriggers.companion.store.Schema.SpendFields.BATCHES_BY_STREAMER;
import static com.gametriggers.companion.store.Schema.SpendFields.DAILY_SPENT_MICROS;
import static com.gametriggers.companion.store.Schema.SpendFields.SPENT;
import static com.gametriggers.companion.store.Schema.SpendFields.SPENT_MICROS;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignSpend;
import com.gametriggers.companion.domain.Money;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * Each campaign's spent counters, shared by every streamer's app, and the one place a budget is enforced.
 *
 * <p>A batch's earnings are added with a single guarded update whose filter holds both the batch-id guard and the caps:
 * it matches only while the campaign is under its budget (and under its daily budget on each day the batch earned on),
 * and only if this streamer's app has not settled the batch before. Updates to one document are serialized by the
 * store, so once the counter reaches the cap no app's batch adds to it again: the budget is overspent by at most the
 * one batch that crossed it, however many apps spend at once. A batch the caps refuse is marked as refused, with the
 * reason, under the same guard, so a retried batch is settled the same way as the first time, paid or not.
 */
public final class CampaignSpending {

    /**
     * How many settled batches each streamer's entry remembers. An app's writer settles and confirms each batch before
     * it cuts the next, so one batch per app is ever in doubt; four leave room for a second computer of the same
     * streamer. Few, because every streamer who earned in a campaign keeps an entry in its one document, and MongoDB
     * rewrites a document whole on each update: about 210 bytes per streamer, 2 MB at 10,000 streamers.
     */
    static final int REMEMBERED_BATCHES = 4;

    /** Settling a batch can race only with another app creating the document; a few rounds always settle it. */
    private static final int ATTEMPTS = 5;

    /** Streamer ids become field names: anything else than this would be refused or misread as a path. */
    private static final Pattern FIELD_SAFE = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    /** What became of a batch's earnings for one campaign, and the campaign's spending as the store then held it. */
    public record Settled(Activity.Outcome outcome, CampaignSpend spend) {
    }

    private final MongoCollection<Document> spending;

    CampaignSpending(MongoDatabase database) {
        this.spending = database.getCollection(Schema.CAMPAIGN_SPEND)
                .withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    }

    /**
     * Adds what one streamer's batch earned in this campaign, per UTC day, unless the campaign's budget is spent.
     *
     * @return {@link Activity.Outcome#COUNTED} when it was added (now or by an earlier try of the same batch), else why
     *         not ({@link Activity.Outcome#BUDGET_SPENT} or {@link Activity.Outcome#DAILY_BUDGET_SPENT}): the batch's
     *         events then earn nothing
     * @throws StoreUnavailableException when the store could not be reached; retrying with the same batch id is exact
     */
    public Settled spend(Campaign campaign, String streamerId, String batchId, Map<LocalDate, Long> microsByUtcDay) {
        if (!FIELD_SAFE.matcher(streamerId).matches()) {
            throw new IllegalArgumentException("A streamer id cannot name a field: " + streamerId);
        }
        String batches = BATCHES_BY_STREAMER + "." + streamerId;
        Bson unsettled = Filters.nin(batches, List.of(batchId, refusal(batchId, Activity.Outcome.BUDGET_SPENT),
                refusal(batchId, Activity.Outcome.DAILY_BUDGET_SPENT)));
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Optional<CampaignSpend> paid = addUnderCaps(campaign, batchId, microsByUtcDay, batches, unsettled);
                if (paid.isPresent()) {
                    return new Settled(Activity.Outcome.COUNTED, paid.get());
                }
                Document current = spending.find(Filters.eq(Schema.ID, objectId(campaign.id()))).first();
                Optional<Activity.Outcome> earlier = earlierSettlement(current, streamerId, batchId);
                if (earlier.isPresent()) {
                    return new Settled(earlier.get(), toSpend(current));
                }
                Optional<Activity.Outcome> refused = campaign.budgetSpent(toSpend(current), microsByUtcDay.keySet());
                if (refused.isPresent() && spending.updateOne(Filters.and(Filters.eq(Schema.ID, objectId(campaign.id())), unsettled),
                        Updates.combine(Updates.pushEach(batches, List.of(refusal(batchId, refused.get())),
                                new PushOptions().slice(-REMEMBERED_BATCHES)), Updates.set(Schema.UPDATED_AT, new Date())))
                        .getModifiedCount() == 1) {
                    return new Settled(refused.get(), toSpend(current));
                }
                // Neither paid nor refused: another app created the document meanwhile, or a budget was raised. Again.
            }
        } catch (MongoException e) {
            throw StoreFailures.translate(e);
        }
        throw new StoreException("The spending of campaign " + campaign.id() + " kept changing while batch " + batchId
                + " was settled; it is tried again with the next round.");
    }

    /** What these campaigns have spent; a campaign nothing was spent for has no entry. */
    public Map<String, CampaignSpend> forCampaigns(Collection<String> campaignIds) {
        Map<String, CampaignSpend> spent = new HashMap<>();
        try {
            spending.find(Filters.in(Schema.ID, campaignIds.stream().map(DocumentMapping::objectId).toList()))
                    .projection(Projections.include(SPENT_MICROS, DAILY_SPENT_MICROS))
                    .forEach(doc -> spent.put(DocumentMapping.idString(doc.get(Schema.ID)), toSpend(doc)));
        } catch (MongoException e) {
            throw StoreFailures.translate(e);
        }
        return spent;
    }

    /** The guarded, capped add; empty when the filter matched nothing (settled before, a cap reached, or a race). */
    private Optional<CampaignSpend> addUnderCaps(Campaign campaign, String batchId, Map<LocalDate, Long> microsByUtcDay,
                                                 String batches, Bson unsettled) {
        List<Bson> filter = new ArrayList<>(List.of(Filters.eq(Schema.ID, objectId(campaign.id())), unsettled));
        // $not of $gte, not $lt: a document or a day nothing was spent on yet is under its cap.
        if (campaign.budgetMicros() > 0) {
            filter.add(Filters.not(Filters.gte(SPENT_MICROS, campaign.budgetMicros())));
        }
        long total = microsByUtcDay.values().stream().mapToLong(Long::longValue).sum();
        List<Bson> changes = new ArrayList<>(List.of(
                Updates.inc(SPENT_MICROS, total),
                Updates.inc(SPENT, Money.fromMicros(total).doubleValue()),
                Updates.pushEach(batches, List.of(batchId), new PushOptions().slice(-REMEMBERED_BATCHES)),
                Updates.set(Schema.UPDATED_AT, new Date())));
        microsByUtcDay.forEach((day, micros) -> {
            String dayField = DAILY_SPENT_MICROS + "." + day;
            if (campaign.dailyBudgetMicros() > 0) {
                filter.add(Filters.not(Filters.gte(dayField, campaign.dailyBudgetMicros())));
            }
            changes.add(Updates.inc(dayField, micros));
        });
        try {
            // Upserted: the first batch paid for a campaign creates its document.
            return Optional.ofNullable(spending.findOneAndUpdate(Filters.and(filter), Updates.combine(changes),
                            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)
                                    .projection(Projections.include(SPENT_MICROS, DAILY_SPENT_MICROS))))
                    .map(CampaignSpending::toSpend);
        } catch (MongoException e) {
            // The document exists but did not match, so the upsert tried to insert its _id again.
            if (isDuplicateKey(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static boolean isDuplicateKey(MongoException e) {
        return ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY
                || e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    /** How this streamer's app settled the batch before, if it did. */
    private static Optional<Activity.Outcome> earlierSettlement(Document doc, String streamerId, String batchId) {
        if (doc == null || !(doc.get(BATCHES_BY_STREAMER) instanceof Document byStreamer)
                || !(byStreamer.get(streamerId) instanceof List<?> settled)) {
            return Optional.empty();
        }
        if (settled.contains(batchId)) {
            return Optional.of(Activity.Outcome.COUNTED);
        }
        for (Activity.Outcome reason : List.of(Activity.Outcome.BUDGET_SPENT, Activity.Outcome.DAILY_BUDGET_SPENT)) {
            if (settled.contains(refusal(batchId, reason))) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }

    private static String refusal(String batchId, Activity.Outcome reason) {
        return batchId + ":" + reason.wireName();
    }

    private static CampaignSpend toSpend(Document doc) {
        if (doc == null) {
            return CampaignSpend.NONE;
        }
        Map<LocalDate, Long> byDay = new HashMap<>();
        if (doc.get(DAILY_SPENT_MICROS) instanceof Document days) {
            days.forEach((day, micros) -> {
                try {
                    if (micros instanceof Number number) {
                        byDay.put(LocalDate.parse(day), number.longValue());
                    }
                } catch (DateTimeParseException e) {
                    // Not a day this app wrote: it caps nothing, and the total still does.
                }
            });
        }
        return new CampaignSpend(doc.get(SPENT_MICROS) instanceof Number number ? number.longValue() : 0, byDay);
    }
}
