package com.gametriggers.companion.ui.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.gametriggers.companion.overlay.CreativeProblem;
import com.gametriggers.companion.overlay.OverlayStatus;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.ui.overlay.OverlayViewModel.RotationForm;

class OverlayViewModelTest {

    private static final Instant NOW = Instant.parse("2026-11-27T20:00:00Z");

    @Test
    void theRotationFormReadsSecondsAndMinutes() {
        RotationForm form = OverlayViewModel.rotation(" 30 ", "10", "0", "least-shown", "10", "0", false);

        assertThat(form.problem()).isEmpty();
        assertThat(form.settings()).contains(new RotationSettings(Duration.ofSeconds(30), Duration.ofMinutes(10),
                Duration.ZERO, "least-shown"));
    }

    @Test
    void eachUnusableValueGetsItsOwnSentence() {
        assertThat(OverlayViewModel.rotation("0", "5", "2", "round-robin", "10", "0", false).problem())
                .contains("Time on screen must be a whole number of seconds from 1 to 600.");
        assertThat(OverlayViewModel.rotation("20", "-1", "2", "round-robin", "10", "0", false).problem())
                .contains("Time between sponsors must be a whole number of minutes from 0 to 1440.");
        assertThat(OverlayViewModel.rotation("20", "5", "2.5", "round-robin", "10", "0", false).problem())
                .contains("The wait after going live must be a whole number of minutes from 0 to 1440.");
        assertThat(OverlayViewModel.rotation("20", "5", "2", null, "10", "0", false).problem()).contains("Choose which sponsor comes next.");
        assertThat(OverlayViewModel.rotation("20", "5", "2", "loudest", "10", "0", false).problem()).contains("Choose which sponsor comes next.");
        assertThat(OverlayViewModel.rotation("601", "5", "2", "round-robin", "10", "0", false).settings()).isEmpty();
        assertThat(OverlayViewModel.rotation("20", "5", "2", "round-robin", "-1", "0", false).problem()).contains(
                "The warning before a sponsor must be a whole number of seconds from 0 (no warning) to 600.");
    }

    @Test
    void aZeroWarningTurnsTheCountdownOff() {
        assertThat(OverlayViewModel.rotation("20", "5", "2", "round-robin", "0", "0", false).settings().orElseThrow().countdown())
                .isEqualTo(Duration.ZERO);
        assertThat(OverlayViewModel.rotation("20", "5", "2", "round-robin", " 15 ", "0", false).settings().orElseThrow().countdown())
                .isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void theCountdownShowsOnTheOverlayOnlyWhenTicked() {
        assertThat(OverlayViewModel.rotation("20", "5", "2", "round-robin", "10", "0", false).settings().orElseThrow()
                .countdownOnOverlay()).isFalse();
        assertThat(OverlayViewModel.rotation("20", "5", "2", "round-robin", "10", "0", true).settings().orElseThrow()
                .countdownOnOverlay()).isTrue();
    }

    @Test
    void theDailyLimitIsAWholeNumberOfShowingsAndZeroSetsNone() {
        assertThat(OverlayViewModel.rotation("20", "5", "2", "round-robin", "10", " 4 ", false).settings().orElseThrow()
                .dailyShowingsPerSponsor()).isEqualTo(4);
        assertThat(OverlayViewModel.rotation("20", "5", "2", "round-robin", "10", "0", false).settings().orElseThrow()
                .dailyShowingsPerSponsor()).isEqualTo(RotationSettings.NO_DAILY_LIMIT);
        for (String wrong : List.of("-1", "1001", "two", "", "1.5")) {
            assertThat(OverlayViewModel.rotation("20", "5", "2", "round-robin", "10", wrong, false).problem()).as(wrong)
                    .contains("Showings per sponsor a day must be a whole number from 0 (no limit) to 1000.");
        }
    }

    @Test
    void everyStrategyHasAName() {
        assertThat(RotationSettings.strategies()).allSatisfy(strategy ->
                assertThat(OverlayViewModel.strategyName(strategy)).isNotEqualTo(strategy));
        assertThat(OverlayViewModel.strategyName("round-robin")).isEqualTo("In turn");
    }

    @Test
    void theOnScreenSentenceSaysWhatIsShownOrWhyNothingIs() {
        assertThat(OverlayViewModel.onScreen(status(Optional.empty(), Optional.of(NOW.plusSeconds(900)), 1, List.of()),
                NOW, ZoneOffset.UTC)).isEqualTo("Sponsors are paused until 8:15 PM.");
        assertThat(OverlayViewModel.onScreen(status(Optional.empty(), Optional.empty(), 1, List.of("Nova Energy")),
                NOW, ZoneOffset.UTC)).isEqualTo("On screen now: Nova Energy.");
        assertThat(OverlayViewModel.onScreen(status(Optional.empty(), Optional.empty(), 0, List.of()), NOW, ZoneOffset.UTC))
                .startsWith("No overlay page is open");
        assertThat(OverlayViewModel.onScreen(status(Optional.of(false), Optional.empty(), 1, List.of()), NOW, ZoneOffset.UTC))
                .isEqualTo("Nothing on screen: sponsors show while you are live.");
        OverlayStatus limitReached = new OverlayStatus(RotationSettings.defaults().withDailyShowingsPerSponsor(3),
                Optional.of(true), Optional.empty(), 1, List.of(), List.of(), Optional.empty(), true);
        assertThat(OverlayViewModel.onScreen(limitReached, NOW, ZoneOffset.UTC)).isEqualTo(
                "Nothing on screen: every sponsor was shown 3 times today, your daily limit. They come back after midnight.");
    }

    @Test
    void theStreamSentenceSaysWhereLiveComesFrom() {
        assertThat(OverlayViewModel.stream(status(Optional.empty(), Optional.empty(), 0, List.of())))
                .startsWith("Twitch is not connected");
        assertThat(OverlayViewModel.stream(status(Optional.of(true), Optional.empty(), 0, List.of())))
                .isEqualTo("Twitch says you are live.");
        assertThat(OverlayViewModel.pages(1)).isEqualTo("1 overlay page connected.");
        assertThat(OverlayViewModel.pages(3)).isEqualTo("3 overlay pages connected.");
    }

    @Test
    void theCreativesObsCouldNotShowAreOneSentenceEach() {
        assertThat(OverlayViewModel.creativeProblems(status(Optional.empty(), Optional.empty(), 1, List.of()))).isEmpty();
        OverlayStatus twoProblems = new OverlayStatus(RotationSettings.defaults(), Optional.empty(), Optional.empty(), 1,
                List.of(), List.of(new CreativeProblem("p1", "Echo Gear", "OBS could not show Echo Gear's video: a.", NOW),
                        new CreativeProblem("p2", "Nova Energy", "OBS could not show Nova Energy's image: b.", NOW)));
        assertThat(OverlayViewModel.creativeProblems(twoProblems))
                .isEqualTo("OBS could not show Echo Gear's video: a.\nOBS could not show Nova Energy's image: b.");
    }

    private static OverlayStatus status(Optional<Boolean> live, Optional<Instant> pausedUntil, int pages, List<String> onScreen) {
        return new OverlayStatus(RotationSettings.defaults(), live, pausedUntil, pages, onScreen, List.of());
    }
}
