package com.gametriggers.companion.overlay.rotation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The rotation at a glance, for the UI. {@code liveAssumed} says the stream counts as live because the streamer
 * chose so ({@link RotationScheduler#assumeLive()}), not because Twitch said it is. {@code nextSponsorAt} is empty
 * while the stream is not live, and otherwise the earliest moment the next showing may start. {@code countdown} is
 * there from the settings' countdown before a showing until it starts, while the streamer can still skip it.
 * {@code dailyLimitReached} says nothing shows, while live, because every sponsor has reached the streamer's daily
 * limit ({@link RotationSettings#dailyShowingsPerSponsor()}).
 */
public record RotationStatus(
        boolean live,
        boolean liveAssumed,
        Optional<Instant> pausedUntil,
        Optional<String> showingParticipationId,
        Optional<Instant> showingUntil,
        Optional<Instant> nextSponsorAt,
        Optional<SponsorCountdown> countdown,
        boolean dailyLimitReached) {

    public RotationStatus {
        Objects.requireNonNull(pausedUntil, "pausedUntil");
        Objects.requireNonNull(showingParticipationId, "showingParticipationId");
        Objects.requireNonNull(showingUntil, "showingUntil");
        Objects.requireNonNull(nextSponsorAt, "nextSponsorAt");
        Objects.requireNonNull(countdown, "countdown");
    }

}
