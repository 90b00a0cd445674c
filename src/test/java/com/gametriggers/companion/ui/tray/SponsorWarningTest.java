package com.gametriggers.companion.ui.tray;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.gametriggers.companion.overlay.OverlayStatus;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.overlay.rotation.SponsorCountdown;

/** The warning's words in the status bar and the tray, as the status is read during a countdown. */
class SponsorWarningTest {

    private static final Instant DUE = Instant.parse("2026-03-14T19:02:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final OverlayStatus COMING = status(Optional.of(new SponsorCountdown("Echo Gear", DUE)));
    private static final OverlayStatus QUIET = status(Optional.empty());

    private final SponsorWarning warning = new SponsorWarning();

    @Test
    void theStatusBarCountsTheSecondsDownAndRoundsTheLastUp() {
        assertThat(SponsorWarning.line(COMING, DUE.minusSeconds(10))).contains("Echo Gear in 10 s");
        assertThat(SponsorWarning.line(COMING, DUE.minusMillis(300))).contains("Echo Gear in 1 s");
        assertThat(SponsorWarning.line(COMING, DUE)).as("due: the overlay shows it now").isEmpty();
        assertThat(SponsorWarning.line(QUIET, DUE.minusSeconds(5))).isEmpty();
    }

    @Test
    void theTrayIsToldOncePerShowingWithWhenAndWhatToDo() {
        assertThat(warning.update(COMING, DUE.minusSeconds(9), BERLIN)).contains(new Notice("Sponsor in 9 s",
                "Echo Gear comes on screen at 8:02 PM. Skip this one or Pause ads 15 min from the tray menu or the "
                        + "window's status bar."));
        assertThat(warning.update(COMING, DUE.minusSeconds(4), BERLIN)).as("the same countdown read again").isEmpty();

        assertThat(warning.update(QUIET, DUE.plusSeconds(20), BERLIN)).isEmpty();
        OverlayStatus next = status(Optional.of(new SponsorCountdown("Echo Gear", DUE.plusSeconds(320))));
        assertThat(warning.update(next, DUE.plusSeconds(312), BERLIN)).as("the next showing of the same sponsor")
                .map(Notice::title).contains("Sponsor in 8 s");
    }

    @Test
    void aCountdownThatEndedUnreadIsNotToldLate() {
        assertThat(warning.update(COMING, DUE, BERLIN)).isEmpty();
    }

    private static OverlayStatus status(Optional<SponsorCountdown> countdown) {
        return new OverlayStatus(RotationSettings.defaults(), Optional.of(true), Optional.empty(), 1, List.of(),
                List.of(), countdown, false);
    }
}
