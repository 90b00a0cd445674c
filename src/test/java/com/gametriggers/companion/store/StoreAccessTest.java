package com.gametriggers.companion.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The check a connection code gets before the app moves to it, on the store under test: the embedded server (no
 * access control, so nothing is missing) or, with {@code MONGODB_URI}, a real MongoDB, where CI connects as a user
 * holding only the role {@code --print-mongodb-setup} creates: the server's own account of that role must lack nothing.
 */
@ExtendWith(StoreFixture.PerTest.class)
class StoreAccessTest {

    private final StoreFixture fixture;

    StoreAccessTest(StoreFixture fixture) {
        this.fixture = fixture;
    }

    @Test
    void theStoresUserLacksNothingTheAppDoesAndTheStreamersParticipationsAreCounted() {
        String streamer = new ObjectId().toHexString();
        fixture.updates().join(new ObjectId().toHexString(), streamer);
        fixture.updates().join(new ObjectId().toHexString(), streamer);
        fixture.updates().join(new ObjectId().toHexString(), new ObjectId().toHexString());

        StoreAccess access = fixture.store().checkAccess(streamer);

        assertThat(access.missingPrivileges()).isEmpty();
        assertThat(access.complete()).isTrue();
        assertThat(access.participations()).isEqualTo(2);
        assertThat(fixture.store().checkAccess(new ObjectId().toHexString()).participations()).isZero();
    }
}
