package com.gametriggers.companion.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoCommandException;
import com.mongodb.ServerAddress;

class StoreFailuresTest {

    @Test
    void aMissingPrivilegeSaysSoAndWhereTheRoleComesFrom() {
        MongoCommandException refused = new MongoCommandException(new BsonDocument("ok", new BsonDouble(0))
                .append("code", new BsonInt32(13)).append("codeName", new BsonString("Unauthorized"))
                .append("errmsg", new BsonString("not authorized on gametriggers to execute command { update: \"campaigns\" }")),
                new ServerAddress());

        assertThat(StoreFailures.translate(refused).getMessage())
                .startsWith("MongoDB refused the change: the app's user lacks a privilege (")
                .contains("(not authorized on gametriggers to execute command { update: \"campaigns\" })")
                .doesNotContain("full response")
                .endsWith("the platform's administrators give it the role printed by --print-mongodb-setup.");
    }
}
