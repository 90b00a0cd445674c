package com.gametriggers.companion.store;

import static com.gametriggers.companion.store.Schema.ParticipationFields.BROWSER_SOURCE_TOKEN;
import static com.gametriggers.companion.store.Schema.ParticipationFields.CAMPAIGN_ID;
import static com.gametriggers.companion.store.Schema.ParticipationFields.CHAT_CLICKS;
import static com.gametriggers.companion.store.Schema.ParticipationFields.CHAT_COMMAND;
import static com.gametriggers.companion.store.Schema.ParticipationFields.CHAT_COMMAND_KEY;
import static com.gametriggers.companion.store.Schema.ParticipationFields.CLICKS;
import static com.gametriggers.companion.store.Schema.ParticipationFields.EARNINGS_MICROS;
import static com.gametriggers.companion.store.Schema.ParticipationFields.ESTIMATED_EARNINGS;
import static com.gametriggers.companion.store.Schema.ParticipationFields.IMPRESSIONS;
import static com.gametriggers.companion.store.Schema.ParticipationFields.JOINED_AT;
import static com.gametriggers.companion.store.Schema.ParticipationFields.LINK_CLICKS;
import static com.gametriggers.companion.store.Schema.ParticipationFields.PEAK_VIEWER_COUNT;
import static com.gametriggers.companion.store.Schema.ParticipationFields.QR_CODE_URL;
import static com.gametriggers.companion.store.Schema.ParticipationFields.QR_SCANS;
import static com.gametriggers.companion.store.Schema.ParticipationFields.STATUS;
import static com.gametriggers.companion.store.Schema.ParticipationFields.STREAMER_ID;
import static com.gametriggers.companion.store.Schema.ParticipationFields.TRACKING_URL;
import static com.gametriggers.companion.store.Schema.ParticipationFields.VIEWER_COUNT_SUM;
import static com.gametriggers.companion.store.Schema.ParticipationFields.VIEWER_SAMPLE_COUNT;
import static com.gametriggers.companion.store.DocumentMapping.objectId;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.Money;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.ParticipationStatus;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * Every change the app makes to a participation, each as exactly one atomic single-document update.
 *
 * <p>This is the platform's lesson (E11000 on {@code browserSourceToken_1} after concurrent whole-document saves)
 * built in: counters only move with {@code $inc}, the peak with {@code $max}, fields with {@code $set}, and the token
 * is written once, by {@code $setOnInsert}. No method reads a document to write it back, so concurrent callers can
 * neither lose each other's increments nor rewrite a unique field, and fields the platform added stay as they are.
 * Methods that change a participation return its state right after the change.
 */
public final class ParticipationUpdates {

    private static final FindOneAndUpdateOptions RETURN_AFTER =
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
    private static final FindOneAndUpdateOptions UPSERT_RETURN_AFTER =
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
    /** Concurrent first joins can race to insert; the loser retries as an update of the winner's document. */
    private static final int JOIN_ATTEMPTS = 3;
    private static final int TOKEN_BYTES = 32;

    private final MongoCollection<Document> participations;
    private final SecureRandom random = new SecureRandom();

    ParticipationUpdates(MongoDatabase database) {
        this.participations = database.getCollection(Schema.PARTICIPATIONS);
    }

    /**
     * Joins a campaign, or rejoins it: one participation per campaign and streamer, whose token never changes once
     * made. Joining again makes the participation active and returns it with the same id and token.
     */
    public Participation join(String campaignId, String streamerId) {
        Bson filter = Filters.and(Filters.eq(CAMPAIGN_ID, objectId(campaignId)), Filters.eq(STREAMER_ID, objectId(streamerId)));
        for (int attempt = 1; ; attempt++) {
            Date now = new Date();
            Bson update = Updates.combine(
                    Updates.set(STATUS, ParticipationStatus.ACTIVE.wireName()),
                    Updates.currentDate(Schema.UPDATED_AT),
                    Updates.setOnInsert(BROWSER_SOURCE_TOKEN, newToken()),
                    Updates.setOnInsert(IMPRESSIONS, 0L),
                    Updates.setOnInsert(CLICKS, 0L),
                    Updates.setOnInsert(CHAT_CLICKS, 0L),
                    Updates.setOnInsert(QR_SCANS, 0L),
                    Updates.setOnInsert(LINK_CLICKS, 0L),
                    Updates.setOnInsert(ESTIMATED_EARNINGS, 0.0),
                    Updates.setOnInsert(EARNINGS_MICROS, 0L),
                    Updates.setOnInsert(PEAK_VIEWER_COUNT, 0L),
                    Updates.setOnInsert(VIEWER_COUNT_SUM, 0L),
                    Updates.setOnInsert(VIEWER_SAMPLE_COUNT, 0L),
                    Updates.setOnInsert(JOINED_AT, now),
                    Updates.setOnInsert(Schema.CREATED_AT, now));
            try {
                return DocumentMapping.toParticipation(participations.findOneAndUpdate(filter, update, UPSERT_RETURN_AFTER));
            } catch (MongoServerException e) {
                if (!isDuplicateKey(e) || attempt == JOIN_ATTEMPTS) {
                    throw StoreFailures.translate(e);
                }
            } catch (MongoException e) {
                throw StoreFailures.translate(e);
            }
        }
    }

    /** A viewer typed the chat command, scanned the QR code or clicked the link; CPC campaigns pass its earnings. */
    public Optional<Participation> recordClick(String participationId, ClickType type, BigDecimal earnings) {
        List<Bson> changes = new ArrayList<>();
        changes.add(Updates.inc(CLICKS, 1L));
        changes.add(Updates.inc(clickField(type), 1L));
        changes.addAll(earningsIncrements(earnings));
        return update(participationId, changes);
    }

    /** Impressions shown on air, with what they earned (CPM campaigns; zero otherwise). */
    public Optional<Participation> recordImpressions(String participationId, long impressions, BigDecimal earnings) {
        List<Bson> changes = new ArrayList<>();
        changes.add(Updates.inc(IMPRESSIONS, impressions));
        changes.addAll(earningsIncrements(earnings));
        return update(participationId, changes);
    }

    /**
     * A viewer-count sample while the sponsor was on air: viewer statistics only, never impressions (the showing is
     * the impression). The peak moves with {@code $max} and the average comes from an exact sum and count, so no stale
     * read can overwrite either.
     */
    public Optional<Participation> recordViewerSample(String participationId, long viewers) {
        return update(participationId, List.of(
                Updates.inc(VIEWER_COUNT_SUM, viewers),
                Updates.inc(VIEWER_SAMPLE_COUNT, 1L),
                Updates.max(PEAK_VIEWER_COUNT, viewers)));
    }

    public Optional<Participation> setQrCodeUrl(String participationId, String qrCodeUrl) {
        return update(participationId, List.of(Updates.set(QR_CODE_URL, qrCodeUrl)));
    }

    /**
     * Sets the tracking link and the chat command together, as the platform does.
     *
     * @throws ChatCommandTakenException when another of the streamer's participations already uses the command
     *                                   (compared without case, as chat does)
     */
    public Optional<Participation> setTrackingLinks(Participation participation, String trackingUrl, String chatCommand) {
        Bson filter = Filters.and(
                Filters.eq(Schema.ID, objectId(participation.id())),
                Filters.eq(STREAMER_ID, objectId(participation.streamerId())));
        Bson update = Updates.combine(
                Updates.set(TRACKING_URL, trackingUrl),
                Updates.set(CHAT_COMMAND, chatCommand),
                Updates.set(CHAT_COMMAND_KEY, participation.streamerId() + ":" + chatCommand.toLowerCase(Locale.ROOT)),
                Updates.currentDate(Schema.UPDATED_AT));
        try {
            return Optional.ofNullable(participations.findOneAndUpdate(filter, update, RETURN_AFTER))
                    .map(DocumentMapping::toParticipation);
        } catch (MongoServerException e) {
            if (isDuplicateKey(e)) {
                throw new ChatCommandTakenException(chatCommand, e);
            }
            throw StoreFailures.translate(e);
        } catch (MongoException e) {
            throw StoreFailures.translate(e);
        }
    }

    /** Stops showing and earning; only an active participation can be paused. */
    public Optional<Participation> pause(String participationId) {
        return changeStatus(participationId, Set.of(ParticipationStatus.ACTIVE), ParticipationStatus.PAUSED);
    }

    /** Shows and earns again; only a paused participation can be resumed (a left one is joined again). */
    public Optional<Participation> resume(String participationId) {
        return changeStatus(participationId, Set.of(ParticipationStatus.PAUSED), ParticipationStatus.ACTIVE);
    }

    public Optional<Participation> leave(String participationId) {
        return changeStatus(participationId, Set.of(ParticipationStatus.ACTIVE, ParticipationStatus.PAUSED),
                ParticipationStatus.LEFT);
    }

    /**
     * The status moves only from one of {@code from}, checked in the update's own filter so two callers cannot both
     * act on the same old status. When it was elsewhere the participation is returned as it stands.
     */
    private Optional<Participation> changeStatus(String participationId, Set<ParticipationStatus> from, ParticipationStatus to) {
        Bson filter = Filters.and(
                Filters.eq(Schema.ID, objectId(participationId)),
                Filters.in(STATUS, from.stream().map(ParticipationStatus::wireName).toList()));
        Bson update = Updates.combine(Updates.set(STATUS, to.wireName()), Updates.currentDate(Schema.UPDATED_AT));
        try {
            Document changed = participations.findOneAndUpdate(filter, update, RETURN_AFTER);
            if (changed != null) {
                return Optional.of(DocumentMapping.toParticipation(changed));
            }
            return Optional.ofNullable(participations.find(Filters.eq(Schema.ID, objectId(participationId))).first())
                    .map(DocumentMapping::toParticipation);
        } catch (MongoException e) {
            throw StoreFailures.translate(e);
        }
    }

    private Optional<Participation> update(String participationId, List<Bson> changes) {
        List<Bson> all = new ArrayList<>(changes);
        all.add(Updates.currentDate(Schema.UPDATED_AT));
        try {
            Document after = participations.findOneAndUpdate(
                    Filters.eq(Schema.ID, objectId(participationId)), Updates.combine(all), RETURN_AFTER);
            return Optional.ofNullable(after).map(DocumentMapping::toParticipation);
        } catch (MongoException e) {
            throw StoreFailures.translate(e);
        }
    }

    /**
     * The exact micro-unit total for the app, and the platform's {@code estimatedEarnings} number beside it. The
     * amount is rounded to six places here, once, so both fields move by the same value.
     */
    private static List<Bson> earningsIncrements(BigDecimal earnings) {
        long micros = Money.toMicros(earnings);
        if (micros == 0) {
            return List.of();
        }
        return List.of(Updates.inc(EARNINGS_MICROS, micros),
                Updates.inc(ESTIMATED_EARNINGS, Money.fromMicros(micros).doubleValue()));
    }

    private static String clickField(ClickType type) {
        return switch (type) {
            case CHAT -> CHAT_CLICKS;
            case QR -> QR_SCANS;
            case LINK -> LINK_CLICKS;
        };
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static boolean isDuplicateKey(MongoServerException e) {
        return ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
