package com.gametriggers.companion.store;

import java.util.List;
import java.util.Optional;

/**
 * What a streamer's MongoDB user may do, as {@link MongoStore#checkAccess} found it.
 *
 * @param user              the authenticated user as {@code user@db}; empty on a server without access control
 * @param missingPrivileges the privileges the app needs and lacks, as {@code "update on campaignparticipations"}
 * @param participations    how many participations of the streamer the store holds; read only when nothing is missing
 */
public record StoreAccess(Optional<String> user, List<String> missingPrivileges, int participations) {

    public StoreAccess {
        missingPrivileges = List.copyOf(missingPrivileges);
    }

    public boolean complete() {
        return missingPrivileges.isEmpty();
    }
}
