package com.gametriggers.companion.overlay;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The creatives OBS could not show, in memory: at most one per participation (its latest problem), so reports from
 * any number of pages and reloads neither grow it nor repeat a problem already known. A problem lasts while the
 * participation shows the same creative: once the sponsor's creative changes, or the participation leaves, it is gone.
 */
final class CreativeProblems {

    private static final Logger log = LoggerFactory.getLogger(CreativeProblems.class);

    private record Noted(String mediaUrl, CreativeProblem problem) {
    }

    private final Map<String, Noted> byParticipation = new ConcurrentHashMap<>();

    /** A page could not show this participation's creative; a problem already known keeps the time it was first heard. */
    void report(OverlayEntry entry, CreativeFailure failure, Instant now) {
        String participationId = entry.participation().id();
        String mediaUrl = entry.campaign().mediaUrl();
        String sentence = failure.sentence(entry.campaign().brandName());
        boolean[] isNew = {false};
        byParticipation.compute(participationId, (id, before) -> {
            if (before != null && Objects.equals(before.mediaUrl(), mediaUrl)
                    && before.problem().sentence().equals(sentence)) {
                return before;
            }
            isNew[0] = true;
            return new Noted(mediaUrl, new CreativeProblem(id, entry.campaign().brandName(), sentence, now));
        });
        if (isNew[0]) {
            log.warn(sentence);
        }
    }

    /** The problems still true of the participations as the directory has them now, by brand. */
    List<CreativeProblem> current(OverlayDirectory directory) {
        byParticipation.entrySet().removeIf(noted -> directory.byParticipationId(noted.getKey())
                .filter(entry -> Objects.equals(entry.campaign().mediaUrl(), noted.getValue().mediaUrl()))
                .isEmpty());
        return byParticipation.values().stream().map(Noted::problem)
                .sorted(Comparator.comparing(CreativeProblem::brand).thenComparing(CreativeProblem::participationId))
                .toList();
    }
}
