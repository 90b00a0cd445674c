package com.gametriggers.companion.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The script the platform's administrators run: exactly the app's privileges, and the indexes it relies on. */
class MongoDbSetupTest {

    private final String script = MongoDbSetup.script("platform");

    @Test
    void theRoleGrantsExactlyWhatTheAppDoesOnEachCollectionAndNothingElse() {
        assertThat(script).contains("db.getSiblingDB('platform')",
                "companionDb.createRole({ role: 'gametriggersCompanion', privileges: companionPrivileges, roles: [] })",
                "companionDb.updateRole('gametriggersCompanion', { privileges: companionPrivileges, roles: [] })");
        assertThat(script.lines().filter(line -> line.contains("resource:")).toList()).containsExactly(
                "  { resource: { db: 'platform', collection: 'campaigns' }, actions: ['find'] },",
                "  { resource: { db: 'platform', collection: 'campaignparticipations' }, "
                        + "actions: ['find', 'insert', 'update', 'listIndexes'] },",
                "  { resource: { db: 'platform', collection: 'participationdailystats' }, "
                        + "actions: ['find', 'insert', 'update', 'listIndexes'] },",
                "  { resource: { db: 'platform', collection: 'participationquarterhours' }, "
                        + "actions: ['find', 'insert', 'update', 'remove', 'listIndexes'] },",
                "  { resource: { db: 'platform', collection: 'participationshowings' }, "
                        + "actions: ['find', 'insert', 'update', 'listIndexes'] },",
                "  { resource: { db: 'platform', collection: 'participationclicks' }, "
                        + "actions: ['find', 'insert', 'update', 'listIndexes'] }");
        assertThat(script).doesNotContain("createIndex'", "dropIndex", "'dbAdmin'", "readWrite");
    }

    @Test
    void everyIndexTheAppReliesOnIsCreatedAsTheEmbeddedStoreCreatesIt() {
        for (RequiredIndex index : IndexSetup.REQUIRED) {
            assertThat(script).contains("companionDb.getCollection('" + index.collection() + "').createIndex("
                    + index.keys().toJson() + ", " + index.scriptOptions().toJson() + ");");
        }
        assertThat(script).contains(
                "companionDb.getCollection('campaignparticipations').createIndex({\"browserSourceToken\": 1}, "
                        + "{\"name\": \"browserSourceToken_1\", \"unique\": true, "
                        + "\"partialFilterExpression\": {\"browserSourceToken\": {\"$type\": \"string\"}}});",
                "companionDb.getCollection('campaignparticipations').createIndex({\"campaignId\": 1, \"streamerId\": 1}, "
                        + "{\"name\": \"campaignId_1_streamerId_1\", \"unique\": true});",
                "\"name\": \"chatCommandKey_1\"", "\"name\": \"participationId_1_day_1\"",
                "\"name\": \"participationId_1_start_1\"", "\"name\": \"streamerId_1_at_1\"");
        assertThat(script.split("participationId_1_at_-1", -1)).hasSize(3); // showings and clicks
    }

    @Test
    void theStreamersUserIsAnExampleWithPlaceholders() {
        assertThat(script).contains("// companionDb.createUser({", "//   user: 'streamer-<platform user id>',",
                "//   roles: [{ role: 'gametriggersCompanion', db: 'platform' }]",
                "//   mongodb+srv://streamer-<platform user id>:<password>@<cluster host>/platform?authSource=platform");
        assertThat(script.lines().filter(line -> line.contains("createUser")))
                .allMatch(line -> line.startsWith("//"));
    }

    @Test
    void theDatabaseIsTheUrisElseTheDefault() {
        assertThat(StoreSettings.databaseOf(Optional.of("mongodb://host/platform?authSource=admin"))).isEqualTo("platform");
        assertThat(StoreSettings.databaseOf(Optional.of("mongodb://host/"))).isEqualTo(StoreSettings.DEFAULT_DATABASE);
        assertThat(StoreSettings.databaseOf(Optional.empty())).isEqualTo("gametriggers");
    }

    @Test
    void theScriptIsValidJavaScript() throws IOException, InterruptedException {
        Optional<Path> node = onPath("node");
        assumeTrue(node.isPresent(), "needs Node.js on the PATH to check the script's syntax");
        Path file = Files.createDirectories(Path.of("target", "mongodb-setup")).resolve("setup.js");
        Files.writeString(file, MongoDbSetup.script("it's \"odd\""), StandardCharsets.UTF_8);

        Process check = new ProcessBuilder(node.get().toString(), "--check", file.toString()).redirectErrorStream(true).start();
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(check.exitValue()).as(output).isZero();
    }

    private static Optional<Path> onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(dir -> Arrays.stream(new String[] {tool, tool + ".exe"}).map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
