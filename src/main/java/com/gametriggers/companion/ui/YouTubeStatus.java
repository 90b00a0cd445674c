package com.gametriggers.companion.ui;

import java.util.Objects;
import java.util.Optional;

/**
 * The streamer's YouTube channel as the status bar shows it, while signed in with Google.
 *
 * @param live    whether the broadcast is live now
 * @param viewers YouTube's latest viewer count, 0 while offline or hidden
 * @param problem why YouTube chat is slowed (the quota), stopped or failing, as one sentence; empty while all is well
 */
public record YouTubeStatus(boolean live, long viewers, Optional<String> problem) {

    public YouTubeStatus {
        Objects.requireNonNull(problem, "problem");
    }

    /** "YouTube: live, 1,234 viewers", "YouTube: offline", or the problem's sentence. */
    public String text() {
        if (problem.isPresent()) {
            return problem.get();
        }
        return live ? "YouTube: live, %,d %s".formatted(viewers, viewers == 1 ? "viewer" : "viewers")
                : "YouTube: offline";
    }
}
