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
                        + "actions: ['find', 'insert', 'update', 'listIndexes'] },",
                "  { resource: { db: 'platform', collection: 'campaignspend' }, actions: ['find', 'insert', 'update'] }");
        assertThat(script).doesNotContain("createIndex'", "dropIndex", "'dbAdmin'", "readWrite");
        assertThat(script).as("made by the administrator, since it has no index to make it and the role may not")
                .contains("if (!companionDb.getCollectionNames().includes('campaignspend')) "
                        + "{ companionDb.createCollection('campaignspend'); }");
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

    /**
     * The script's per-streamer function, run by Node over a stand-in for mongosh's {@code db} that records what it is
     * asked: one user with the role alone, and a code the app reads back as that user on that database.
     */
    @Test
    void eachStreamerGetsTheirOwnUserWithTheRoleAloneAndACodeTheAppReads() throws IOException, InterruptedException {
        Optional<Path> node = onPath("node");
        assumeTrue(node.isPresent(), "needs Node.js on the PATH to run the script");
        String user = "64b7f0c2a1e4d3b2c1a09f8e";
        String shell = """
                const made = [];
                const users = {};
                const companion = {
                  getRole: () => null, createRole: () => {}, updateRole: () => {},
                  getCollection: () => ({ createIndex: () => {} }),
                  getCollectionNames: () => [], createCollection: () => {},
                  getUser: (name) => users[name] || null,
                  createUser: (u) => { users[u.user] = u; made.push('create ' + JSON.stringify(u.roles)); },
                  updateUser: (name, u) => { users[name].pwd = u.pwd; made.push('update ' + name); },
                };
                const db = { getSiblingDB: (name) => { if (name !== 'platform') throw new Error(name); return companion; } };
                const print = (line) => console.log(line);
                """ + script + """
                const first = companionStreamer('%s', 'Ana María', 'mongodb://h1:27017,h2:27017/', 'replicaSet=rs0');
                const again = companionStreamer('%s', 'Ana María', 'mongodb://h1:27017,h2:27017/', 'replicaSet=rs0');
                if (first === again) throw new Error('a second call must give a new password');
                made.forEach((line) => console.log(line));
                """.formatted(user, user);
        Path file = Files.createDirectories(Path.of("target", "mongodb-setup")).resolve("streamer.js");
        Files.writeString(file, shell, StandardCharsets.UTF_8);

        Process run = new ProcessBuilder(node.get().toString(), file.toString()).redirectErrorStream(true).start();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        java.util.List<String> lines = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();

        assertThat(run.exitValue()).as(String.join("\n", lines)).isZero();
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(2, 4)).containsExactly(
                "create [{\"role\":\"gametriggersCompanion\",\"db\":\"platform\"}]", "update streamer-" + user);
        ConnectionCode code = ConnectionCode.parse(lines.get(1));
        assertThat(code.userId()).isEqualTo(user);
        assertThat(code.displayName()).isEqualTo("Ana María");
        assertThat(code.mongoUri()).matches("mongodb://streamer-" + user + ":[0-9a-f]{48}@h1:27017,h2:27017/platform"
                + "\\?authSource=platform&replicaSet=rs0");
        assertThat(MongoUris.parse(code.mongoUri()).getDatabase()).isEqualTo("platform");
        assertThat(ConnectionCode.parse(lines.get(0)).mongoUri()).isNotEqualTo(code.mongoUri());
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
