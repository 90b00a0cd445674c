package com.gametriggers.companion.obs;

import java.util.Objects;

/**
 * What "Add to OBS" did.
 *
 * @param inputName   the Browser Source's name in OBS
 * @param sceneName   the scene that was on air, where the source now is
 * @param width       the source's width: the canvas width
 * @param height      the source's height: the canvas height
 * @param sceneChange what changed in that scene for an updated source; {@link SceneChange#ADDED} for a created one
 */
public record AddToObsResult(Outcome outcome, String inputName, String sceneName, int width, int height,
                             SceneChange sceneChange) {

    public enum Outcome {
        /** A new Browser Source. */
        CREATED,
        /** A Browser Source that already showed this overlay (or an earlier port or key of it) now shows it again. */
        UPDATED
    }

    public enum SceneChange {
        /** It was already shown in the scene on air. */
        NONE,
        ADDED,
        /** It was in the scene but hidden; now it is visible. */
        SHOWN
    }

    public AddToObsResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(inputName, "inputName");
        Objects.requireNonNull(sceneName, "sceneName");
        Objects.requireNonNull(sceneChange, "sceneChange");
    }

    /** One sentence for the streamer, such as {@code Added the Browser Source "GameTriggers Overlay" to ...}. */
    public String sentence() {
        String size = width + "x" + height;
        if (outcome == Outcome.CREATED) {
            return "Added the Browser Source \"" + inputName + "\" to the scene \"" + sceneName + "\" in OBS, at "
                    + size + ".";
        }
        String updated = "Updated the Browser Source \"" + inputName + "\" in OBS to this overlay at " + size;
        return switch (sceneChange) {
            case NONE -> updated + "; it is in the scene \"" + sceneName + "\".";
            case ADDED -> updated + " and added it to the scene \"" + sceneName + "\".";
            case SHOWN -> updated + " and made it visible again in the scene \"" + sceneName + "\".";
        };
    }
}
