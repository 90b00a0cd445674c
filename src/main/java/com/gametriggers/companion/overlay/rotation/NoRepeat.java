package com.gametriggers.companion.overlay.rotation;

import java.util.List;
import java.util.Optional;

/**
 * The rule strategies that rank sponsors share: the one shown last sits out the next pick, or a clear favourite
 * would fill the whole stream. It still shows when it is the only sponsor, since one ad beats none.
 */
final class NoRepeat {

    private NoRepeat() {
    }

    static List<RotationCandidate> eligible(List<RotationCandidate> candidates, Optional<String> lastShownParticipationId) {
        List<RotationCandidate> others = candidates.stream()
                .filter(candidate -> !lastShownParticipationId.equals(Optional.of(candidate.participationId())))
                .toList();
        return others.isEmpty() ? candidates : others;
    }
}
