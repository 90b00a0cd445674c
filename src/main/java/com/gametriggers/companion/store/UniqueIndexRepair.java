package com.gametriggers.companion.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Puts the unique indexes of an embedded store's file back in step with its documents, before the server opens it.
 *
 * <p>Versions that let H2 commit on its own could store a document without its index entries, or an index entry
 * without its document, when the app was killed (see {@link WholeCommandH2Backend}). mongo-java-server trusts its
 * index maps when it opens a file, so such a document was invisible to every look-up by {@code _id}: an upsert
 * overwrote it, an update missed it. Each unique index is compared with what its collection's documents say it must
 * hold; where one differs, the collection's unique indexes are rebuilt from the documents.
 *
 * <p>Reads H2 maps as mongo-java-server 1.47 lays them out: documents in {@code databases.DB.COLLECTION} keyed by their
 * {@code _id}, index descriptions in the {@code system.indexes} collection, and each unique index in
 * {@code DB.COLLECTION._index_NAME} from the index key to the document's key.
 */
final class UniqueIndexRepair {

    private static final Logger log = LoggerFactory.getLogger(UniqueIndexRepair.class);
    private static final String DATA_PREFIX = "databases.";
    private static final String INDEX_DESCRIPTIONS = ".system.indexes";
    private static final String ID_FIELD = "_id";
    private static final String ID_INDEX_NAME = "_id_";
    /**
     * H2's store version (0 in files of earlier versions, unused by mongo-java-server) once a file was checked: from
     * then on only whole commands are committed, so it stays in step, and the check (seconds for a file with a long
     * trail) is not repeated at every start.
     */
    static final int CHECKED_STORE_VERSION = 1;

    /** One unique index as its description in the file defines it. */
    private record UniqueIndex(String name, Index<Object> keys, boolean sparse, MVMap<KeyValue, Object> entries) {

        /** The index entries a document must have; none for a sparse index the document has no value for. */
        Set<KeyValue> entriesFor(Document document) {
            if (sparse && keys.getKeys().stream()
                    .allMatch(key -> Utils.getSubdocumentValue(document, key.getKey()) instanceof Missing)) {
                return Set.of();
            }
            return keys.getKeyValues(document);
        }
    }

    private final MVStore mvStore;

    private UniqueIndexRepair(MVStore mvStore) {
        this.mvStore = mvStore;
    }

    /**
     * Checks every collection's unique indexes, once per file, and rebuilds those of collections where one differs from
     * the documents, logging once what was repaired, and commits the repair.
     *
     * @throws StoreException when two documents share a key a unique index allows once: the file cannot be repaired
     *                        without choosing between them
     */
    static void repair(MVStore mvStore) {
        if (mvStore.getStoreVersion() >= CHECKED_STORE_VERSION) {
            return;
        }
        new UniqueIndexRepair(mvStore).repairAll();
        mvStore.setStoreVersion(CHECKED_STORE_VERSION);
        mvStore.commit();
    }

    private void repairAll() {
        List<String> repaired = new ArrayList<>();
        for (String descriptionsMap : mvStore.getMapNames()) {
            if (descriptionsMap.startsWith(DATA_PREFIX) && descriptionsMap.endsWith(INDEX_DESCRIPTIONS)) {
                String database = descriptionsMap.substring(DATA_PREFIX.length(),
                        descriptionsMap.length() - INDEX_DESCRIPTIONS.length());
                MVMap<Object, Document> descriptions = mvStore.openMap(descriptionsMap);
                uniqueIndexesByCollection(database, descriptions).forEach((namespace, indexes) ->
                        repairCollection(namespace, indexes, repaired));
            }
        }
        if (!repaired.isEmpty()) {
            log.warn("The embedded store's data file had indexes out of step with its documents, left by a kill of an "
                    + "earlier version; rebuilt them: {}", String.join("; ", repaired));
        }
    }

    private Map<String, List<UniqueIndex>> uniqueIndexesByCollection(String database, MVMap<Object, Document> descriptions) {
        Map<String, List<UniqueIndex>> byNamespace = new TreeMap<>();
        for (Document description : descriptions.values()) {
            String namespace = String.valueOf(description.get("ns"));
            String name = (String) description.get("name");
            Document key = (Document) description.get("key");
            boolean primary = key.keySet().equals(Set.of(ID_FIELD));
            if (!namespace.startsWith(database + ".") || (primary ? !ID_INDEX_NAME.equals(name)
                    : !Utils.isTrue(description.get("unique")))) {
                continue; // mongo-java-server keeps no map for these either
            }
            List<IndexKey> keys = key.keySet().stream().map(field -> new IndexKey(field, true)).toList();
            boolean sparse = !primary && Utils.isTrue(description.get("sparse"));
            MVMap<KeyValue, Object> entries = mvStore.openMap(namespace + "._index_" + name);
            byNamespace.computeIfAbsent(namespace, n -> new ArrayList<>())
                    .add(new UniqueIndex(name, new EmptyIndex<>(name, keys), sparse, entries));
        }
        return byNamespace;
    }

    private void repairCollection(String namespace, List<UniqueIndex> indexes, List<String> repaired) {
        MVMap<Object, Document> documents = mvStore.openMap(DATA_PREFIX + namespace);
        List<String> differences = new ArrayList<>();
        for (UniqueIndex index : indexes) {
            long expected = 0;
            long found = 0;
            for (Map.Entry<Object, Document> document : documents.entrySet()) {
                for (KeyValue entry : index.entriesFor(document.getValue())) {
                    expected++;
                    if (Objects.equals(index.entries().get(entry), document.getKey())) {
                        found++;
                    }
                }
            }
            long stale = index.entries().sizeAsLong() - found;
            if (found != expected || stale != 0) {
                differences.add(index.name() + ": " + (expected - found) + " of " + expected + " entries missing, "
                        + stale + " pointing at no document or another one");
            }
        }
        if (!differences.isEmpty()) {
            indexes.forEach(index -> rebuild(namespace, index, documents));
            repaired.add(namespace + " (" + String.join(", ", differences) + ")");
        }
    }

    private static void rebuild(String namespace, UniqueIndex index, MVMap<Object, Document> documents) {
        index.entries().clear();
        for (Map.Entry<Object, Document> document : documents.entrySet()) {
            for (KeyValue entry : index.entriesFor(document.getValue())) {
                Object other = index.entries().putIfAbsent(entry, Missing.ofNullable(document.getKey()));
                if (other != null) {
                    throw new StoreException("The embedded store's data file holds two documents in " + namespace
                            + " with the same " + index.name() + " " + entry + " (_id " + other + " and "
                            + document.getKey() + "); move the file out of the data folder to start with an empty "
                            + "store, and keep it for a bug report.");
                }
            }
        }
    }
}
