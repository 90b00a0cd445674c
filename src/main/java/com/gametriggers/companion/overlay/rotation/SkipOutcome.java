package com.gametriggers.companion.overlay.rotation;

import java.util.Objects;

/** What "Skip this one" did: whether the upcoming showing was dropped, and a sentence saying so or why not. */
public record SkipOutcome(boolean skipped, String sentence) {

    public SkipOutcome {
        Objects.requireNonNull(sentence, "sentence");
    }
}
