package com.gametriggers.companion.obs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * obs-websocket v5 as far as "Add to OBS" needs it, over a real local WebSocket: Hello with an authentication
 * challenge when a password is set (checked against the protocol's formula, computed here independently), Identify,
 * Identified, and the requests, answered from scenes and inputs held in memory. It records every message it receives,
 * so tests assert on what the client really sent. Hooks make it close, stay silent or refuse;
 * {@link CrashingObs} drops the connection without a close frame.
 */
public final class FakeObs implements AutoCloseable {

    static final String SALT = "lM1GncleQOaCu9lT1yeUZhFYnqhsLLP1G5lAGo3ixaI=";
    static final String CHALLENGE = "+IxH4CnCiqpX1rM9scsNynZzbOe4KhDeYcTNS3PDaeY=";

    static final class Input {
        final String name;
        final String kind;
        JsonObject settings;

        Input(String name, String kind, JsonObject settings) {
            this.name = name;
            this.kind = kind;
            this.settings = settings;
        }
    }

    static final class SceneItem {
        final int id;
        final String sourceName;
        boolean enabled;

        SceneItem(int id, String sourceName, boolean enabled) {
            this.id = id;
            this.sourceName = sourceName;
            this.enabled = enabled;
        }
    }

    static final class Scene {
        final String name;
        final String uuid;
        final List<SceneItem> items = new ArrayList<>();

        Scene(String name, String uuid) {
            this.name = name;
            this.uuid = uuid;
        }
    }

    private record Refusal(int code, String comment) {
    }

    private final MockWebServer server = new MockWebServer();
    private final List<JsonObject> received = new CopyOnWriteArrayList<>();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final Map<String, Input> inputs = new LinkedHashMap<>();
    private final Map<String, Scene> scenes = new LinkedHashMap<>();
    private final Map<String, Integer> closeOn = new LinkedHashMap<>();
    private final List<String> silentOn = new ArrayList<>();
    private final Map<String, Refusal> refusals = new LinkedHashMap<>();
    /** What CreateInput accepts; a build without obs-browser lacks {@code browser_source}. */
    private final Set<String> inputKinds = new HashSet<>(Set.of("browser_source", "image_source", "color_source_v3",
            "text_ft2_source_v2", "ffmpeg_source"));
    private volatile String password;
    private volatile boolean sceneUuids = true;
    private volatile int answersToReverse;
    private int canvasWidth = 1920;
    private int canvasHeight = 1080;
    private String programScene;
    private int nextItemId = 1;

    public FakeObs() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().webSocketUpgrade(new Connection()).build();
            }
        });
        server.start();
        scene("Scene");
    }

    int port() {
        return server.getPort();
    }

    public ObsConnectionSettings settings() {
        return new ObsConnectionSettings(server.getHostName(), port());
    }

    public FakeObs password(String value) {
        password = value;
        return this;
    }

    public synchronized FakeObs canvas(int width, int height) {
        canvasWidth = width;
        canvasHeight = height;
        return this;
    }

    /** As obs-websocket before 5.3: scenes by name only, {@code currentProgramSceneName} only. */
    FakeObs withoutSceneUuids() {
        sceneUuids = false;
        return this;
    }

    /** As Debian's and Ubuntu's own obs-studio packages: built without obs-browser, so no Browser Source. */
    synchronized FakeObs withoutBrowserSource() {
        inputKinds.remove("browser_source");
        return this;
    }

    /** Adds a scene; the first one is on air. */
    synchronized Scene scene(String name) {
        Scene scene = new Scene(name, "uuid-" + name.toLowerCase().replace(' ', '-'));
        scenes.put(name, scene);
        if (programScene == null) {
            programScene = name;
        }
        return scene;
    }

    synchronized FakeObs programScene(String name) {
        programScene = name;
        return this;
    }

    /** An input placed in {@code sceneName} (or in no scene when null). */
    synchronized Input input(String name, String kind, JsonObject settings, String sceneName, boolean enabled) {
        Input input = new Input(name, kind, settings);
        inputs.put(name, input);
        if (sceneName != null) {
            scenes.get(sceneName).items.add(new SceneItem(nextItemId++, name, enabled));
        }
        return input;
    }

    synchronized Input browserSource(String name, String url, String sceneName) {
        JsonObject settings = new JsonObject();
        if (url != null) {
            settings.addProperty("url", url);
        }
        settings.addProperty("css", "body { color: red; }");
        return input(name, "browser_source", settings, sceneName, true);
    }

    synchronized Optional<Input> findInput(String name) {
        return Optional.ofNullable(inputs.get(name));
    }

    public synchronized List<String> inputNames() {
        return List.copyOf(inputs.keySet());
    }

    synchronized List<SceneItem> items(String sceneName) {
        return List.copyOf(scenes.get(sceneName).items);
    }

    /** Closes the socket with this code instead of answering the request. */
    synchronized FakeObs closeOn(String requestType, int code) {
        closeOn.put(requestType, code);
        return this;
    }

    synchronized FakeObs silentOn(String requestType) {
        silentOn.add(requestType);
        return this;
    }

    synchronized FakeObs refuse(String requestType, int code, String comment) {
        refusals.put(requestType, new Refusal(code, comment));
        return this;
    }

    /** Holds the next {@code count} answers and sends them in reverse order. */
    FakeObs answerInReverse(int count) {
        answersToReverse = count;
        return this;
    }

    List<JsonObject> received() {
        return List.copyOf(received);
    }

    List<Integer> receivedOps() {
        return received.stream().map(m -> m.get("op").getAsInt()).toList();
    }

    Optional<JsonObject> identify() {
        return received.stream().filter(m -> m.get("op").getAsInt() == 1).map(m -> m.getAsJsonObject("d")).findFirst();
    }

    List<String> requestTypes() {
        return received.stream().filter(m -> m.get("op").getAsInt() == 6)
                .map(m -> m.getAsJsonObject("d").get("requestType").getAsString()).toList();
    }

    /** The {@code requestData} of every request of this type, in order. */
    public List<JsonObject> requests(String requestType) {
        return received.stream().filter(m -> m.get("op").getAsInt() == 6)
                .map(m -> m.getAsJsonObject("d"))
                .filter(d -> d.get("requestType").getAsString().equals(requestType))
                .map(d -> d.has("requestData") ? d.getAsJsonObject("requestData") : new JsonObject())
                .toList();
    }

    Connection connection(int index) {
        return connections.get(index);
    }

    int connectionCount() {
        return connections.size();
    }

    @Override
    public void close() {
        // A server-side OkHttp WebSocket cannot be cancelled, only closed with a frame.
        connections.forEach(c -> c.socket.close(1001, "going away"));
        server.close();
    }

    /** The protocol's formula, written out here on its own so the client's version is checked, not trusted. */
    static String expectedAuthentication(String password, String salt, String challenge) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] secretHash = sha256.digest((password + salt).getBytes(StandardCharsets.UTF_8));
            String secret = Base64.getEncoder().encodeToString(secretHash);
            byte[] answer = MessageDigest.getInstance("SHA-256")
                    .digest((secret + challenge).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(answer);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    final class Connection extends WebSocketListener {

        private volatile WebSocket socket;
        private volatile boolean identified;
        private final List<String> heldAnswers = new ArrayList<>();

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            socket = webSocket;
            connections.add(this);
            JsonObject hello = new JsonObject();
            hello.addProperty("obsWebSocketVersion", "5.5.4");
            hello.addProperty("rpcVersion", 1);
            if (password != null) {
                JsonObject authentication = new JsonObject();
                authentication.addProperty("challenge", CHALLENGE);
                authentication.addProperty("salt", SALT);
                hello.add("authentication", authentication);
            }
            webSocket.send(message(0, hello));
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            JsonObject message = JsonParser.parseString(text).getAsJsonObject();
            received.add(message);
            JsonObject d = message.getAsJsonObject("d");
            switch (message.get("op").getAsInt()) {
                case 1 -> identify(webSocket, d);
                case 6 -> {
                    if (!identified) {
                        webSocket.close(4007, "Not identified");
                    } else {
                        request(webSocket, d);
                    }
                }
                default -> webSocket.close(4006, "Unknown op");
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
        }

        /** Sends a raw message, such as an event. */
        void send(int op, JsonObject data) {
            socket.send(message(op, data));
        }

        private void identify(WebSocket webSocket, JsonObject d) {
            if (d.get("rpcVersion").getAsInt() != 1) {
                webSocket.close(4010, "Unsupported rpc version");
                return;
            }
            if (password != null) {
                String expected = expectedAuthentication(password, SALT, CHALLENGE);
                if (!d.has("authentication") || !d.get("authentication").getAsString().equals(expected)) {
                    webSocket.close(4009, "Authentication failed.");
                    return;
                }
            }
            identified = true;
            JsonObject identifiedData = new JsonObject();
            identifiedData.addProperty("negotiatedRpcVersion", 1);
            webSocket.send(message(2, identifiedData));
        }

        private void request(WebSocket webSocket, JsonObject d) {
            String type = d.get("requestType").getAsString();
            JsonObject data = d.has("requestData") ? d.getAsJsonObject("requestData") : new JsonObject();
            JsonObject status = new JsonObject();
            JsonObject response;
            synchronized (FakeObs.this) {
                if (closeOn.containsKey(type)) {
                    webSocket.close(closeOn.get(type), "OBS is shutting down");
                    return;
                }
                if (silentOn.contains(type)) {
                    return;
                }
                try {
                    Refusal refusal = refusals.get(type);
                    if (refusal != null) {
                        throw new Refused(refusal.code(), refusal.comment());
                    }
                    response = answer(type, data);
                    status.addProperty("result", true);
                    status.addProperty("code", 100);
                } catch (Refused e) {
                    response = null;
                    status.addProperty("result", false);
                    status.addProperty("code", e.code);
                    status.addProperty("comment", e.getMessage());
                }
            }
            JsonObject reply = new JsonObject();
            reply.addProperty("requestType", type);
            reply.addProperty("requestId", d.get("requestId").getAsString());
            reply.add("requestStatus", status);
            if (response != null) {
                reply.add("responseData", response);
            }
            String text = message(7, reply);
            synchronized (heldAnswers) {
                if (answersToReverse > 0) {
                    heldAnswers.add(0, text);
                    if (heldAnswers.size() < answersToReverse) {
                        return;
                    }
                    answersToReverse = 0;
                    heldAnswers.forEach(webSocket::send);
                    heldAnswers.clear();
                    return;
                }
            }
            webSocket.send(text);
        }
    }

    private static final class Refused extends Exception {
        final int code;

        Refused(int code, String comment) {
            super(comment);
            this.code = code;
        }
    }

    /** Called with the FakeObs lock held. */
    private JsonObject answer(String type, JsonObject data) throws Refused {
        JsonObject out = new JsonObject();
        switch (type) {
            case "GetVersion" -> out.addProperty("obsWebSocketVersion", "5.5.4");
            case "GetVideoSettings" -> {
                out.addProperty("baseWidth", canvasWidth);
                out.addProperty("baseHeight", canvasHeight);
                out.addProperty("outputWidth", 1280);
                out.addProperty("outputHeight", 720);
                out.addProperty("fpsNumerator", 60);
                out.addProperty("fpsDenominator", 1);
            }
            case "GetCurrentProgramScene" -> {
                Scene scene = scenes.get(programScene);
                out.addProperty("currentProgramSceneName", scene.name);
                if (sceneUuids) {
                    out.addProperty("currentProgramSceneUuid", scene.uuid);
                    out.addProperty("sceneName", scene.name);
                    out.addProperty("sceneUuid", scene.uuid);
                }
            }
            case "GetInputList" -> {
                String kind = data.has("inputKind") ? data.get("inputKind").getAsString() : null;
                JsonArray list = new JsonArray();
                for (Input input : inputs.values()) {
                    if (kind == null || kind.equals(input.kind)) {
                        JsonObject entry = new JsonObject();
                        entry.addProperty("inputName", input.name);
                        entry.addProperty("inputKind", input.kind);
                        entry.addProperty("unversionedInputKind", input.kind);
                        list.add(entry);
                    }
                }
                out.add("inputs", list);
            }
            case "GetInputSettings" -> {
                Input input = existingInput(data);
                out.add("inputSettings", input.settings.deepCopy());
                out.addProperty("inputKind", input.kind);
            }
            case "SetInputSettings" -> {
                Input input = existingInput(data);
                JsonObject update = data.getAsJsonObject("inputSettings");
                boolean overlay = !data.has("overlay") || data.get("overlay").getAsBoolean();
                JsonObject settings = overlay ? input.settings.deepCopy() : new JsonObject();
                update.entrySet().forEach(e -> settings.add(e.getKey(), e.getValue()));
                input.settings = settings;
            }
            case "GetSceneItemId" -> {
                Scene scene = existingScene(data);
                String source = data.get("sourceName").getAsString();
                SceneItem item = scene.items.stream().filter(i -> i.sourceName.equals(source)).findFirst()
                        .orElseThrow(() -> new Refused(600, "No scene items were found in the specified scene by"
                                + " that name or offset."));
                out.addProperty("sceneItemId", item.id);
            }
            case "GetSceneItemEnabled" -> out.addProperty("sceneItemEnabled", existingItem(data).enabled);
            case "SetSceneItemEnabled" -> existingItem(data).enabled = data.get("sceneItemEnabled").getAsBoolean();
            case "CreateSceneItem" -> {
                Scene scene = existingScene(data);
                String source = data.get("sourceName").getAsString();
                if (!inputs.containsKey(source)) {
                    throw new Refused(600, "No source was found by the name of `" + source + "`.");
                }
                SceneItem item = new SceneItem(nextItemId++, source,
                        !data.has("sceneItemEnabled") || data.get("sceneItemEnabled").getAsBoolean());
                scene.items.add(item);
                out.addProperty("sceneItemId", item.id);
            }
            case "CreateInput" -> {
                Scene scene = existingScene(data);
                String name = data.get("inputName").getAsString();
                if (inputs.containsKey(name) || scenes.containsKey(name)) {
                    throw new Refused(601, "A source already exists by that input name.");
                }
                // obs-websocket's own check and words (RequestHandler_Inputs.cpp, CreateInput).
                if (!inputKinds.contains(data.get("inputKind").getAsString())) {
                    throw new Refused(605, "Your specified input kind is not supported by OBS. Check that your "
                            + "specified kind is properly versioned and that any necessary plugins are loaded.");
                }
                JsonObject settings = data.has("inputSettings") ? data.getAsJsonObject("inputSettings").deepCopy()
                        : new JsonObject();
                inputs.put(name, new Input(name, data.get("inputKind").getAsString(), settings));
                SceneItem item = new SceneItem(nextItemId++, name,
                        !data.has("sceneItemEnabled") || data.get("sceneItemEnabled").getAsBoolean());
                scene.items.add(item);
                out.addProperty("inputUuid", "uuid-input-" + item.id);
                out.addProperty("sceneItemId", item.id);
            }
            default -> throw new Refused(204, "Your request type is not valid.");
        }
        return out;
    }

    private Input existingInput(JsonObject data) throws Refused {
        Input input = data.has("inputName") ? inputs.get(data.get("inputName").getAsString()) : null;
        if (input == null) {
            throw new Refused(600, "No source was found by the name of that input.");
        }
        return input;
    }

    private Scene existingScene(JsonObject data) throws Refused {
        if (sceneUuids && data.has("sceneUuid")) {
            String uuid = data.get("sceneUuid").getAsString();
            return scenes.values().stream().filter(s -> s.uuid.equals(uuid)).findFirst()
                    .orElseThrow(() -> new Refused(600, "No source was found by the UUID."));
        }
        if (!data.has("sceneName")) {
            throw new Refused(300, "Your request is missing the `sceneName` field.");
        }
        Scene scene = scenes.get(data.get("sceneName").getAsString());
        if (scene == null) {
            throw new Refused(600, "No source was found by the name of that scene.");
        }
        return scene;
    }

    private SceneItem existingItem(JsonObject data) throws Refused {
        Scene scene = existingScene(data);
        int id = data.get("sceneItemId").getAsInt();
        return scene.items.stream().filter(i -> i.id == id).findFirst()
                .orElseThrow(() -> new Refused(600, "No scene item was found."));
    }

    private static String message(int op, JsonObject data) {
        JsonObject message = new JsonObject();
        message.addProperty("op", op);
        message.add("d", data);
        return message.toString();
    }
}
