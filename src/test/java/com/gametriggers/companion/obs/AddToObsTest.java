package com.gametriggers.companion.obs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gametriggers.companion.obs.AddToObsResult.Outcome;
import com.gametriggers.companion.obs.AddToObsResult.SceneChange;
import com.gametriggers.companion.obs.ObsException.Reason;
import com.google.gson.JsonObject;

import okhttp3.OkHttpClient;

class AddToObsTest {

    private static final OkHttpClient HTTP = new OkHttpClient();
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration FAST = Duration.ofSeconds(3);
    private static final String OVERLAY = "http://127.0.0.1:17730/rotation/k3y";
    private static final String PASSWORD = "obs-pass-123";

    private FakeObs obs;

    @BeforeEach
    void start() throws IOException {
        obs = new FakeObs();
    }

    @AfterEach
    void stop() {
        obs.close();
    }

    private AddToObsResult add(ObsConnectionSettings settings) throws ObsException {
        return assertTimeoutPreemptively(FAST, () -> new AddToObs(HTTP, settings, TIMEOUT).addOverlay(OVERLAY));
    }

    private ObsException failure(ObsConnectionSettings settings) {
        return assertTimeoutPreemptively(FAST, () -> catchThrowableOfType(ObsException.class,
                () -> new AddToObs(HTTP, settings, TIMEOUT).addOverlay(OVERLAY)));
    }

    @Test
    void createsABrowserSourceTheSizeOfTheCanvasInTheSceneOnAir() throws Exception {
        obs.canvas(2560, 1440);
        obs.scene("Gaming");
        obs.programScene("Gaming");

        AddToObsResult result = add(obs.settings());

        assertThat(result).isEqualTo(new AddToObsResult(Outcome.CREATED, "GameTriggers Overlay", "Gaming", 2560, 1440,
                SceneChange.ADDED));
        assertThat(result.sentence()).isEqualTo(
                "Added the Browser Source \"GameTriggers Overlay\" to the scene \"Gaming\" in OBS, at 2560x1440.");
        assertThat(obs.requestTypes()).containsExactly("GetVideoSettings", "GetCurrentProgramScene", "GetInputList",
                "CreateInput");
        assertThat(obs.requests("GetInputList").get(0).get("inputKind").getAsString()).isEqualTo("browser_source");
        JsonObject create = obs.requests("CreateInput").get(0);
        assertThat(create.get("sceneUuid").getAsString()).isEqualTo("uuid-gaming");
        assertThat(create.get("inputName").getAsString()).isEqualTo("GameTriggers Overlay");
        assertThat(create.get("inputKind").getAsString()).isEqualTo("browser_source");
        assertThat(create.get("sceneItemEnabled").getAsBoolean()).isTrue();
        assertThat(create.getAsJsonObject("inputSettings")).isEqualTo(expectedSettings(2560, 1440));
        assertThat(obs.items("Gaming")).extracting(item -> item.sourceName).containsExactly("GameTriggers Overlay");
        assertThat(obs.items("Scene")).isEmpty();
        assertThat(obs.identify().orElseThrow().get("eventSubscriptions").getAsInt()).isZero();
    }

    @Test
    void authenticatesWhenObsAsksForAPassword() throws Exception {
        obs.password(PASSWORD);

        AddToObsResult result = add(obs.settings().withPassword(PASSWORD));

        assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(obs.identify().orElseThrow().get("authentication").getAsString())
                .isEqualTo(FakeObs.expectedAuthentication(PASSWORD, FakeObs.SALT, FakeObs.CHALLENGE));
        assertThat(obs.findInput("GameTriggers Overlay")).isPresent();
    }

    @Test
    void aWrongPasswordChangesNothing() {
        obs.password(PASSWORD);

        ObsException e = failure(obs.settings().withPassword("wrong"));

        assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSWORD);
        assertThat(e.getMessage()).startsWith("OBS refused the WebSocket password");
        assertThat(obs.requestTypes()).isEmpty();
        assertThat(obs.inputNames()).isEmpty();
    }

    @Test
    void aPasswordNeededButNotSetIsSaidSo() {
        obs.password(PASSWORD);

        ObsException e = failure(obs.settings());

        assertThat(e.reason()).isEqualTo(Reason.PASSWORD_REQUIRED);
        assertThat(obs.inputNames()).isEmpty();
    }

    @Test
    void reusesTheSourceWithTheSameUrlInsteadOfAddingASecond() throws Exception {
        obs.canvas(2560, 1440);
        obs.browserSource("Sponsors", OVERLAY + "/", "Scene");

        AddToObsResult result = add(obs.settings());

        assertThat(result).isEqualTo(new AddToObsResult(Outcome.UPDATED, "Sponsors", "Scene", 2560, 1440,
                SceneChange.NONE));
        assertThat(result.sentence()).isEqualTo("Updated the Browser Source \"Sponsors\" in OBS to this overlay at"
                + " 2560x1440; it is in the scene \"Scene\".");
        assertThat(obs.requestTypes()).doesNotContain("CreateInput", "CreateSceneItem");
        JsonObject set = obs.requests("SetInputSettings").get(0);
        assertThat(set.get("inputName").getAsString()).isEqualTo("Sponsors");
        assertThat(set.get("overlay").getAsBoolean()).isTrue();
        assertThat(set.getAsJsonObject("inputSettings")).isEqualTo(expectedSettings(2560, 1440));
        JsonObject stored = obs.findInput("Sponsors").orElseThrow().settings;
        assertThat(stored.get("url").getAsString()).isEqualTo(OVERLAY);
        assertThat(stored.get("css").getAsString()).as("the streamer's own settings stay").contains("color: red");
        assertThat(obs.inputNames()).containsExactly("Sponsors");
    }

    @Test
    void pressingTwiceLeavesOneSource() throws Exception {
        add(obs.settings());
        AddToObsResult second = add(obs.settings());

        assertThat(second.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(second.inputName()).isEqualTo("GameTriggers Overlay");
        assertThat(obs.inputNames()).containsExactly("GameTriggers Overlay");
        assertThat(obs.requests("CreateInput")).hasSize(1);
        assertThat(obs.items("Scene")).hasSize(1);
    }

    @Test
    void repointsAnEarlierPortOrKeyAndPlacesItInTheSceneOnAir() throws Exception {
        obs.scene("Gaming");
        obs.programScene("Gaming");
        obs.browserSource("Alerts", "https://streamlabs.com/alert-box/v3/abc", "Gaming");
        obs.browserSource("Old Sponsors", "http://localhost:17000/rotation/oldkey/", "Scene");

        AddToObsResult result = add(obs.settings());

        assertThat(result).isEqualTo(new AddToObsResult(Outcome.UPDATED, "Old Sponsors", "Gaming", 1920, 1080,
                SceneChange.ADDED));
        assertThat(result.sentence()).endsWith("and added it to the scene \"Gaming\".");
        assertThat(obs.requests("CreateInput")).isEmpty();
        assertThat(obs.findInput("Old Sponsors").orElseThrow().settings.get("url").getAsString()).isEqualTo(OVERLAY);
        assertThat(obs.findInput("Alerts").orElseThrow().settings.get("url").getAsString())
                .isEqualTo("https://streamlabs.com/alert-box/v3/abc");
        JsonObject placed = obs.requests("CreateSceneItem").get(0);
        assertThat(placed.get("sceneUuid").getAsString()).isEqualTo("uuid-gaming");
        assertThat(placed.get("sourceName").getAsString()).isEqualTo("Old Sponsors");
        assertThat(obs.items("Gaming")).extracting(item -> item.sourceName).contains("Old Sponsors");
        assertThat(obs.items("Scene")).extracting(item -> item.sourceName).contains("Old Sponsors");
    }

    @Test
    void theExactUrlWinsOverAnEarlierOne() throws Exception {
        obs.browserSource("Old Sponsors", "http://localhost:17000/rotation/oldkey", "Scene");
        obs.browserSource("Sponsors", OVERLAY, "Scene");

        assertThat(add(obs.settings()).inputName()).isEqualTo("Sponsors");
        assertThat(obs.findInput("Old Sponsors").orElseThrow().settings.get("url").getAsString())
                .isEqualTo("http://localhost:17000/rotation/oldkey");
    }

    @Test
    void showsAnOverlayThatWasHiddenInTheScene() throws Exception {
        JsonObject settings = new JsonObject();
        settings.addProperty("url", OVERLAY);
        obs.input("Sponsors", "browser_source", settings, "Scene", false);

        AddToObsResult result = add(obs.settings());

        assertThat(result.sceneChange()).isEqualTo(SceneChange.SHOWN);
        assertThat(obs.items("Scene").get(0).enabled).isTrue();
        assertThat(obs.requests("SetSceneItemEnabled").get(0).get("sceneItemEnabled").getAsBoolean()).isTrue();
    }

    @Test
    void takesTheNextFreeNameWhenOursIsTaken() throws Exception {
        obs.input("GameTriggers Overlay", "image_source", new JsonObject(), "Scene", true);
        obs.browserSource("GameTriggers Overlay 2", "https://example.com/someone-elses-page", "Scene");

        AddToObsResult result = add(obs.settings());

        assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(result.inputName()).isEqualTo("GameTriggers Overlay 3");
        assertThat(obs.requests("CreateInput")).extracting(request -> request.get("inputName").getAsString())
                .as("the browser source's name is known taken; the image's only from OBS's refusal")
                .containsExactly("GameTriggers Overlay", "GameTriggers Overlay 3");
        assertThat(obs.findInput("GameTriggers Overlay").orElseThrow().kind).isEqualTo("image_source");
        assertThat(obs.findInput("GameTriggers Overlay 2").orElseThrow().settings.get("url").getAsString())
                .isEqualTo("https://example.com/someone-elses-page");
        assertThat(obs.findInput("GameTriggers Overlay 3").orElseThrow().settings.get("url").getAsString())
                .isEqualTo(OVERLAY);
    }

    @Test
    void anObsWithoutBrowserSourceIsToldAsWhatToInstall() {
        obs.withoutBrowserSource();

        ObsException failure = failure(obs.settings());

        assertThat(failure.getMessage()).isEqualTo(
                "This OBS has no Browser Source: install OBS from obsproject.com or Flathub.");
        assertThat(failure.statusCode()).isEqualTo(605);
        assertThat(obs.requests("CreateInput")).hasSize(1);
        assertThat(obs.inputNames()).isEmpty();
    }

    @Test
    void leavesOtherLocalOverlaysAlone() throws Exception {
        obs.browserSource("One sponsor", "http://127.0.0.1:17730/overlay/0123abcd", "Scene");
        obs.browserSource("Fresh", null, "Scene");

        AddToObsResult result = add(obs.settings());

        assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(obs.findInput("One sponsor").orElseThrow().settings.get("url").getAsString())
                .isEqualTo("http://127.0.0.1:17730/overlay/0123abcd");
        assertThat(obs.requests("GetInputSettings")).hasSize(2);
    }

    @Test
    void worksWithObsBeforeSceneUuids() throws Exception {
        obs.withoutSceneUuids();
        obs.scene("Gaming");
        obs.programScene("Gaming");

        AddToObsResult result = add(obs.settings());

        assertThat(result.sceneName()).isEqualTo("Gaming");
        JsonObject create = obs.requests("CreateInput").get(0);
        assertThat(create.get("sceneName").getAsString()).isEqualTo("Gaming");
        assertThat(create.has("sceneUuid")).isFalse();
    }

    @Test
    void aRefusedStepSaysWhatFailedAndObsReason() {
        obs.refuse("CreateInput", 700, "Creation of the input or scene item failed.");

        ObsException e = failure(obs.settings());

        assertThat(e.reason()).isEqualTo(Reason.REQUEST_FAILED);
        assertThat(e.statusCode()).isEqualTo(700);
        assertThat(e.getMessage()).isEqualTo("OBS could not create the Browser Source \"GameTriggers Overlay\":"
                + " Creation of the input or scene item failed (code 700).");
    }

    @Test
    void obsClosingMidwayFailsFastWithASentence() {
        obs.browserSource("Alerts", "https://streamlabs.com/alert-box/v3/abc", "Scene");
        obs.closeOn("GetInputSettings", 1001);

        ObsException e = failure(new ObsConnectionSettings(obs.settings().host(), obs.port()));

        assertThat(e.reason()).isEqualTo(Reason.CONNECTION_LOST);
        assertThat(e.getMessage()).startsWith("The connection to OBS ended before it answered (GetInputSettings)");
        assertThat(obs.requests("CreateInput")).isEmpty();
    }

    @Test
    void obsTooSlowToAnswerIsATimeout() {
        obs.silentOn("GetInputList");

        ObsException e = assertTimeoutPreemptively(FAST, () -> catchThrowableOfType(ObsException.class,
                () -> new AddToObs(HTTP, obs.settings(), Duration.ofMillis(300)).addOverlay(OVERLAY)));

        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.getMessage()).contains("OBS did not answer within 300 ms");
    }

    @Test
    void nothingListeningSaysObsIsNotRunning() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }

        ObsException e = failure(new ObsConnectionSettings("127.0.0.1", port));

        assertThat(e.reason()).isEqualTo(Reason.NOT_REACHABLE);
        assertThat(e.getMessage()).startsWith("OBS is not running or its WebSocket server is off"
                + " (Tools -> WebSocket Server Settings)");
    }

    @Test
    void aCanvasLargerThanABrowserSourceCanBeIsCapped() throws Exception {
        obs.canvas(10_240, 4320);

        AddToObsResult result = add(obs.settings());

        assertThat(result.width()).isEqualTo(8192);
        assertThat(result.height()).isEqualTo(4320);
    }

    private static JsonObject expectedSettings(int width, int height) {
        JsonObject settings = new JsonObject();
        settings.addProperty("url", OVERLAY);
        settings.addProperty("width", width);
        settings.addProperty("height", height);
        settings.addProperty("shutdown", false);
        settings.addProperty("restart_when_active", false);
        return settings;
    }
}
