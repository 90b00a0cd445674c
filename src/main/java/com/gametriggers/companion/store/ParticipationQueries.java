package com.gametriggers.companion.store;

import static com.gametriggers.companion.store.DocumentMapping.objectId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.store.Schema.ParticipationFields;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

/** Reads participations. */
public final class ParticipationQueries {

    private final MongoCollection<Document> participations;

    ParticipationQueries(MongoDatabase database) {
        this.participations = database.getCollection(Schema.PARTICIPATIONS);
    }

    public Optional<Participation> byId(String participationId) {
        try {
            return Optional.ofNullable(participations.find(Filters.eq(Schema.ID, objectId(participationId))).first())
                    .map(DocumentMapping::toParticipation);
        } catch (MongoException e) {
            throw StoreFailures.translate(e);
        }
    }

    /**
     * The participations with these ids that exist, in one query.
     *
     * @throws StoreUnavailableException when the store cannot be reached
     */
    public List<Participation> byIds(Collection<String> participationIds) {
        try {
            return participations.find(Filters.in(Schema.ID, participationIds.stream().map(DocumentMapping::objectId).toList()))
                    .map(DocumentMapping::toParticipation)
                    .into(new ArrayList<>());
        } catch (MongoException e) {
            throw StoreFailures.translate(e);
        }
    }

    /** All of a streamer's participations, oldest first, including paused and left ones. */
    public List<Participation> forStreamer(String streamerId) {
        try {
            return participations.find(Filters.eq(ParticipationFields.STREAMER_ID, objectId(streamerId)))
                    .sort(Sorts.ascending(ParticipationFields.JOINED_AT))
                    .map(DocumentMapping::toParticipation)
                    .into(new ArrayList<>());
        } catch (MongoException e) {
            throw StoreFailures.translate(e);
        }
    }
}
