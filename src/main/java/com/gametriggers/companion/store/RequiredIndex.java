package com.gametriggers.companion.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bson.Document;

import com.mongodb.client.model.IndexOptions;

/**
 * One index the app relies on, defined once: {@link IndexSetup} creates it on the embedded store and checks it on the
 * platform's MongoDB, and {@link MongoDbSetup} prints it for the platform's administrators, so the three cannot drift.
 *
 * @param keys         field to 1 (ascending) or -1 (descending), in order
 * @param onlyWhereSet a unique index on this single field that skips documents without a string in it: documents the
 *                     platform wrote before the field existed must not collide as null
 * @param onEmbedded   whether the embedded server gets it too: it has no secondary indexes beside unique ones, and its
 *                     data is small enough to scan
 */
record RequiredIndex(String collection, String name, Document keys, boolean unique, Optional<String> onlyWhereSet,
                     boolean onEmbedded) {

    RequiredIndex {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(onlyWhereSet, "onlyWhereSet");
    }

    /** The options on a real MongoDB; the embedded server has no partial indexes, its sparse index skips the same. */
    IndexOptions options(boolean embedded) {
        IndexOptions options = new IndexOptions().name(name).unique(unique);
        onlyWhereSet.ifPresent(field -> {
            if (embedded) {
                options.sparse(true);
            } else {
                options.partialFilterExpression(partialFilter(field));
            }
        });
        return options;
    }

    /** The same options as a document, as {@code createIndex} in {@code mongosh} takes them. */
    Document scriptOptions() {
        Document options = new Document("name", name);
        if (unique) {
            options.append("unique", true);
        }
        onlyWhereSet.ifPresent(field -> options.append("partialFilterExpression", partialFilter(field)));
        return options;
    }

    /**
     * Whether an index {@code listIndexes} returned serves as this one: the same keys in the same order and directions
     * and, for a unique one, unique too. Its name may differ: an index the platform made its own way still serves.
     */
    boolean isMetBy(Document existing) {
        Object key = existing.get("key");
        if (!(key instanceof Document existingKeys) || !directions(existingKeys).equals(directions(keys))) {
            return false;
        }
        return !unique || Boolean.TRUE.equals(existing.get("unique"));
    }

    /** For messages: {@code campaignparticipations.campaignId_1_streamerId_1}. */
    String qualifiedName() {
        return collection + "." + name;
    }

    private static Document partialFilter(String field) {
        return new Document(field, new Document("$type", "string"));
    }

    private static List<String> directions(Document keys) {
        List<String> directions = new ArrayList<>();
        keys.forEach((field, direction) -> directions.add(field + (direction instanceof Number number
                ? (number.doubleValue() < 0 ? ":-1" : ":1") : ":" + direction)));
        return directions;
    }
}
