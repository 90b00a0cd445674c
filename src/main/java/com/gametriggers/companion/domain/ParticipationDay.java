package com.gametriggers.companion.domain;

import java.time.LocalDate;

/**
 * One participation on one day: the key of a daily stats bucket (a UTC day, as the platform keeps them), or of a day
 * in the streamer's zone when {@link LocalDays} folds the buckets.
 */
public record ParticipationDay(String participationId, LocalDate day) {

    /** The bucket's {@code _id} as the platform keys it: {@code participationId:yyyy-mm-dd}. */
    public String key() {
        return participationId + ":" + day;
    }
}
