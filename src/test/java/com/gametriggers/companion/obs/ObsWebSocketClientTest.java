package com.gametriggers.companion.obs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.obs.ObsException.Reason;
import com.google.gson.JsonObject;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

class ObsWebSocketClientTest {

    private static final OkHttpClient HTTP = new OkHttpClient();
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Every failure must arrive well before a test would seem to hang. */
    private static final Duration FAST = Duration.ofSeconds(3);
    private static final String PASSWORD = "hunter2-obs-password";

    /** Logback's ListAppender is not safe to read while OkHttp's threads log. */
    static final class RecordingAppender extends AppenderBase<ILoggingEvent> {
        final List<ILoggingEvent> list = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            list.add(event);
        }
    }

    private final RecordingAppender logs = new RecordingAppender();
    private final Logger obsLog = (Logger) LoggerFactory.getLogger("com.gametriggers.companion.obs");
    private FakeObs obs;

    @BeforeEach
    void start() throws IOException {
        logs.start();
        obsLog.addAppender(logs);
        obs = new FakeObs();
    }

    @AfterEach
    void stop() {
        obs.close();
        obsLog.detachAppender(logs);
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(line -> line.contains(PASSWORD));
    }

    private ObsWebSocketClient connect(ObsConnectionSettings settings) throws ObsException {
        return ObsWebSocketClient.connect(HTTP, settings, TIMEOUT);
    }

    @Test
    void answersTheChallengeWithTheProtocolsFormula() throws Exception {
        obs.password(PASSWORD);
        try (ObsWebSocketClient client = connect(obs.settings().withPassword(PASSWORD))) {
            assertThat(client.negotiatedRpcVersion()).isEqualTo(1);
            JsonObject identify = obs.identify().orElseThrow();
            assertThat(identify.get("rpcVersion").getAsInt()).isEqualTo(1);
            assertThat(identify.get("authentication").getAsString())
                    .isEqualTo(FakeObs.expectedAuthentication(PASSWORD, FakeObs.SALT, FakeObs.CHALLENGE))
                    .doesNotContain(PASSWORD);
            assertThat(client.call("GetVersion", null).get("obsWebSocketVersion").getAsString()).isEqualTo("5.5.4");
        }
    }

    @Test
    void aWrongPasswordIsTheSentenceForCloseCode4009() {
        obs.password(PASSWORD);
        ObsException e = assertTimeoutPreemptively(FAST, () -> catchThrowableOfType(ObsException.class,
                () -> connect(obs.settings().withPassword("not-" + PASSWORD))));
        assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSWORD);
        assertThat(e.getMessage()).isEqualTo("OBS refused the WebSocket password: copy it again from OBS"
                + " (Tools -> WebSocket Server Settings -> Show Connect Info).");
        assertThat(obs.identify()).isPresent();
    }

    @Test
    void aPasswordNeededButNotSetFailsBeforeIdentifying() {
        obs.password(PASSWORD);
        ObsException e = assertTimeoutPreemptively(FAST, () -> catchThrowableOfType(ObsException.class,
                () -> connect(obs.settings())));
        assertThat(e.reason()).isEqualTo(Reason.PASSWORD_REQUIRED);
        assertThat(e.getMessage()).contains("OBS asks for a WebSocket password and none is set");
        assertThat(obs.receivedOps()).doesNotContain(1);
    }

    @Test
    void withoutAuthenticationIdentifiesWithoutAnAnswer() throws Exception {
        try (ObsWebSocketClient client = connect(obs.settings().withPassword(PASSWORD))) {
            JsonObject identify = obs.identify().orElseThrow();
            assertThat(identify.has("authentication")).isFalse();
            assertThat(identify.get("rpcVersion").getAsInt()).isEqualTo(1);
            assertThat(identify.get("eventSubscriptions").getAsInt()).isEqualTo(ObsWebSocketClient.ALL_EVENTS);
            assertThat(client.call("GetVideoSettings", null).get("baseWidth").getAsInt()).isEqualTo(1920);
        }
    }

    @Test
    void answersAreMatchedToRequestsByTheirId() throws Exception {
        obs.canvas(2560, 1440).answerInReverse(2);
        try (ObsWebSocketClient client = connect(obs.settings())) {
            CompletableFuture<JsonObject> video = client.request("GetVideoSettings", null);
            CompletableFuture<JsonObject> scene = client.request("GetCurrentProgramScene", null);
            assertThat(scene.get().get("sceneName").getAsString()).isEqualTo("Scene");
            assertThat(video.get().get("baseWidth").getAsInt()).isEqualTo(2560);
            List<String> ids = obs.received().stream().filter(m -> m.get("op").getAsInt() == 6)
                    .map(m -> m.getAsJsonObject("d").get("requestId").getAsString()).toList();
            assertThat(ids).hasSize(2).doesNotHaveDuplicates();
        }
    }

    @Test
    void eventsReachTheListeners() throws Exception {
        List<ObsEvent> events = new CopyOnWriteArrayList<>();
        try (ObsWebSocketClient client = connect(obs.settings())) {
            client.addListener(events::add);
            client.addListener(event -> {
                throw new IllegalStateException("a broken listener does not stop the others");
            });
            JsonObject data = new JsonObject();
            data.addProperty("eventType", "CurrentProgramSceneChanged");
            data.addProperty("eventIntent", 4);
            JsonObject eventData = new JsonObject();
            eventData.addProperty("sceneName", "Gaming");
            data.add("eventData", eventData);
            obs.connection(0).send(5, data);
            obs.connection(0).send(5, data);
            await().atMost(FAST).until(() -> events.size() == 2);
            assertThat(events.get(0).type()).isEqualTo("CurrentProgramSceneChanged");
            assertThat(events.get(0).intent()).isEqualTo(4);
            assertThat(events.get(0).data().get("sceneName").getAsString()).isEqualTo("Gaming");
        }
    }

    @Test
    void obsClosingMidRequestFailsEveryWaitingRequestAtOnce() throws Exception {
        obs.silentOn("GetVideoSettings").closeOn("GetInputList", 1001);
        try (ObsWebSocketClient client = ObsWebSocketClient.connect(HTTP, obs.settings(), Duration.ofSeconds(30))) {
            CompletableFuture<JsonObject> waiting = client.request("GetVideoSettings", null);
            ObsException e = assertTimeoutPreemptively(FAST, () -> catchThrowableOfType(ObsException.class,
                    () -> client.call("GetInputList", null)));
            assertThat(e.reason()).isEqualTo(Reason.CONNECTION_LOST);
            assertThat(e.getMessage()).isEqualTo("The connection to OBS ended before it answered (GetInputList):"
                    + " OBS closed the connection (code 1001: OBS is shutting down).");
            assertTimeoutPreemptively(FAST, () -> assertThatThrownBy(waiting::get)
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ObsException.class)
                    .hasMessageContaining("before it answered (GetVideoSettings)"));
            assertThat(catchThrowableOfType(ObsException.class, () -> client.call("GetVersion", null)).reason())
                    .isEqualTo(Reason.CONNECTION_LOST);
        }
    }

    @Test
    void aConnectionCutWithoutACloseFrameFailsFast() throws Exception {
        try (CrashingObs crashing = new CrashingObs();
             ObsWebSocketClient client = ObsWebSocketClient.connect(HTTP, crashing.settings(), Duration.ofSeconds(30))) {
            ObsException e = assertTimeoutPreemptively(FAST, () -> catchThrowableOfType(ObsException.class,
                    () -> client.call("GetInputList", null)));
            assertThat(e.reason()).isEqualTo(Reason.CONNECTION_LOST);
            assertThat(e.getMessage()).startsWith("The connection to OBS ended before it answered (GetInputList): ")
                    .contains("did OBS quit");
        }
    }

    @Test
    void aRequestWithoutAnswerTimesOut() throws Exception {
        obs.silentOn("GetVideoSettings");
        try (ObsWebSocketClient client =
                     ObsWebSocketClient.connect(HTTP, obs.settings(), Duration.ofMillis(300))) {
            ObsException e = assertTimeoutPreemptively(FAST, () -> catchThrowableOfType(ObsException.class,
                    () -> client.call("GetVideoSettings", null)));
            assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
            assertThat(e.getMessage()).isEqualTo("OBS did not answer within 300 ms (GetVideoSettings): it may be busy;"
                    + " try again.");
            CompletableFuture<JsonObject> unanswered = client.request("GetVideoSettings", null);
            assertTimeoutPreemptively(Duration.ofMillis(1000), () -> assertThatThrownBy(unanswered::get)
                    .cause().isInstanceOf(ObsException.class).hasMessageContaining("did not answer within 300 ms"));
            assertThat(client.call("GetVersion", null).has("obsWebSocketVersion")).isTrue();
        }
    }

    @Test
    void aRefusedRequestCarriesObsReason() throws Exception {
        obs.refuse("GetVersion", 702, "Something went wrong.");
        try (ObsWebSocketClient client = connect(obs.settings())) {
            ObsException e = catchThrowableOfType(ObsException.class, () -> client.call("GetVersion", null));
            assertThat(e.reason()).isEqualTo(Reason.REQUEST_FAILED);
            assertThat(e.statusCode()).isEqualTo(702);
            assertThat(e.obsComment()).isEqualTo("Something went wrong");
            assertThat(e.getMessage()).isEqualTo("OBS refused GetVersion: Something went wrong (code 702).");
        }
    }

    @Test
    void nothingListeningMeansObsIsNotRunning() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ObsException e = assertTimeoutPreemptively(FAST, () -> catchThrowableOfType(ObsException.class,
                () -> connect(new ObsConnectionSettings("127.0.0.1", port))));
        assertThat(e.reason()).isEqualTo(Reason.NOT_REACHABLE);
        assertThat(e.getMessage()).isEqualTo("OBS is not running or its WebSocket server is off"
                + " (Tools -> WebSocket Server Settings): nothing answers on 127.0.0.1:" + port + ".");
    }

    @Test
    void aHostThatIsNoAddressIsSaidSo() {
        ObsException e = catchThrowableOfType(ObsException.class,
                () -> connect(new ObsConnectionSettings("obs..pc", 4455)));
        assertThat(e.reason()).isEqualTo(Reason.NOT_REACHABLE);
        assertThat(e.getMessage()).isEqualTo("The OBS address \"obs..pc\" is not known on this network: check the"
                + " host in the app's OBS settings.");
    }

    @Test
    void anHttpServerOnThePortIsNotObs() throws Exception {
        try (MockWebServer web = new MockWebServer()) {
            web.enqueue(new MockResponse.Builder().code(404).build());
            web.start();
            ObsException e = assertTimeoutPreemptively(FAST, () -> catchThrowableOfType(ObsException.class,
                    () -> connect(new ObsConnectionSettings(web.getHostName(), web.getPort()))));
            assertThat(e.reason()).isEqualTo(Reason.NOT_OBS);
            assertThat(e.getMessage()).contains("Something other than OBS's WebSocket server answers", "HTTP 404");
        }
    }

    @Test
    void anUnsupportedRpcVersionSaysToUpdateObs() throws Exception {
        try (MockWebServer web = webSocketServer(new WebSocketListener() {
            @Override
            public void onMessage(WebSocket webSocket, String text) {
                webSocket.close(4010, "Unsupported rpc version");
            }

            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                webSocket.send("{\"op\":0,\"d\":{\"obsWebSocketVersion\":\"9.0.0\",\"rpcVersion\":2}}");
            }
        })) {
            ObsException e = assertTimeoutPreemptively(FAST, () -> catchThrowableOfType(ObsException.class,
                    () -> connect(new ObsConnectionSettings(web.getHostName(), web.getPort()))));
            assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
            assertThat(e.getMessage()).contains("update OBS to version 28 or newer");
        }
    }

    @Test
    void aWebSocketThatNeverSaysHelloTimesOut() throws Exception {
        try (MockWebServer web = webSocketServer(new WebSocketListener() {
        })) {
            ObsException e = assertTimeoutPreemptively(FAST, () -> catchThrowableOfType(ObsException.class,
                    () -> ObsWebSocketClient.connect(HTTP, new ObsConnectionSettings(web.getHostName(), web.getPort()),
                            Duration.ofMillis(300))));
            assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
            assertThat(e.getMessage()).contains("did not complete OBS's WebSocket handshake within 300 ms",
                    "OBS 28 or newer");
        }
    }

    private static MockWebServer webSocketServer(WebSocketListener listener) throws IOException {
        MockWebServer web = new MockWebServer();
        web.enqueue(new MockResponse.Builder().webSocketUpgrade(listener).build());
        web.start();
        return web;
    }
}
