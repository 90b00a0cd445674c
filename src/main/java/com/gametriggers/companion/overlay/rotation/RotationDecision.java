package com.gametriggers.companion.overlay.rotation;

import java.time.Instant;
import java.util.Objects;

/** What the overlay should do after a {@link RotationScheduler#tick}. */
public sealed interface RotationDecision permits RotationDecision.Show, RotationDecision.Hide, RotationDecision.Idle {

    /**
     * Put this sponsor on screen until {@code until}. {@code showId} is unique per showing, so the page can tell a
     * new showing of the same sponsor from a repeated message, and the matching {@link Hide} names it.
     */
    record Show(RotationCandidate candidate, String showId, Instant until) implements RotationDecision {
        public Show {
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(showId, "showId");
            Objects.requireNonNull(until, "until");
        }
    }

    /** Take the showing {@code showId} off screen. */
    record Hide(String showId) implements RotationDecision {
        public Hide {
            Objects.requireNonNull(showId, "showId");
        }
    }

    /**
     * Nothing to change. {@code nextCheck} is when the decision could change by time alone; {@code reason} is a
     * sentence for the streamer ("stream offline", "paused until 18:40:00", "next sponsor at 18:45:00",
     * "no active campaigns", "every sponsor was shown 3 times today, your daily limit", "showing Acme until 18:40:20").
     */
    record Idle(Instant nextCheck, String reason) implements RotationDecision {
        public Idle {
            Objects.requireNonNull(nextCheck, "nextCheck");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
