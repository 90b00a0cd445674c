package com.gametriggers.companion.store;

import org.bson.types.ObjectId;

/** Fresh ids, as the platform would make them. */
public final class TestIds {

    private TestIds() {
    }

    public static String newId() {
        return new ObjectId().toHexString();
    }
}
