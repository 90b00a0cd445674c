package com.gametriggers.companion.store;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the platform's administrators set up once for every streamer's app: a role with exactly the privileges the app
 * uses, the indexes it relies on ({@link IndexSetup#REQUIRED}, the same definitions the embedded store creates) and a
 * user per streamer, as a {@code mongosh} script.
 */
public final class MongoDbSetup {

    /** The custom role every streamer's user gets, in the app's database. */
    public static final String ROLE = "gametriggersCompanion";

    /**
     * The actions the app needs on one collection, and why. An upsert needs insert and update; a
     * {@code findOneAndUpdate} needs find and update; checking the indexes needs listIndexes. Nothing cluster-wide.
     */
    public record CollectionPrivilege(String collection, List<String> actions, String why) {
    }

    /** Every privilege the app needs; anything else a role grants is more than the app uses. */
    public static final List<CollectionPrivilege> PRIVILEGES = List.of(
            privilege(Schema.CAMPAIGNS, List.of("find"),
                    "reads the campaigns to list and show them; writes none (the demo campaigns are the embedded store's)"),
            privilege(Schema.PARTICIPATIONS, List.of("find", "insert", "update"),
                    "reads the streamer's participations; joining is an upsert, counters, status and links are updates"),
            privilege(Schema.DAILY_STATS, List.of("find", "insert", "update"),
                    "the UTC day buckets: a batch's guarded upsert, and the earnings reads"),
            privilege(Schema.QUARTER_HOURS, List.of("find", "insert", "update", "remove"),
                    "the quarter-hour buckets: a batch's guarded upsert, the earnings reads, and forgetting those older "
                            + "than 40 days at each start"),
            privilege(Schema.SHOWINGS, List.of("find", "insert", "update"),
                    "the showings' trail: each kept once by an upsert, its time on air added by an update, read back for "
                            + "the activity list and the export"),
            privilege(Schema.CLICKS, List.of("find", "insert", "update"),
                    "the clicks' trail: each kept once by an upsert, read back for the activity list"),
            privilege(Schema.CAMPAIGN_SPEND, List.of("find", "insert", "update"),
                    "what each campaign has paid out, so budgets hold across every streamer's app: a batch's earnings "
                            + "added by a guarded upsert that the caps can refuse, read back for the rotation; a "
                            + "collection of its own, so the role never writes a sponsor's campaign"));

    private MongoDbSetup() {
    }

    private static CollectionPrivilege privilege(String collection, List<String> actions, String why) {
        Set<String> all = new LinkedHashSet<>(actions);
        if (IndexSetup.REQUIRED.stream().anyMatch(index -> index.collection().equals(collection))) {
            all.add("listIndexes"); // the check at start that the indexes below exist
        }
        return new CollectionPrivilege(collection, List.copyOf(all), why);
    }

    /** The {@code mongosh} script for the app's database {@code database}; safe to run again. */
    public static String script(String database) {
        String db = quoted(database);
        StringBuilder script = new StringBuilder();
        script.append("""
                // GameTriggers Companion on the platform's MongoDB: the least privilege every streamer's app needs.
                // Run once as an administrator (again after an app update, it is safe to repeat):
                //   mongosh "mongodb+srv://<administrator>@<cluster host>/" --file gametriggers-companion-setup.js
                const companionDb = db.getSiblingDB(%s);

                // 1. The role: find, insert, update, remove only where the app does so, listIndexes to check its
                //    indexes, nothing cluster-wide; an existing role is set to exactly these privileges.
                const companionPrivileges = [
                """.formatted(db));
        script.append(PRIVILEGES.stream()
                .map(privilege -> "  // " + privilege.why() + "\n  { resource: { db: " + db + ", collection: "
                        + quoted(privilege.collection()) + " }, actions: ["
                        + privilege.actions().stream().map(MongoDbSetup::quoted).collect(Collectors.joining(", ")) + "] }")
                .collect(Collectors.joining(",\n", "", "\n")));
        script.append("""
                ];
                if (companionDb.getRole(%1$s) === null) {
                  companionDb.createRole({ role: %1$s, privileges: companionPrivileges, roles: [] });
                } else {
                  companionDb.updateRole(%1$s, { privileges: companionPrivileges, roles: [] });
                }

                // 2. The indexes the app relies on. The app creates none here; at start it names any that is missing.
                //    The unique ones keep one participation per campaign and streamer, one overlay token, one chat
                //    command per streamer.
                """.formatted(quoted(ROLE)));
        for (RequiredIndex index : IndexSetup.REQUIRED) {
            script.append("companionDb.getCollection(").append(quoted(index.collection())).append(").createIndex(")
                    .append(index.keys().toJson()).append(", ").append(index.scriptOptions().toJson()).append(");\n");
        }
        // An index creates its collection; one without is created here, so the role never needs createCollection.
        PRIVILEGES.stream().map(CollectionPrivilege::collection)
                .filter(collection -> IndexSetup.REQUIRED.stream().noneMatch(index -> index.collection().equals(collection)))
                .filter(collection -> !collection.equals(Schema.CAMPAIGNS))
                .forEach(collection -> script.append("if (!companionDb.getCollectionNames().includes(")
                        .append(quoted(collection)).append(")) { companionDb.createCollection(")
                        .append(quoted(collection)).append("); }\n"));
        script.append("""

                // 3. One user per streamer, with that role alone, and the connection code the streamer pastes into the
                //    app (Settings, "GameTriggers account", or --connect CODE). Never share a user between streamers.
                //    Once per streamer; calling it again gives the user a new password and a new code, and the old code
                //    stops working. In this shell, for example:
                //      companionStreamer('<platform user id>', '<display name>', 'mongodb+srv://<cluster host>')
                //    or, for a replica set named in the address:
                //      companionStreamer(id, name, 'mongodb://h1:27017,h2:27017,h3:27017', 'replicaSet=rs0')
                function companionStreamer(platformUserId, displayName, clusterAddress, options) {
                  if (!/^[0-9a-f]{24}$/.test(platformUserId)) {
                    throw new Error('the platform user id must be 24 hexadecimal characters: ' + platformUserId);
                  }
                  const user = 'streamer-' + platformUserId;
                  const password = require('crypto').randomBytes(24).toString('hex');
                  const roles = [{ role: %1$s, db: %2$s }];
                  if (companionDb.getUser(user) === null) {
                    companionDb.createUser({ user: user, pwd: password, roles: roles });
                  } else {
                    companionDb.updateUser(user, { pwd: password, roles: roles });
                  }
                  const scheme = clusterAddress.indexOf('://') + 3;
                  const uri = clusterAddress.slice(0, scheme) + user + ':' + password + '@'
                    + clusterAddress.slice(scheme).replace(/\\/+$/, '') + '/' + encodeURIComponent(%2$s)
                    + '?authSource=' + encodeURIComponent(%2$s)
                    + (options ? '&' + options : '');
                  const code = 'gametriggers://connect?uri=' + encodeURIComponent(uri) + '&user=' + platformUserId
                    + '&name=' + encodeURIComponent(displayName);
                  print(code);
                  return code;
                }
                """.formatted(quoted(ROLE), db));
        return script.toString();
    }

    /** A JavaScript string literal. */
    private static String quoted(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }
}
