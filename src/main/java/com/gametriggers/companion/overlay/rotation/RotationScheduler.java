package com.gametriggers.companion.overlay.rotation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.gametriggers.companion.overlay.rotation.RotationDecision.Hide;
import com.gametriggers.companion.overlay.rotation.RotationDecision.Idle;
import com.gametriggers.companion.overlay.rotation.RotationDecision.Show;

/**
 * Decides when a sponsor is on the rotation overlay and which one. It does no I/O and keeps no timer: the overlay
 * server calls {@link #tick} about once a second with the current candidates and applies the decision. The methods
 * that report events (going live, pausing, ...) only change state; their effect, such as hiding what is on screen,
 * comes out of the next tick, so the server should tick right after calling one.
 *
 * <p>The rules: no sponsor while the stream is not live, and the live state is unknown, so not live, until told
 * otherwise. The first showing comes {@code delayAfterGoingLive} after going live; each lasts
 * {@code displayDuration}; then {@code timeBetweenSponsors} passes before the next, also across a restart of the
 * stream. A showing is cut short when the stream goes offline, a pause starts, or its participation leaves the
 * candidates (paused or left in the app). Waits are measured from when things happened with the settings in force at
 * the tick, so a changed setting applies to the wait in progress; the showing on screen keeps the end it was given.
 *
 * <p>The countdown: from {@code countdown} before a showing is due, {@link #status()} names the sponsor the last
 * tick picked and when it comes, and {@link #skipNext()} can drop that showing. A skipped showing counts as a slot
 * that passed empty: the next comes {@code timeBetweenSponsors} after it, and the skipped sponsor keeps its turn.
 *
 * <p>The daily limit: a sponsor shown {@code dailyShowingsPerSponsor} times on the streamer's local day (the clock's
 * zone) is not chosen again until the next; when every candidate has reached it, nothing shows and
 * {@link RotationStatus#dailyLimitReached()} says so. Showings from before this scheduler existed (an earlier run of
 * the app) count once told with {@link #countEarlierShowings}.
 */
public final class RotationScheduler {

    /**
     * When to ask again if only an outside event can change the decision (going live, a sponsor joining): the
     * server ticks about this often anyway.
     */
    static final Duration RECHECK = Duration.ofSeconds(1);

    private final Clock clock;
    private final DateTimeFormatter timeOfDay;
    private RotationSettings settings;
    private SelectionStrategy strategy;
    private boolean live;
    private boolean liveAssumed;
    private Instant wentLiveAt;
    private Instant lastHiddenAt;
    private Instant pausedUntil;
    private boolean showNowRequested;
    private Show current;
    private String lastShownParticipationId;
    /** When the last skipped showing was due; the wait to the next counts from there, as from a showing's end. */
    private Instant skippedSlotAt;
    /** Who the last tick would show next, while live with nothing on screen; null otherwise. */
    private RotationCandidate upcoming;
    private final DailyShowings shownToday;
    /** Whether the last tick, live with nothing on screen, found every candidate at the daily limit. */
    private boolean dailyLimitReached;

    public RotationScheduler(RotationSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.strategy = settings.selectionStrategy();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeOfDay = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(clock.getZone());
        this.shownToday = new DailyShowings(clock.getZone());
    }

    /** When the streamer's current day began: today's showings before this scheduler are counted from there. */
    public synchronized Instant startOfToday() {
        return shownToday.startOfDay(clock.instant());
    }

    /**
     * Counts showings made today before this scheduler, by participation id (from the audit trail, after a restart),
     * towards the daily limit, so a restart does not give every sponsor a fresh day.
     */
    public synchronized void countEarlierShowings(Map<String, Long> showingsToday) {
        Instant now = clock.instant();
        showingsToday.forEach((participationId, showings) -> shownToday.add(participationId, showings, now));
    }

    /** Twitch says the stream started. Repeats while live are ignored, so they do not push the first sponsor back. */
    public synchronized void streamWentLive() {
        goLive();
        liveAssumed = false;
    }

    /**
     * Treat the stream as live from now on, for streamers who have not signed in to Twitch and so cannot tell the app
     * when they go live. Ads then run as if the stream had just started (the first after
     * {@code delayAfterGoingLive}), until {@link #streamWentOffline()} says otherwise.
     */
    public synchronized void assumeLive() {
        if (!live) {
            goLive();
            liveAssumed = true;
        }
    }

    /** The stream ended: the showing on screen is hidden at the next tick, and nothing shows until live again. */
    public synchronized void streamWentOffline() {
        live = false;
        liveAssumed = false;
        showNowRequested = false;
    }

    /**
     * Show a sponsor at the next tick, without waiting out the time between sponsors, and end a pause: a streamer
     * who asks for a sponsor now wants the ads back. Does nothing while the stream is not live or there are no
     * candidates at that tick; the request is not kept for later. While a sponsor is on screen the request is met.
     */
    public synchronized void showNow() {
        pausedUntil = null;
        showNowRequested = true;
    }

    /** No sponsor for {@code duration} from now; the showing on screen is hidden at the next tick. Replaces an earlier pause. */
    public synchronized void pauseFor(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("A pause must be positive: " + duration);
        }
        pausedUntil = clock.instant().plus(duration);
        showNowRequested = false;
    }

    /**
     * Drops the next showing ("Skip this one"): nothing comes on screen at its time, the next comes the time between
     * sponsors after it, and the sponsor it would have shown stays next in turn (not shown, not counted, not moved
     * back); during a pause, that is the first showing after it. Refused, with the reason, when there is nothing to
     * skip: a sponsor already on screen (it stays and ends as planned; a skip never takes down a showing that has
     * started), the stream offline, or no sponsor.
     */
    public synchronized SkipOutcome skipNext() {
        Instant now = clock.instant();
        if (current != null) {
            return new SkipOutcome(false, current.candidate().sponsorName() + " is already on screen until "
                    + timeOfDay.format(current.until()) + "; Skip this one only skips a sponsor before it comes on.");
        }
        if (!live) {
            return new SkipOutcome(false, "The stream is not live, so no sponsor is coming to skip.");
        }
        if (upcoming == null) {
            return new SkipOutcome(false, "No sponsor is coming up to skip.");
        }
        skippedSlotAt = later(nextShowAt(), now);
        showNowRequested = false;
        String skipped = upcoming.sponsorName();
        return new SkipOutcome(true, "Skipped " + skipped + "; the next sponsor comes at "
                + timeOfDay.format(nextShowAt()) + ".");
    }

    /** Ends a pause early; the next sponsor then comes when the waits since going live and since the last showing allow. */
    public synchronized void resume() {
        pausedUntil = null;
    }

    public synchronized void updateSettings(RotationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.strategy = settings.selectionStrategy();
    }

    /**
     * The decision to apply now: {@link Show} once when a showing starts, {@link Hide} once when it ends, otherwise
     * {@link Idle} with when to ask again.
     */
    public synchronized RotationDecision tick(List<RotationCandidate> candidates) {
        Objects.requireNonNull(candidates, "candidates");
        Instant now = clock.instant();
        return current != null ? whileShowing(candidates, now) : whileNothingShows(candidates, now);
    }

    /** What is on screen now, if anything. A showing to be hidden stays here until the tick that hides it. */
    public synchronized Optional<Show> current() {
        return Optional.ofNullable(current);
    }

    public synchronized RotationStatus status() {
        Instant now = clock.instant();
        Optional<Instant> nextSponsorAt = !live ? Optional.empty()
                : Optional.of(showNowRequested && current == null ? now : nextShowAt());
        Optional<Show> showing = Optional.ofNullable(current);
        return new RotationStatus(
                live,
                liveAssumed,
                isPaused(now) ? Optional.of(pausedUntil) : Optional.empty(),
                showing.map(show -> show.candidate().participationId()),
                showing.map(Show::until),
                nextSponsorAt,
                countdown(now),
                live && current == null && dailyLimitReached);
    }

    /** The warning in force at {@code now}: from the countdown before the due showing until the moment it is due. */
    private Optional<SponsorCountdown> countdown(Instant now) {
        Duration countdown = settings.countdown();
        // A pause moves the due time to its end, so a warning in progress ends when the pause starts.
        if (!live || current != null || upcoming == null || countdown.isZero() || showNowRequested) {
            return Optional.empty();
        }
        Instant due = nextShowAt();
        boolean warning = !now.isBefore(due.minus(countdown)) && now.isBefore(due);
        return warning ? Optional.of(new SponsorCountdown(upcoming.sponsorName(), due)) : Optional.empty();
    }

    private void goLive() {
        if (!live) {
            live = true;
            wentLiveAt = clock.instant();
        }
    }

    private RotationDecision whileShowing(List<RotationCandidate> candidates, Instant now) {
        boolean stays = live && !isPaused(now) && now.isBefore(current.until()) && isAmong(current, candidates);
        if (stays) {
            showNowRequested = false;
            return new Idle(current.until(),
                    "showing " + current.candidate().sponsorName() + " until " + timeOfDay.format(current.until()));
        }
        upcoming = null;
        Hide hide = new Hide(current.showId());
        current = null;
        lastHiddenAt = now;
        return hide;
    }

    private RotationDecision whileNothingShows(List<RotationCandidate> candidates, Instant now) {
        boolean forced = showNowRequested;
        showNowRequested = false;
        upcoming = null;
        dailyLimitReached = false;
        if (!live) {
            return new Idle(now.plus(RECHECK), "stream offline");
        }
        List<RotationCandidate> underLimit = candidates.stream()
                .filter(candidate -> !settings.reachedDailyLimit(shownToday.count(candidate.participationId(), now)))
                .toList();
        dailyLimitReached = underLimit.isEmpty() && !candidates.isEmpty();
        Optional<RotationCandidate> next = strategy.pick(underLimit, Optional.ofNullable(lastShownParticipationId));
        // Known during a pause too, so the warning before the first showing after it comes on time.
        upcoming = next.orElse(null);
        if (isPaused(now)) {
            return new Idle(nextShowAt(), "paused until " + timeOfDay.format(pausedUntil));
        }
        if (dailyLimitReached) {
            int limit = settings.dailyShowingsPerSponsor();
            return new Idle(now.plus(RECHECK), "every sponsor was shown " + limit + (limit == 1 ? " time" : " times")
                    + " today, your daily limit");
        }
        if (next.isEmpty()) {
            return new Idle(now.plus(RECHECK), "no active campaigns");
        }
        Instant due = nextShowAt();
        if (!forced && now.isBefore(due)) {
            return new Idle(due, "next sponsor at " + timeOfDay.format(due));
        }
        upcoming = null;
        current = new Show(next.get(), UUID.randomUUID().toString(), now.plus(settings.displayDuration()));
        lastShownParticipationId = next.get().participationId();
        shownToday.add(lastShownParticipationId, 1, now);
        return current;
    }

    /** The earliest start of the next showing while live: every wait that applies has passed. */
    private Instant nextShowAt() {
        Instant due = wentLiveAt.plus(settings.delayAfterGoingLive());
        Instant lastEnd = current != null ? current.until() : lastHiddenAt;
        if (skippedSlotAt != null) {
            lastEnd = lastEnd == null ? skippedSlotAt : later(lastEnd, skippedSlotAt);
        }
        if (lastEnd != null) {
            due = later(due, lastEnd.plus(settings.timeBetweenSponsors()));
        }
        return pausedUntil == null ? due : later(due, pausedUntil);
    }

    private boolean isPaused(Instant now) {
        return pausedUntil != null && now.isBefore(pausedUntil);
    }

    private static boolean isAmong(Show show, List<RotationCandidate> candidates) {
        String id = show.candidate().participationId();
        return candidates.stream().anyMatch(candidate -> candidate.participationId().equals(id));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
