package com.gametriggers.companion.ui.tray;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import com.gametriggers.companion.overlay.OverlayStatus;
import com.gametriggers.companion.overlay.rotation.SponsorCountdown;
import com.gametriggers.companion.ui.Formats;

/**
 * The warning before a sponsor comes on screen, without JavaFX or AWT: the status bar's line while it counts down,
 * and one tray notification per showing, however often the status is read during the countdown.
 */
public final class SponsorWarning {

    /** The action that drops the coming showing; the sponsor keeps its turn. */
    public static final String SKIP = "Skip this one";
    /** The action that pauses ads for the first of the Overlay section's pauses. */
    public static final String PAUSE = "Pause ads 15 min";

    private Optional<SponsorCountdown> told = Optional.empty();

    /** The status bar's line while a sponsor is about to come ("Acme in 7 s"), empty otherwise. */
    public static Optional<String> line(OverlayStatus status, Instant now) {
        return status.countdown().filter(countdown -> countdown.secondsLeft(now) > 0)
                .map(countdown -> countdown.sponsorName() + " in " + countdown.secondsLeft(now) + " s");
    }

    /** The notification this reading calls for: one when a countdown is first seen, none while it goes on. */
    public Optional<Notice> update(OverlayStatus status, Instant now, ZoneId zone) {
        Optional<SponsorCountdown> current = status.countdown().filter(countdown -> countdown.secondsLeft(now) > 0);
        boolean fresh = current.isPresent() && !current.equals(told);
        told = current;
        return fresh ? current.map(countdown -> notice(countdown, now, zone)) : Optional.empty();
    }

    private static Notice notice(SponsorCountdown countdown, Instant now, ZoneId zone) {
        return new Notice("Sponsor in " + countdown.secondsLeft(now) + " s",
                countdown.sponsorName() + " comes on screen at " + Formats.time(countdown.at(), zone) + ". "
                        + SKIP + " or " + PAUSE + " from the tray menu or the window's status bar.");
    }
}
