package com.gametriggers.companion.overlay;

import java.time.Instant;
import java.util.Objects;

/**
 * A sponsor's creative that OBS's browser could not show, as the streamer reads it.
 *
 * @param participationId whose creative
 * @param brand           the sponsor, as the streamer knows it
 * @param sentence        what happened and what to ask the sponsor for
 * @param since           when the overlay first heard of it
 */
public record CreativeProblem(String participationId, String brand, String sentence, Instant since) {

    public CreativeProblem {
        Objects.requireNonNull(participationId, "participationId");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(since, "since");
    }
}
