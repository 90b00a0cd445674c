package com.gametriggers.companion.overlay.rotation;

import static com.gametriggers.companion.overlay.rotation.Sponsors.candidate;
import static com.gametriggers.companion.overlay.rotation.Sponsors.cpm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.overlay.rotation.RotationDecision.Hide;
import com.gametriggers.companion.overlay.rotation.RotationDecision.Idle;
import com.gametriggers.companion.overlay.rotation.RotationDecision.Show;

/**
 * The overlay's timeline under the default settings: first sponsor 2 min after going live, 20 s on screen, 5 min
 * between sponsors, in turn. The clock starts at 18:00:00 UTC and only moves when a test moves it.
 */
class RotationSchedulerTest {

    private static final Instant START = Instant.parse("2026-11-27T18:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final RotationScheduler scheduler = new RotationScheduler(RotationSettings.defaults(), clock);
    private final List<RotationCandidate> both = List.of(cpm("p-a", "2"), cpm("p-b", "3"));

    @Test
    void nothingShowsUntilTheStreamIsKnownToBeLive() {
        assertThat(scheduler.tick(both)).isEqualTo(new Idle(at("18:00:01"), "stream offline"));

        clock.advance(Duration.ofHours(1));
        scheduler.showNow();
        assertThat(scheduler.tick(both)).isEqualTo(new Idle(at("19:00:01"), "stream offline"));
        assertThat(scheduler.current()).isEmpty();
        assertThat(scheduler.status().live()).isFalse();
        assertThat(scheduler.status().nextSponsorAt()).isEmpty();

        scheduler.streamWentLive();
        assertThat(scheduler.tick(both)).as("a show-now while offline is not kept for later")
                .isEqualTo(new Idle(at("19:02:00"), "next sponsor at 19:02:00"));
    }

    @Test
    void afterGoingLiveSponsorsTakeTurnsWithTheDelayTheDurationAndTheGapBetween() {
        scheduler.streamWentLive();
        assertThat(scheduler.tick(both)).isEqualTo(new Idle(at("18:02:00"), "next sponsor at 18:02:00"));

        moveTo("18:01:59");
        assertThat(scheduler.tick(both)).isInstanceOf(Idle.class);

        moveTo("18:02:00");
        Show first = (Show) scheduler.tick(both);
        assertThat(first.candidate().participationId()).isEqualTo("p-a");
        assertThat(first.until()).isEqualTo(at("18:02:20"));
        assertThat(scheduler.current()).contains(first);
        assertThat(scheduler.tick(both)).as("a showing is announced once")
                .isEqualTo(new Idle(at("18:02:20"), "showing Brand campaign-p-a until 18:02:20"));

        moveTo("18:02:19");
        assertThat(scheduler.tick(both)).isInstanceOf(Idle.class);

        moveTo("18:02:20");
        assertThat(scheduler.tick(both)).isEqualTo(new Hide(first.showId()));
        assertThat(scheduler.current()).isEmpty();
        assertThat(scheduler.tick(both)).as("and hidden once")
                .isEqualTo(new Idle(at("18:07:20"), "next sponsor at 18:07:20"));

        moveTo("18:07:19");
        assertThat(scheduler.tick(both)).isInstanceOf(Idle.class);

        moveTo("18:07:20");
        Show second = (Show) scheduler.tick(both);
        assertThat(second.candidate().participationId()).isEqualTo("p-b");
        assertThat(second.showId()).isNotEqualTo(first.showId());
        assertThat(second.until()).isEqualTo(at("18:07:40"));
    }

    @Test
    void theStatusTellsWhatShowsAndWhatComesNext() {
        scheduler.streamWentLive();
        assertThat(scheduler.status()).isEqualTo(new RotationStatus(true, false, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(at("18:02:00")), Optional.empty(), false));

        moveTo("18:02:00");
        scheduler.tick(both);
        RotationStatus showing = scheduler.status();
        assertThat(showing.showingParticipationId()).contains("p-a");
        assertThat(showing.showingUntil()).contains(at("18:02:20"));
        assertThat(showing.nextSponsorAt()).contains(at("18:07:20"));
    }

    @Test
    void repeatedGoingLiveDoesNotPushTheFirstSponsorBack() {
        scheduler.streamWentLive();
        moveTo("18:01:00");
        scheduler.streamWentLive();

        moveTo("18:02:00");
        assertThat(scheduler.tick(both)).isInstanceOf(Show.class);
    }

    @Test
    void aStreamerWithoutTwitchSignInCanHaveTheStreamAssumedLive() {
        scheduler.assumeLive();
        assertThat(scheduler.status().live()).isTrue();
        assertThat(scheduler.status().liveAssumed()).isTrue();
        assertThat(scheduler.tick(both)).isEqualTo(new Idle(at("18:02:00"), "next sponsor at 18:02:00"));

        moveTo("18:02:00");
        assertThat(scheduler.tick(both)).isInstanceOf(Show.class);

        scheduler.streamWentLive();
        assertThat(scheduler.status().liveAssumed()).as("Twitch confirmed it").isFalse();
        scheduler.streamWentOffline();
        assertThat(scheduler.tick(both)).isInstanceOf(Hide.class);
    }

    @Test
    void showNowShowsASponsorAtTheNextTickWithoutWaiting() {
        scheduler.streamWentLive();
        moveTo("18:00:10");
        scheduler.showNow();
        assertThat(scheduler.status().nextSponsorAt()).contains(at("18:00:10"));

        Show shown = (Show) scheduler.tick(both);
        assertThat(shown.until()).isEqualTo(at("18:00:30"));

        moveTo("18:00:30");
        assertThat(scheduler.tick(both)).isInstanceOf(Hide.class);
        assertThat(scheduler.tick(both)).as("the usual waits apply again after it")
                .isEqualTo(new Idle(at("18:05:30"), "next sponsor at 18:05:30"));
    }

    @Test
    void showNowWhileASponsorIsOnScreenIsAlreadyMet() {
        scheduler.streamWentLive();
        moveTo("18:02:00");
        Show shown = (Show) scheduler.tick(both);

        moveTo("18:02:05");
        scheduler.showNow();
        assertThat(scheduler.tick(both)).isInstanceOf(Idle.class);
        moveTo("18:02:20");
        assertThat(scheduler.tick(both)).isEqualTo(new Hide(shown.showId()));
        assertThat(scheduler.tick(both)).isEqualTo(new Idle(at("18:07:20"), "next sponsor at 18:07:20"));
    }

    @Test
    void showNowEndsAPause() {
        scheduler.streamWentLive();
        moveTo("18:03:00");
        scheduler.pauseFor(Duration.ofMinutes(30));
        assertThat(scheduler.tick(both)).isEqualTo(new Idle(at("18:33:00"), "paused until 18:33:00"));

        scheduler.showNow();
        assertThat(scheduler.tick(both)).isInstanceOf(Show.class);
        assertThat(scheduler.status().pausedUntil()).isEmpty();
    }

    @Test
    void aPauseHidesTheSponsorOnScreenAndHoldsTheNextUntilItEnds() {
        scheduler.streamWentLive();
        moveTo("18:02:00");
        Show shown = (Show) scheduler.tick(both);

        moveTo("18:02:05");
        scheduler.pauseFor(Duration.ofMinutes(10));
        assertThat(scheduler.tick(both)).isEqualTo(new Hide(shown.showId()));
        assertThat(scheduler.tick(both)).isEqualTo(new Idle(at("18:12:05"), "paused until 18:12:05"));
        assertThat(scheduler.status().pausedUntil()).contains(at("18:12:05"));

        moveTo("18:12:04");
        assertThat(scheduler.tick(both)).isInstanceOf(Idle.class);

        moveTo("18:12:05");
        assertThat(scheduler.tick(both)).isInstanceOf(Show.class);
        assertThat(scheduler.status().pausedUntil()).isEmpty();
    }

    @Test
    void resumeEndsAPauseEarlyAndTheUsualGapStillApplies() {
        scheduler.streamWentLive();
        moveTo("18:02:00");
        scheduler.tick(both);
        moveTo("18:02:05");
        scheduler.pauseFor(Duration.ofHours(1));
        scheduler.tick(both);

        moveTo("18:03:00");
        scheduler.resume();
        assertThat(scheduler.status().pausedUntil()).isEmpty();
        assertThat(scheduler.tick(both)).isEqualTo(new Idle(at("18:07:05"), "next sponsor at 18:07:05"));

        moveTo("18:07:05");
        assertThat(scheduler.tick(both)).isInstanceOf(Show.class);
    }

    @Test
    void aPauseMustBePositive() {
        assertThatThrownBy(() -> scheduler.pauseFor(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void goingOfflineHidesTheSponsorAndGoingLiveAgainWaitsTheDelayAgain() {
        scheduler.streamWentLive();
        moveTo("18:02:00");
        Show shown = (Show) scheduler.tick(both);

        moveTo("18:02:05");
        scheduler.streamWentOffline();
        assertThat(scheduler.current()).as("on screen until the tick hides it").contains(shown);
        assertThat(scheduler.tick(both)).isEqualTo(new Hide(shown.showId()));
        assertThat(scheduler.tick(both)).isEqualTo(new Idle(at("18:02:06"), "stream offline"));
        assertThat(scheduler.status().live()).isFalse();

        moveTo("18:10:00");
        scheduler.streamWentLive();
        moveTo("18:11:59");
        assertThat(scheduler.tick(both)).isInstanceOf(Idle.class);
        moveTo("18:12:00");
        assertThat(scheduler.tick(both)).isInstanceOf(Show.class);
    }

    @Test
    void aRestartRightAfterAShowingStillKeepsTheGapBetweenSponsors() {
        scheduler.streamWentLive();
        moveTo("18:02:00");
        scheduler.tick(both);
        moveTo("18:02:20");
        scheduler.tick(both);
        scheduler.streamWentOffline();

        moveTo("18:03:00");
        scheduler.streamWentLive();
        assertThat(scheduler.tick(both)).isEqualTo(new Idle(at("18:07:20"), "next sponsor at 18:07:20"));
    }

    @Test
    void aSponsorThatLeavesTheCandidatesIsHiddenAtOnce() {
        scheduler.streamWentLive();
        moveTo("18:02:00");
        Show shown = (Show) scheduler.tick(both);
        assertThat(shown.candidate().participationId()).isEqualTo("p-a");

        moveTo("18:02:03");
        List<RotationCandidate> withoutA = List.of(cpm("p-b", "3"));
        assertThat(scheduler.tick(withoutA)).isEqualTo(new Hide(shown.showId()));
        assertThat(scheduler.tick(withoutA)).isEqualTo(new Idle(at("18:07:03"), "next sponsor at 18:07:03"));
    }

    @Test
    void withoutCandidatesNothingShowsAndTheStreamerIsToldWhy() {
        scheduler.streamWentLive();
        moveTo("18:05:00");
        assertThat(scheduler.tick(List.of())).isEqualTo(new Idle(at("18:05:01"), "no active campaigns"));

        scheduler.showNow();
        assertThat(scheduler.tick(List.of())).isEqualTo(new Idle(at("18:05:01"), "no active campaigns"));

        moveTo("18:05:30");
        assertThat(scheduler.tick(both)).isInstanceOf(Show.class);
    }

    @Test
    void changedSettingsApplyToTheWaitInProgressButNotToTheSponsorOnScreen() {
        scheduler.streamWentLive();
        moveTo("18:00:30");
        scheduler.updateSettings(new RotationSettings(Duration.ofMinutes(1), Duration.ofSeconds(45),
                Duration.ofSeconds(30), "least-shown"));
        Show shown = (Show) scheduler.tick(List.of(candidate("p-a", PaymentType.CPM, "2", 5),
                candidate("p-b", PaymentType.CPM, "3", 0)));
        assertThat(shown.candidate().participationId()).as("least shown, where round-robin would take p-a").isEqualTo("p-b");
        assertThat(shown.until()).isEqualTo(at("18:01:30"));

        scheduler.updateSettings(RotationSettings.defaults());
        assertThat(scheduler.current().orElseThrow().until()).isEqualTo(at("18:01:30"));
        moveTo("18:01:30");
        assertThat(scheduler.tick(both)).isEqualTo(new Hide(shown.showId()));
        assertThat(scheduler.tick(both)).isEqualTo(new Idle(at("18:06:30"), "next sponsor at 18:06:30"));
    }

    @Test
    void timesAreToldInTheStreamersZone() {
        RotationScheduler berlin = new RotationScheduler(RotationSettings.defaults(), clock.withZone(ZoneId.of("Europe/Berlin")));
        berlin.streamWentLive();

        assertThat(berlin.tick(both)).isEqualTo(new Idle(at("18:02:00"), "next sponsor at 19:02:00"));
    }

    private void moveTo(String timeOfDay) {
        clock.advance(Duration.between(clock.instant(), at(timeOfDay)));
    }

    private static Instant at(String timeOfDay) {
        return Instant.parse("2026-11-27T" + timeOfDay + "Z");
    }
}
