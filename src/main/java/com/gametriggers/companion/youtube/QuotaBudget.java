package com.gametriggers.companion.youtube;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The YouTube Data API's daily quota, counted here because Google tells an app nothing until it is spent: the units
 * a day (10,000 by default), what each call costs ({@link YouTubeCall}) and the reset at midnight Pacific time.
 * It paces the chat reads so the units last: never faster than YouTube's {@code pollingIntervalMillis}, and slower
 * when reading at that pace would spend the quota before it resets or before the stream's planned end, whichever
 * comes first, keeping units aside for the viewer counts (one {@code videos.list} a minute) and for answers
 * (inserts). docs/ARCHITECTURE.md ("YouTube") has the numbers. Thread-safe: the chat thread reads and answers may
 * be sent from another.
 */
public final class QuotaBudget {

    public static final long DEFAULT_DAILY_UNITS = 10_000;
    public static final Duration DEFAULT_STREAM_LENGTH = Duration.ofHours(8);
    /** Fifty answers' worth: the sponsor answers must not be the thing the chat reads leave no room for. */
    public static final long DEFAULT_ANSWER_RESERVE = 50L * YouTubeCall.CHAT_INSERT.units();
    static final Duration VIEWER_INTERVAL = Duration.ofMinutes(1);
    /** Google's quota day: "Daily quotas reset at midnight Pacific Time". */
    static final ZoneId QUOTA_ZONE = ZoneId.of("America/Los_Angeles");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final Clock clock;
    private final long dailyUnits;
    private final Duration streamLength;
    private final long answerReserve;

    private LocalDate day;
    private long spent;
    private Instant plannedEnd;

    public QuotaBudget(Clock clock, long dailyUnits, Duration streamLength, long answerReserve) {
        if (dailyUnits <= 0 || streamLength.isNegative() || streamLength.isZero() || answerReserve < 0) {
            throw new IllegalArgumentException("The YouTube quota needs positive units and stream length");
        }
        this.clock = clock;
        this.dailyUnits = dailyUnits;
        this.streamLength = streamLength;
        this.answerReserve = answerReserve;
        this.day = quotaDay(clock.instant());
    }

    public static QuotaBudget withDefaults(Clock clock) {
        return new QuotaBudget(clock, DEFAULT_DAILY_UNITS, DEFAULT_STREAM_LENGTH, DEFAULT_ANSWER_RESERVE);
    }

    /** Counts a call sent; Google charges invalid requests too, so every request sent is counted. */
    public synchronized void spend(YouTubeCall call) {
        resetIfNewDay();
        spent += call.units();
    }

    /** Google said the quota is spent ({@code quotaExceeded}): it knows better than this count, so nothing is left. */
    public synchronized void exhausted() {
        resetIfNewDay();
        spent = Math.max(spent, dailyUnits);
    }

    public synchronized long remaining() {
        resetIfNewDay();
        return Math.max(0, dailyUnits - spent);
    }

    public synchronized boolean canAfford(YouTubeCall call) {
        return remaining() >= call.units();
    }

    /** A stream began now: the units should last {@code streamLength} from here (or until the reset, if sooner). */
    public synchronized void streamStarted() {
        plannedEnd = clock.instant().plus(streamLength);
    }

    /** Midnight Pacific time after now, when Google gives the day's units back. */
    public Instant nextReset() {
        return quotaDay(clock.instant()).plusDays(1).atStartOfDay(QUOTA_ZONE).toInstant();
    }

    /**
     * The wait before the next chat read, given the interval YouTube asked for ({@code pollingIntervalMillis}): the
     * longer of that and the interval that makes the units left (less the answers' reserve and the viewer counts)
     * last until the horizon. With nothing left, the wait runs until the reset.
     */
    public synchronized ChatPace chatPace(Duration asked) {
        Instant now = clock.instant();
        Instant reset = nextReset();
        long left = remaining();
        int cost = YouTubeCall.CHAT_LIST.units();
        if (left < cost) {
            return new ChatPace(Duration.between(now, reset), Optional.of("YouTube's daily quota is used up; chat "
                    + "reading resumes at " + HOUR.format(reset.atZone(clock.getZone())) + " (midnight Pacific time)"));
        }
        Instant horizon = plannedEnd != null && plannedEnd.isAfter(now) && plannedEnd.isBefore(reset) ? plannedEnd : reset;
        Duration ahead = Duration.between(now, horizon);
        long forChat = left - answerReserve - ahead.toSeconds() / VIEWER_INTERVAL.toSeconds() * YouTubeCall.VIDEOS.units();
        // Once only the reserve is left, chat is still read, at the slowest pace the rest allows.
        long reads = (forChat >= cost ? forChat : left) / cost;
        Duration paced = ahead.dividedBy(reads);
        if (paced.compareTo(asked) <= 0) {
            return new ChatPace(asked, Optional.empty());
        }
        long seconds = (paced.toMillis() + 999) / 1000;
        return new ChatPace(Duration.ofSeconds(seconds), Optional.of("YouTube chat slowed to every " + seconds
                + " s to last the day's quota"));
    }

    private void resetIfNewDay() {
        LocalDate today = quotaDay(clock.instant());
        if (!today.equals(day)) {
            day = today;
            spent = 0;
        }
    }

    private static LocalDate quotaDay(Instant at) {
        return at.atZone(QUOTA_ZONE).toLocalDate();
    }
}
