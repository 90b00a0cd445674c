package com.gametriggers.companion.obs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.gametriggers.companion.obs.ObsException.Reason;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The few obs-websocket requests "Add to OBS" needs, with typed answers. A refusal is reworded to say what the app
 * was trying to do, since a streamer does not know request names like {@code CreateInput}.
 */
final class ObsRequests {

    /** {@code RequestStatus::ResourceNotFound}, {@code ResourceAlreadyExists} and {@code InvalidInputKind}. */
    static final int NOT_FOUND = 600;
    static final int ALREADY_EXISTS = 601;
    static final int INVALID_INPUT_KIND = 605;

    record Canvas(int width, int height) {
    }

    /** The scene on air; {@code uuid} is empty before obs-websocket 5.3, which names scenes only. */
    record Scene(String name, Optional<String> uuid) {
    }

    record Input(String name, String kind) {
    }

    private final ObsWebSocketClient obs;

    ObsRequests(ObsWebSocketClient obs) {
        this.obs = obs;
    }

    Canvas videoSettings() throws ObsException {
        JsonObject answer = call("read the canvas size", "GetVideoSettings", null);
        int width = ObsJson.integer(answer, "baseWidth", 0);
        int height = ObsJson.integer(answer, "baseHeight", 0);
        if (width <= 0 || height <= 0) {
            throw new ObsException(Reason.REQUEST_FAILED, "OBS did not tell its canvas size; check Settings -> Video.");
        }
        return new Canvas(width, height);
    }

    Scene currentProgramScene() throws ObsException {
        JsonObject answer = call("read the scene on air", "GetCurrentProgramScene", null);
        // sceneName came with 5.3; before, only the now deprecated currentProgramSceneName.
        String name = Optional.ofNullable(ObsJson.string(answer, "sceneName"))
                .orElse(ObsJson.string(answer, "currentProgramSceneName"));
        if (name == null) {
            throw new ObsException(Reason.REQUEST_FAILED, "OBS did not tell which scene is on air.");
        }
        return new Scene(name, Optional.ofNullable(ObsJson.string(answer, "sceneUuid")));
    }

    List<Input> inputs(String inputKind) throws ObsException {
        JsonObject data = new JsonObject();
        data.addProperty("inputKind", inputKind);
        JsonObject answer = call("list its sources", "GetInputList", data);
        List<Input> inputs = new ArrayList<>();
        JsonElement list = answer.get("inputs");
        if (list != null && list.isJsonArray()) {
            for (JsonElement element : list.getAsJsonArray()) {
                if (element.isJsonObject()) {
                    JsonObject input = element.getAsJsonObject();
                    String name = ObsJson.string(input, "inputName");
                    if (name != null) {
                        inputs.add(new Input(name, String.valueOf(ObsJson.string(input, "inputKind"))));
                    }
                }
            }
        }
        return inputs;
    }

    JsonObject inputSettings(String inputName) throws ObsException {
        JsonObject data = new JsonObject();
        data.addProperty("inputName", inputName);
        return ObsJson.object(call("read the settings of \"" + inputName + "\"", "GetInputSettings", data),
                "inputSettings");
    }

    /** Changes only the given settings; the streamer's others (CSS, FPS, audio) stay as they are. */
    void overlayInputSettings(String inputName, JsonObject settings) throws ObsException {
        JsonObject data = new JsonObject();
        data.addProperty("inputName", inputName);
        data.add("inputSettings", settings);
        data.addProperty("overlay", true);
        call("update \"" + inputName + "\"", "SetInputSettings", data);
    }

    Optional<Integer> sceneItemId(Scene scene, String sourceName) throws ObsException {
        JsonObject data = sceneReference(scene);
        data.addProperty("sourceName", sourceName);
        try {
            return Optional.of(ObsJson.integer(
                    call("find \"" + sourceName + "\" in the scene \"" + scene.name() + "\"", "GetSceneItemId", data),
                    "sceneItemId", -1));
        } catch (ObsException e) {
            if (e.statusCode() == NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    boolean sceneItemEnabled(Scene scene, int sceneItemId) throws ObsException {
        JsonObject data = sceneReference(scene);
        data.addProperty("sceneItemId", sceneItemId);
        return ObsJson.bool(call("read whether the overlay is shown", "GetSceneItemEnabled", data),
                "sceneItemEnabled", true);
    }

    void enableSceneItem(Scene scene, int sceneItemId) throws ObsException {
        JsonObject data = sceneReference(scene);
        data.addProperty("sceneItemId", sceneItemId);
        data.addProperty("sceneItemEnabled", true);
        call("show the overlay in the scene \"" + scene.name() + "\"", "SetSceneItemEnabled", data);
    }

    void createSceneItem(Scene scene, String sourceName) throws ObsException {
        JsonObject data = sceneReference(scene);
        data.addProperty("sourceName", sourceName);
        data.addProperty("sceneItemEnabled", true);
        call("add \"" + sourceName + "\" to the scene \"" + scene.name() + "\"", "CreateSceneItem", data);
    }

    void createInput(Scene scene, String inputName, String inputKind, JsonObject settings) throws ObsException {
        JsonObject data = sceneReference(scene);
        data.addProperty("inputName", inputName);
        data.addProperty("inputKind", inputKind);
        data.add("inputSettings", settings);
        data.addProperty("sceneItemEnabled", true);
        call("create the Browser Source \"" + inputName + "\"", "CreateInput", data);
    }

    /** By UUID where OBS has them, so a scene renamed meanwhile is still found. */
    private static JsonObject sceneReference(Scene scene) {
        JsonObject data = new JsonObject();
        if (scene.uuid().isPresent()) {
            data.addProperty("sceneUuid", scene.uuid().get());
        } else {
            data.addProperty("sceneName", scene.name());
        }
        return data;
    }

    private JsonObject call(String what, String requestType, JsonObject data) throws ObsException {
        try {
            return obs.call(requestType, data);
        } catch (ObsException e) {
            if (e.reason() != Reason.REQUEST_FAILED) {
                throw e;
            }
            throw new ObsException(Reason.REQUEST_FAILED, "OBS could not " + what + ": "
                    + ObsFailures.explained(e.obsComment(), e.statusCode()), e.statusCode(), e.obsComment(), e);
        }
    }
}
