package com.gametriggers.companion.overlay.rotation;

import static com.gametriggers.companion.overlay.rotation.Sponsors.cpm;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.gametriggers.companion.overlay.rotation.RotationDecision.Hide;
import com.gametriggers.companion.overlay.rotation.RotationDecision.Idle;
import com.gametriggers.companion.overlay.rotation.RotationDecision.Show;

/**
 * The streamer's daily limit per sponsor, on the rotation's own clock: 20 s on screen, 1 min between, the first at
 * once after going live, no warning. The streamer lives in Los Angeles, so their midnight is 08:00 UTC (in winter).
 */
class RotationDailyLimitTest {

    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    /** 15:50 in Los Angeles: UTC's midnight comes ten minutes later, the streamer's more than eight hours later. */
    private static final Instant START = Instant.parse("2026-11-27T23:50:00Z");

    private final MutableClock clock = (MutableClock) new MutableClock(START).withZone(LOS_ANGELES);
    private final List<RotationCandidate> both = List.of(cpm("p-a", "2"), cpm("p-b", "3"));

    private RotationScheduler limitedTo(int showingsPerDay) {
        RotationScheduler scheduler = new RotationScheduler(new RotationSettings(Duration.ofSeconds(20),
                Duration.ofMinutes(1), Duration.ZERO, RoundRobin.NAME, Duration.ZERO, showingsPerDay), clock);
        scheduler.streamWentLive();
        return scheduler;
    }

    @Test
    void aSponsorAtItsLimitIsPassedOverAndWhenAllAreThereNothingShows() {
        RotationScheduler scheduler = limitedTo(2);
        scheduler.countEarlierShowings(Map.of("p-a", 2L));

        assertThat(showNext(scheduler)).as("p-a was shown twice today already").isEqualTo("p-b");
        assertThat(showNext(scheduler)).isEqualTo("p-b");
        assertThat(scheduler.status().dailyLimitReached()).isFalse();

        Idle idle = (Idle) scheduler.tick(both);
        assertThat(idle.reason()).isEqualTo("every sponsor was shown 2 times today, your daily limit");
        assertThat(scheduler.status().dailyLimitReached()).isTrue();
        assertThat(scheduler.status().countdown()).isEmpty();

        scheduler.showNow();
        assertThat(scheduler.tick(both)).as("show-now does not pass the limit").isInstanceOf(Idle.class);
        assertThat(scheduler.current()).isEmpty();
    }

    @Test
    void theCountsStartAgainAtTheStreamersMidnightNotAtUtcs() {
        RotationScheduler scheduler = limitedTo(1);
        List<RotationCandidate> one = List.of(cpm("p-a", "2"));
        Show first = (Show) scheduler.tick(one);
        clock.advance(Duration.ofSeconds(20));
        assertThat(scheduler.tick(one)).isEqualTo(new Hide(first.showId()));

        moveTo("2026-11-28T00:00:01Z");
        assertThat(scheduler.tick(one)).as("UTC's new day is still the streamer's afternoon").isInstanceOf(Idle.class);
        moveTo("2026-11-28T07:59:59Z");
        assertThat(scheduler.tick(one)).isInstanceOf(Idle.class);
        assertThat(scheduler.status().dailyLimitReached()).isTrue();

        moveTo("2026-11-28T08:00:00Z");
        assertThat(scheduler.tick(one)).as("midnight in Los Angeles").isInstanceOf(Show.class);
        assertThat(scheduler.status().dailyLimitReached()).isFalse();
    }

    @Test
    void earlierShowingsAreCountedFromTheStreamersMidnight() {
        RotationScheduler scheduler = limitedTo(1);
        assertThat(scheduler.startOfToday()).isEqualTo(Instant.parse("2026-11-27T08:00:00Z"));
    }

    @Test
    void withoutALimitASponsorShowsAnyNumberOfTimes() {
        RotationScheduler scheduler = limitedTo(RotationSettings.NO_DAILY_LIMIT);
        scheduler.countEarlierShowings(Map.of("p-a", 1_000L));
        assertThat(showNext(scheduler)).isEqualTo("p-a");
        assertThat(showNext(scheduler)).isEqualTo("p-b");
        assertThat(showNext(scheduler)).isEqualTo("p-a");
    }

    /** Moves to the next showing's start, shows it through to its end, and names whom it showed. */
    private String showNext(RotationScheduler scheduler) {
        scheduler.status().nextSponsorAt().ifPresent(due -> {
            if (due.isAfter(clock.instant())) {
                moveTo(due.toString());
            }
        });
        Show show = (Show) scheduler.tick(both);
        moveTo(show.until().toString());
        assertThat(scheduler.tick(both)).isEqualTo(new Hide(show.showId()));
        return show.candidate().participationId();
    }

    private void moveTo(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }
}
