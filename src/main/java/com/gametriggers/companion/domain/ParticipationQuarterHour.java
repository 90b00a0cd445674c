package com.gametriggers.companion.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One participation in one quarter hour, {@code start} being the quarter's first instant (UTC, on :00, :15, :30 or
 * :45): the key of a quarter-hour bucket. Every time zone's offset is a whole number of quarter hours, so any local
 * day, in any zone and across a daylight saving change, is a whole number of these buckets.
 */
public record ParticipationQuarterHour(String participationId, Instant start) {

    public static final Duration LENGTH = Duration.ofMinutes(15);
    private static final long SECONDS = LENGTH.toSeconds();

    public ParticipationQuarterHour {
        Objects.requireNonNull(participationId, "participationId");
        if (start.getNano() != 0 || Math.floorMod(start.getEpochSecond(), SECONDS) != 0) {
            throw new IllegalArgumentException("A quarter hour starts on :00, :15, :30 or :45, not at " + start);
        }
    }

    /** The quarter hour {@code at} falls in; computed from the epoch second, since this runs for every event. */
    public static ParticipationQuarterHour containing(String participationId, Instant at) {
        return new ParticipationQuarterHour(participationId,
                Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), SECONDS) * SECONDS));
    }

    /** The bucket's {@code _id}: {@code participationId:2026-12-01T23:15:00Z}. */
    public String key() {
        return participationId + ":" + start;
    }

    /** The UTC day bucket this quarter belongs to: a UTC day is 96 whole quarters. */
    public ParticipationDay utcDay() {
        return new ParticipationDay(participationId, LocalDate.ofInstant(start, ZoneOffset.UTC));
    }
}
