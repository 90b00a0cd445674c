package com.gametriggers.companion.domain;

import java.time.LocalDate;

/** One participation on one (UTC) day: the key of a daily stats bucket for the charts. */
public record ParticipationDay(String participationId, LocalDate day) {

    /** The bucket's {@code _id} as the platform keys it: {@code participationId:yyyy-mm-dd}. */
    public String key() {
        return participationId + ":" + day;
    }
}
