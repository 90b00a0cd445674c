package com.gametriggers.companion.overlay;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.overlay.rotation.SponsorCountdown;

/**
 * The overlay at a glance, for the window.
 *
 * @param rotation         how sponsors are paced
 * @param live             whether Twitch says the stream is live; empty without Twitch (then an overlay on air counts)
 * @param pausedUntil      when sponsors come back after "pause ads"
 * @param pagesListening   overlay pages connected now (OBS, a browser, the app's preview)
 * @param onScreen         the brands on screen now
 * @param creativeProblems the sponsors' creatives OBS's browser could not show, by brand; their showings still count
 * @param countdown        the sponsor about to come on a listened overlay, while the streamer can still skip it
 * @param dailyLimitReached nothing comes on a listened overlay because every sponsor was shown as often today as the
 *                          streamer's daily limit ({@link RotationSettings#dailyShowingsPerSponsor()}) allows
 */
public record OverlayStatus(RotationSettings rotation, Optional<Boolean> live, Optional<Instant> pausedUntil,
                            int pagesListening, List<String> onScreen, List<CreativeProblem> creativeProblems,
                            Optional<SponsorCountdown> countdown, boolean dailyLimitReached) {

    public OverlayStatus {
        Objects.requireNonNull(rotation, "rotation");
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(pausedUntil, "pausedUntil");
        onScreen = List.copyOf(onScreen);
        creativeProblems = List.copyOf(creativeProblems);
        Objects.requireNonNull(countdown, "countdown");
    }

    /** The overlay with no sponsor about to come. */
    public OverlayStatus(RotationSettings rotation, Optional<Boolean> live, Optional<Instant> pausedUntil,
                         int pagesListening, List<String> onScreen, List<CreativeProblem> creativeProblems) {
        this(rotation, live, pausedUntil, pagesListening, onScreen, creativeProblems, Optional.empty(), false);
    }
}
