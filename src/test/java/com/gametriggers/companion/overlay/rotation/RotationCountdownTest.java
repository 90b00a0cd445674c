package com.gametriggers.companion.overlay.rotation;

import static com.gametriggers.companion.overlay.rotation.Sponsors.cpm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.gametriggers.companion.overlay.rotation.RotationDecision.Hide;
import com.gametriggers.companion.overlay.rotation.RotationDecision.Idle;
import com.gametriggers.companion.overlay.rotation.RotationDecision.Show;

/**
 * The warning before each showing and what Skip this one and a pause do around it, under the default settings (first
 * sponsor 2 min after going live, 20 s on screen, 5 min between, warned 10 s before). Live at 18:00:00 UTC; the
 * clock only moves when a test moves it.
 */
class RotationCountdownTest {

    private static final Instant START = Instant.parse("2026-11-27T18:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final RotationScheduler scheduler = new RotationScheduler(RotationSettings.defaults(), clock);
    private final List<RotationCandidate> both = List.of(cpm("p-a", "2"), cpm("p-b", "3"));
    /** Every Show the ticks gave, as the overlay counts them. */
    private final List<Show> shows = new ArrayList<>();

    @Test
    void theWarningStartsExactlyTheCountdownBeforeTheShowingAndEndsWhenItStarts() {
        liveAndTicking();

        moveTo("18:01:49.999");
        tick();
        assertThat(scheduler.status().countdown()).isEmpty();

        moveTo("18:01:50");
        tick();
        SponsorCountdown warning = scheduler.status().countdown().orElseThrow();
        assertThat(warning).isEqualTo(new SponsorCountdown("Brand campaign-p-a", at("18:02:00")));
        assertThat(warning.secondsLeft(clock.instant())).isEqualTo(10);

        moveTo("18:01:59.001");
        tick();
        assertThat(scheduler.status().countdown().orElseThrow().secondsLeft(clock.instant())).isEqualTo(1);

        moveTo("18:02:00");
        assertThat(scheduler.status().countdown()).as("due now: the next tick shows it").isEmpty();
        tick();
        assertThat(shows).hasSize(1);
        assertThat(scheduler.status().countdown()).isEmpty();

        moveTo("18:02:20");
        tick();
        moveTo("18:07:10");
        tick();
        assertThat(scheduler.status().countdown()).as("and again before the next")
                .contains(new SponsorCountdown("Brand campaign-p-b", at("18:07:20")));
    }

    @Test
    void aZeroCountdownWarnsNotAtAll() {
        scheduler.updateSettings(new RotationSettings(Duration.ofSeconds(20), Duration.ofMinutes(5),
                Duration.ofMinutes(2), "round-robin", Duration.ZERO));
        liveAndTicking();
        moveTo("18:01:59");
        tick();
        assertThat(scheduler.status().countdown()).isEmpty();
        assertThatThrownBy(() -> new RotationSettings(Duration.ofSeconds(20), Duration.ZERO, Duration.ZERO,
                "round-robin", Duration.ofSeconds(-1))).hasMessageContaining("countdown must not be negative");
    }

    @Test
    void aSkipDropsTheShowingAndTheSkippedSponsorKeepsItsTurn() {
        liveAndTicking();
        moveTo("18:01:52");
        tick();

        SkipOutcome skip = scheduler.skipNext();
        assertThat(skip).isEqualTo(new SkipOutcome(true,
                "Skipped Brand campaign-p-a; the next sponsor comes at 18:07:00."));
        assertThat(scheduler.status().countdown()).isEmpty();
        assertThat(scheduler.status().nextSponsorAt()).contains(at("18:07:00"));

        moveTo("18:02:00");
        assertThat(tick()).isEqualTo(new Idle(at("18:07:00"), "next sponsor at 18:07:00"));
        moveTo("18:07:00");
        Show next = (Show) tick();
        assertThat(next.candidate().participationId()).as("not shown, so not moved back").isEqualTo("p-a");
        assertThat(shows).containsExactly(next);
    }

    @Test
    void aSkipInTheLastSecondStillDropsTheShowing() {
        liveAndTicking();
        moveTo("18:01:59.999");
        tick();
        assertThat(scheduler.skipNext().skipped()).isTrue();
        moveTo("18:02:00");
        assertThat(tick()).isInstanceOf(Idle.class);
        assertThat(shows).isEmpty();
    }

    @Test
    void aSkipAtTheMomentTheShowingIsDueButBeforeItsTickDropsIt() {
        liveAndTicking();
        moveTo("18:01:59");
        tick();
        moveTo("18:02:00");
        assertThat(scheduler.skipNext().skipped()).isTrue();
        assertThat(tick()).isEqualTo(new Idle(at("18:07:00"), "next sponsor at 18:07:00"));
        assertThat(shows).isEmpty();
    }

    @Test
    void aSkipWhenTheShowingIsAlreadyOnScreenIsRefusedAndTheShowingStaysAndCountsOnce() {
        liveAndTicking();
        moveTo("18:02:00");
        Show onScreen = (Show) tick();

        moveTo("18:02:00.400");
        SkipOutcome late = scheduler.skipNext();
        assertThat(late).isEqualTo(new SkipOutcome(false, "Brand campaign-p-a is already on screen until 18:02:20; "
                + "Skip this one only skips a sponsor before it comes on."));
        assertThat(tick()).isInstanceOf(Idle.class);
        assertThat(scheduler.current()).contains(onScreen);

        moveTo("18:02:20");
        assertThat(tick()).isEqualTo(new Hide(onScreen.showId()));
        assertThat(tick()).as("the refused skip did not carry over to the next")
                .isEqualTo(new Idle(at("18:07:20"), "next sponsor at 18:07:20"));
        moveTo("18:07:20");
        assertThat(((Show) tick()).candidate().participationId()).isEqualTo("p-b");
        assertThat(shows).hasSize(2);
    }

    @Test
    void aPauseDuringTheCountdownEndsTheWarningAndTheShowing() {
        liveAndTicking();
        moveTo("18:01:55");
        tick();
        assertThat(scheduler.status().countdown()).isPresent();

        scheduler.pauseFor(Duration.ofMinutes(15));
        assertThat(scheduler.status().countdown()).isEmpty();
        moveTo("18:02:00");
        assertThat(tick()).isEqualTo(new Idle(at("18:16:55"), "paused until 18:16:55"));
        assertThat(scheduler.status().countdown()).isEmpty();

        moveTo("18:16:44");
        tick();
        assertThat(scheduler.status().countdown()).isEmpty();
        moveTo("18:16:45");
        tick();
        assertThat(scheduler.status().countdown()).as("warned again before the first after the pause")
                .contains(new SponsorCountdown("Brand campaign-p-a", at("18:16:55")));
        assertThat(shows).isEmpty();
        moveTo("18:16:55");
        assertThat(((Show) tick()).candidate().participationId()).isEqualTo("p-a");
    }

    @Test
    void aSkipDuringAPauseDropsTheFirstShowingAfterIt() {
        liveAndTicking();
        scheduler.pauseFor(Duration.ofMinutes(15));
        tick();
        assertThat(scheduler.skipNext()).isEqualTo(new SkipOutcome(true,
                "Skipped Brand campaign-p-a; the next sponsor comes at 18:20:00."));
        moveTo("18:15:00");
        assertThat(tick()).isEqualTo(new Idle(at("18:20:00"), "next sponsor at 18:20:00"));
    }

    @Test
    void aPauseWhenTheShowingIsAlreadyOnScreenTakesItDownOnceAndCountsItOnce() {
        liveAndTicking();
        moveTo("18:02:00");
        Show onScreen = (Show) tick();

        moveTo("18:02:00.500");
        scheduler.pauseFor(Duration.ofMinutes(15));
        assertThat(tick()).isEqualTo(new Hide(onScreen.showId()));
        assertThat(tick()).isInstanceOf(Idle.class);
        assertThat(scheduler.status().countdown()).isEmpty();
        assertThat(shows).containsExactly(onScreen);
    }

    @Test
    void nothingToSkipWhileOfflineOrWithoutSponsors() {
        assertThat(scheduler.skipNext()).isEqualTo(new SkipOutcome(false,
                "The stream is not live, so no sponsor is coming to skip."));
        scheduler.streamWentLive();
        scheduler.tick(List.of());
        assertThat(scheduler.skipNext()).isEqualTo(new SkipOutcome(false, "No sponsor is coming up to skip."));
    }

    @Test
    void showNowEndsTheWarningAsTheSponsorComesAtOnce() {
        liveAndTicking();
        moveTo("18:01:55");
        tick();
        scheduler.showNow();
        assertThat(scheduler.status().countdown()).isEmpty();
        assertThat(tick()).isInstanceOf(Show.class);
    }

    private void liveAndTicking() {
        scheduler.streamWentLive();
        tick();
    }

    private RotationDecision tick() {
        RotationDecision decision = scheduler.tick(both);
        if (decision instanceof Show show) {
            shows.add(show);
        }
        return decision;
    }

    private void moveTo(String timeOfDay) {
        clock.advance(Duration.between(clock.instant(), at(timeOfDay)));
    }

    private static Instant at(String timeOfDay) {
        return Instant.parse("2026-11-27T" + timeOfDay + "Z");
    }
}
