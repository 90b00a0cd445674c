package com.gametriggers.companion.store;

import org.bson.types.ObjectId;

/** Fresh ids, as the platform would make them. */
final class TestIds {

    private TestIds() {
    }

    static String newId() {
        return new ObjectId().toHexString();
    }
}
