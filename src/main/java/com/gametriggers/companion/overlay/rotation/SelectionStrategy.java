package com.gametriggers.companion.overlay.rotation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks the next sponsor to show. Implementations are stateless: everything they weigh comes in with the call, so
 * the scheduler can swap them when the streamer changes the setting.
 */
public interface SelectionStrategy {

    /** Empty only when there are no candidates. */
    Optional<RotationCandidate> pick(List<RotationCandidate> candidates, Optional<String> lastShownParticipationId);

    /** The name {@link #named} knows this strategy by, as stored in the settings. */
    String name();

    /** The names {@link #named} accepts, in the order a settings choice box would list them. */
    static List<String> names() {
        return List.of(RoundRobin.NAME, HighestPaying.NAME, LeastShown.NAME);
    }

    static SelectionStrategy named(String name) {
        Objects.requireNonNull(name, "name");
        return switch (name) {
            case RoundRobin.NAME -> new RoundRobin();
            case HighestPaying.NAME -> new HighestPaying();
            case LeastShown.NAME -> new LeastShown();
            default -> throw new IllegalArgumentException(
                    "Unknown selection strategy \"" + name + "\"; expected one of " + names());
        };
    }
}
