package com.gametriggers.companion.overlay.rotation;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every sponsor in turn, in the stable order of their participation ids. */
final class RoundRobin implements SelectionStrategy {

    static final String NAME = "round-robin";

    @Override
    public Optional<RotationCandidate> pick(List<RotationCandidate> candidates, Optional<String> lastShownParticipationId) {
        List<RotationCandidate> inOrder = candidates.stream()
                .sorted(Comparator.comparing(RotationCandidate::participationId))
                .toList();
        if (inOrder.isEmpty()) {
            return Optional.empty();
        }
        // Compared by id rather than by position, so the turn survives the last shown sponsor leaving the list.
        return lastShownParticipationId
                .flatMap(last -> inOrder.stream().filter(candidate -> candidate.participationId().compareTo(last) > 0).findFirst())
                .or(() -> Optional.of(inOrder.get(0)));
    }

    @Override
    public String name() {
        return NAME;
    }
}
