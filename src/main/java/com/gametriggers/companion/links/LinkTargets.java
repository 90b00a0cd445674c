package com.gametriggers.companion.links;

import java.util.Optional;

/** Where a tracking code leads: the participation it counts for and the sponsor's landing page. */
@FunctionalInterface
public interface LinkTargets {

    record LinkTarget(String participationId, String landingUrl) {
    }

    Optional<LinkTarget> byCode(String trackingCode);
}
