package com.gametriggers.companion.obs;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.gametriggers.companion.obs.AddToObsResult.Outcome;
import com.gametriggers.companion.obs.AddToObsResult.SceneChange;
import com.gametriggers.companion.obs.ObsException.Reason;
import com.gametriggers.companion.obs.ObsRequests.Canvas;
import com.gametriggers.companion.obs.ObsRequests.Input;
import com.gametriggers.companion.obs.ObsRequests.Scene;
import com.google.gson.JsonObject;

import okhttp3.OkHttpClient;

/**
 * "Add to OBS" in one call: puts the overlay into OBS as a Browser Source the size of the canvas, in the scene on
 * air. If a Browser Source already shows the overlay, or an earlier port or key of it, that one is updated and placed
 * in the scene, so pressing the button twice, or after a change of port, never stacks two overlays.
 *
 * <p>{@link #addOverlay} blocks while it talks to OBS (a few local round trips): call it off the FX thread.
 */
public final class AddToObs {

    public static final String INPUT_NAME = "GameTriggers Overlay";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    static final String BROWSER_SOURCE = "browser_source";
    /** obs-browser accepts widths and heights up to this. */
    private static final int MAX_BROWSER_SIZE = 8192;
    private static final int MAX_NAME_ATTEMPTS = 100;

    private final OkHttpClient http;
    private final ObsConnectionSettings settings;
    private final Duration timeout;

    /**
     * @param http    the app's HTTP client; OBS gets a client derived from it, sharing its threads
     * @param timeout for the handshake and for each request
     */
    public AddToObs(OkHttpClient http, ObsConnectionSettings settings, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * @param overlayUrl the overlay's URL, as the app shows it for OBS
     * @throws ObsException with a sentence for the streamer: OBS not running or its WebSocket server off, a wrong or
     *                      missing password, OBS refusing a step (with its reason), no answer in time
     */
    public AddToObsResult addOverlay(String overlayUrl) throws ObsException {
        Objects.requireNonNull(overlayUrl, "overlayUrl");
        try (ObsWebSocketClient client =
                     ObsWebSocketClient.connect(http, settings, timeout, ObsWebSocketClient.NO_EVENTS)) {
            ObsRequests obs = new ObsRequests(client);
            Canvas canvas = obs.videoSettings();
            Scene scene = obs.currentProgramScene();
            List<Input> browserSources = obs.inputs(BROWSER_SOURCE);
            int width = Math.min(canvas.width(), MAX_BROWSER_SIZE);
            int height = Math.min(canvas.height(), MAX_BROWSER_SIZE);
            JsonObject sourceSettings = browserSourceSettings(overlayUrl, width, height);

            Optional<String> existing = findOverlay(obs, browserSources, overlayUrl);
            if (existing.isPresent()) {
                String name = existing.get();
                obs.overlayInputSettings(name, sourceSettings);
                SceneChange change = placeInScene(obs, scene, name);
                return new AddToObsResult(Outcome.UPDATED, name, scene.name(), width, height, change);
            }
            Set<String> taken = browserSources.stream().map(Input::name).collect(Collectors.toSet());
            String name = createInput(obs, scene, taken, sourceSettings);
            return new AddToObsResult(Outcome.CREATED, name, scene.name(), width, height, SceneChange.ADDED);
        }
    }

    /**
     * The settings "Add to OBS" owns; anything else on an existing source (custom CSS, FPS, audio) is the streamer's.
     * {@code restart_when_active} stays off, as the README tells streamers who add the source by hand: a page that
     * OBS reloads at activation never hears that it is on air, and the overlay counts only what OBS says is on air.
     */
    static JsonObject browserSourceSettings(String overlayUrl, int width, int height) {
        JsonObject settings = new JsonObject();
        settings.addProperty("url", overlayUrl);
        settings.addProperty("width", width);
        settings.addProperty("height", height);
        settings.addProperty("shutdown", false);
        settings.addProperty("restart_when_active", false);
        return settings;
    }

    /** The source showing this very URL, else one showing an earlier rotation URL of this app. */
    private static Optional<String> findOverlay(ObsRequests obs, List<Input> browserSources, String overlayUrl)
            throws ObsException {
        Optional<String> earlier = Optional.empty();
        for (Input input : browserSources) {
            JsonObject inputSettings;
            try {
                inputSettings = obs.inputSettings(input.name());
            } catch (ObsException e) {
                if (e.statusCode() == ObsRequests.NOT_FOUND) {
                    continue; // removed while we looked
                }
                throw e;
            }
            switch (OverlayUrls.match(overlayUrl, ObsJson.string(inputSettings, "url"))) {
                case SAME -> {
                    return Optional.of(input.name());
                }
                case EARLIER_ROTATION -> earlier = earlier.or(() -> Optional.of(input.name()));
                case NONE -> { }
            }
        }
        return earlier;
    }

    private static SceneChange placeInScene(ObsRequests obs, Scene scene, String name) throws ObsException {
        Optional<Integer> item = obs.sceneItemId(scene, name);
        if (item.isEmpty()) {
            obs.createSceneItem(scene, name);
            return SceneChange.ADDED;
        }
        // A hidden overlay is never on air and so never counts: the streamer pressed the button to see it.
        if (!obs.sceneItemEnabled(scene, item.get())) {
            obs.enableSceneItem(scene, item.get());
            return SceneChange.SHOWN;
        }
        return SceneChange.NONE;
    }

    /**
     * Source names are unique across all of OBS's inputs and scenes, and only browser sources were listed: other
     * names are found taken when OBS refuses them as existing, and the next number is tried.
     */
    private static String createInput(ObsRequests obs, Scene scene, Set<String> taken, JsonObject sourceSettings)
            throws ObsException {
        for (int n = 1; n <= MAX_NAME_ATTEMPTS; n++) {
            String name = n == 1 ? INPUT_NAME : INPUT_NAME + " " + n;
            if (taken.contains(name)) {
                continue;
            }
            try {
                obs.createInput(scene, name, BROWSER_SOURCE, sourceSettings);
                return name;
            } catch (ObsException e) {
                if (e.statusCode() == ObsRequests.INVALID_INPUT_KIND) {
                    throw ObsFailures.noBrowserSource(e);
                }
                if (e.statusCode() != ObsRequests.ALREADY_EXISTS) {
                    throw e;
                }
            }
        }
        throw new ObsException(Reason.REQUEST_FAILED, "OBS already has " + MAX_NAME_ATTEMPTS + " sources named \""
                + INPUT_NAME + "\"; rename or remove some and try again.");
    }
}
