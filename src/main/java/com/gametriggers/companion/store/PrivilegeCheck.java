package com.gametriggers.companion.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import com.gametriggers.companion.store.MongoDbSetup.CollectionPrivilege;

/**
 * Which of the privileges the app needs ({@link MongoDbSetup#PRIVILEGES}) the connected MongoDB user lacks, read from
 * the server's own account of them ({@code connectionStatus} with {@code showPrivileges}), so a streamer hears "lacks
 * update on campaignparticipations" at connect time instead of a refused write on stream.
 */
final class PrivilegeCheck {

    private PrivilegeCheck() {
    }

    /**
     * What the connected user lacks in {@code database}, as {@code "update on campaignparticipations"}, in
     * {@link MongoDbSetup#PRIVILEGES}' order. Nothing when no user is authenticated: the server then enforces no access
     * control (the embedded store, a developer's MongoDB), since an unauthenticated client of one that does gets no
     * further than its first read.
     *
     * @param connectionStatus the answer to {@code {connectionStatus: 1, showPrivileges: true}}
     */
    static List<String> missing(Document connectionStatus, String database) {
        Document authInfo = connectionStatus.get("authInfo", new Document());
        if (authInfo.getList("authenticatedUsers", Document.class, List.of()).isEmpty()) {
            return List.of();
        }
        List<Document> granted = authInfo.getList("authenticatedUserPrivileges", Document.class, List.of());
        List<String> missing = new ArrayList<>();
        for (CollectionPrivilege needed : MongoDbSetup.PRIVILEGES) {
            for (String action : needed.actions()) {
                if (granted.stream().noneMatch(privilege -> grants(privilege, database, needed.collection(), action))) {
                    missing.add(action + " on " + needed.collection());
                }
            }
        }
        return List.copyOf(missing);
    }

    /** The connected user's name, as {@code user@db}, when one is authenticated. */
    static Optional<String> user(Document connectionStatus) {
        Document authInfo = connectionStatus.get("authInfo", new Document());
        return authInfo.getList("authenticatedUsers", Document.class, List.of()).stream().findFirst()
                .map(user -> user.getString("user") + "@" + user.getString("db"));
    }

    /**
     * Resource matching as MongoDB documents it: an empty db or collection name stands for every one (system
     * collections aside, which the app never touches), and {@code anyResource} for everything.
     */
    private static boolean grants(Document privilege, String database, String collection, String action) {
        Document resource = privilege.get("resource", new Document());
        if (!privilege.getList("actions", String.class, List.of()).contains(action)) {
            return false;
        }
        if (resource.getBoolean("anyResource", false)) {
            return true;
        }
        String db = resource.getString("db");
        String coll = resource.getString("collection");
        return db != null && coll != null && (db.isEmpty() || db.equals(database))
                && (coll.isEmpty() || coll.equals(collection));
    }
}
