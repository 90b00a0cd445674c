package com.gametriggers.companion.overlay.rotation;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The sponsor shown least so far, so that sponsors who joined late catch up. */
final class LeastShown implements SelectionStrategy {

    static final String NAME = "least-shown";

    private static final Comparator<RotationCandidate> ORDER = Comparator
            .comparingLong(RotationCandidate::timesShown)
            .thenComparing(RotationCandidate::participationId);

    @Override
    public Optional<RotationCandidate> pick(List<RotationCandidate> candidates, Optional<String> lastShownParticipationId) {
        return NoRepeat.eligible(candidates, lastShownParticipationId).stream().min(ORDER);
    }

    @Override
    public String name() {
        return NAME;
    }
}
