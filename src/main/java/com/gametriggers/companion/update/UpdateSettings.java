package com.gametriggers.companion.update;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The streamer's choice about update checks, and what the check remembers across restarts.
 *
 * @param enabled   whether the app looks for a newer version once a day; on unless turned off in Settings
 * @param lastCheck when the feed was last asked, whatever it answered
 */
public record UpdateSettings(boolean enabled, Optional<Instant> lastCheck) {

    public UpdateSettings {
        Objects.requireNonNull(lastCheck, "lastCheck");
    }

    public static UpdateSettings defaults() {
        return new UpdateSettings(true, Optional.empty());
    }

    public UpdateSettings withEnabled(boolean on) {
        return new UpdateSettings(on, lastCheck);
    }

    public UpdateSettings checkedAt(Instant at) {
        return new UpdateSettings(enabled, Optional.of(at));
    }
}
