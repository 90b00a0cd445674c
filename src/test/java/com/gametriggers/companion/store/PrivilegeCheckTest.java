package com.gametriggers.companion.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The privileges a streamer's user lacks, from {@code connectionStatus} answers shaped as MongoDB 8 gives them
 * (authInfo.authenticatedUsers and authenticatedUserPrivileges, resources as {db, collection}, {cluster} or
 * {anyResource}). The real server's answer for the documented role is checked by {@link StoreAccessTest} when the
 * suite runs against one.
 */
class PrivilegeCheckTest {

    private static final String DB = "gametriggers";

    private static Document status(List<Document> privileges) {
        return new Document("authInfo", new Document("authenticatedUsers",
                List.of(new Document("user", "streamer-1").append("db", DB)))
                .append("authenticatedUserPrivileges", privileges)).append("ok", 1.0);
    }

    private static Document on(String db, String collection, String... actions) {
        return new Document("resource", new Document("db", db).append("collection", collection))
                .append("actions", List.of(actions));
    }

    @Test
    void theDocumentedRoleLacksNothing() {
        List<Document> role = MongoDbSetup.PRIVILEGES.stream()
                .map(p -> on(DB, p.collection(), p.actions().toArray(String[]::new))).toList();

        assertThat(PrivilegeCheck.missing(status(role), DB)).isEmpty();
        assertThat(PrivilegeCheck.user(status(role))).contains("streamer-1@gametriggers");
    }

    @Test
    void builtInRolesCoverTheWholeDatabaseOrEverything() {
        Document readWrite = on(DB, "", "find", "insert", "update", "remove", "listIndexes");
        Document root = new Document("resource", new Document("anyResource", true))
                .append("actions", List.of("find", "insert", "update", "remove", "listIndexes"));
        Document anyDatabase = on("", "", "find", "insert", "update", "remove", "listIndexes");

        assertThat(PrivilegeCheck.missing(status(List.of(readWrite)), DB)).isEmpty();
        assertThat(PrivilegeCheck.missing(status(List.of(root)), DB)).isEmpty();
        assertThat(PrivilegeCheck.missing(status(List.of(anyDatabase)), DB)).isEmpty();
    }

    @Test
    void aReadOnlyUserHearsEachWriteItLacksAndNothingItHas() {
        Document read = on(DB, "", "find", "listIndexes");
        Document cluster = new Document("resource", new Document("cluster", true)).append("actions", List.of("insert"));

        assertThat(PrivilegeCheck.missing(status(List.of(read, cluster)), DB)).containsExactly(
                "insert on campaignparticipations", "update on campaignparticipations",
                "insert on participationdailystats", "update on participationdailystats",
                "insert on participationquarterhours", "update on participationquarterhours",
                "remove on participationquarterhours",
                "insert on participationshowings", "update on participationshowings",
                "insert on participationclicks", "update on participationclicks",
                "insert on campaignspend", "update on campaignspend");
    }

    @Test
    void aRoleOnAnotherDatabaseGrantsNothingHere() {
        List<Document> elsewhere = MongoDbSetup.PRIVILEGES.stream()
                .map(p -> on("staging", p.collection(), p.actions().toArray(String[]::new))).toList();

        assertThat(PrivilegeCheck.missing(status(elsewhere), DB)).hasSize(
                MongoDbSetup.PRIVILEGES.stream().mapToInt(p -> p.actions().size()).sum());
    }

    @Test
    void aServerWithoutAccessControlAuthenticatesNobodyAndRefusesNothing() {
        Document open = new Document("authInfo", new Document("authenticatedUsers", List.of())
                .append("authenticatedUserPrivileges", List.of())).append("ok", 1.0);

        assertThat(PrivilegeCheck.missing(open, DB)).isEmpty();
        assertThat(PrivilegeCheck.user(open)).isEmpty();
    }
}
