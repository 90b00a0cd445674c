package com.gametriggers.companion.obs;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * One identified session with obs-websocket v5 (OBS 28 and newer): Hello, Identify (answering the authentication
 * challenge when OBS sets one), Identified; then requests, each answered by the RequestResponse with its
 * {@code requestId}, and events for the listeners.
 *
 * <p>{@link #connect} and {@link #call} block the calling thread, which must not be the FX thread. Nothing waits
 * forever: a request fails after the timeout, and when the socket closes every waiting request fails at once with
 * a sentence saying why.
 */
public final class ObsWebSocketClient implements AutoCloseable {

    /** {@code EventSubscription::All}: every category except the high-volume events. */
    public static final int ALL_EVENTS = (1 << 10) - 1;
    public static final int NO_EVENTS = 0;

    static final int RPC_VERSION = 1;

    private static final Logger log = LoggerFactory.getLogger(ObsWebSocketClient.class);
    private static final int NORMAL_CLOSE = 1000;

    private static final int OP_HELLO = 0;
    private static final int OP_IDENTIFY = 1;
    private static final int OP_IDENTIFIED = 2;
    private static final int OP_EVENT = 5;
    private static final int OP_REQUEST = 6;
    private static final int OP_REQUEST_RESPONSE = 7;

    private final ObsConnectionSettings settings;
    private final Duration timeout;
    private final int eventSubscriptions;
    private final PendingRequests pending = new PendingRequests();
    private final CompletableFuture<Integer> identified = new CompletableFuture<>();
    private final List<ObsEventListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong requestIds = new AtomicLong();
    private volatile WebSocket socket;
    private volatile boolean opened;

    private ObsWebSocketClient(ObsConnectionSettings settings, Duration timeout, int eventSubscriptions) {
        this.settings = settings;
        this.timeout = timeout;
        this.eventSubscriptions = eventSubscriptions;
    }

    /** Connects with all ordinary events subscribed; see {@link #connect(OkHttpClient, ObsConnectionSettings, Duration, int)}. */
    public static ObsWebSocketClient connect(OkHttpClient http, ObsConnectionSettings settings, Duration timeout)
            throws ObsException {
        return connect(http, settings, timeout, ALL_EVENTS);
    }

    /**
     * Opens the socket and waits until OBS has identified the session.
     *
     * @param timeout            how long the handshake, and later each request, may take
     * @param eventSubscriptions an {@code EventSubscription} bit mask, such as {@link #ALL_EVENTS} or {@link #NO_EVENTS}
     * @throws ObsException with a sentence: OBS not running, wrong or missing password, not OBS, too old, too slow
     */
    public static ObsWebSocketClient connect(OkHttpClient http, ObsConnectionSettings settings, Duration timeout,
                                             int eventSubscriptions) throws ObsException {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout must be positive: " + timeout);
        }
        ObsWebSocketClient client = new ObsWebSocketClient(settings, timeout, eventSubscriptions);
        // OkHttp's default connect timeout is 10 s; a streamer waiting on a button should hear sooner.
        OkHttpClient bounded = http.newBuilder().connectTimeout(timeout).build();
        HttpUrl url;
        try {
            url = new HttpUrl.Builder().scheme("http").host(settings.host()).port(settings.port()).build();
        } catch (IllegalArgumentException e) {
            throw ObsFailures.unknownHost(settings.host(), e);
        }
        Request request = new Request.Builder().url(url)
                .header("Sec-WebSocket-Protocol", "obswebsocket.json")
                .build();
        client.socket = bounded.newWebSocket(request, client.new Listener());
        client.awaitIdentified();
        return client;
    }

    public void addListener(ObsEventListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ObsEventListener listener) {
        listeners.remove(listener);
    }

    /**
     * Sends a request (op 6). The future completes with OBS's {@code responseData} (an empty object when it sent
     * none), or fails with an {@link ObsException}: OBS refused it, did not answer within the timeout, or the
     * connection ended first.
     */
    public CompletableFuture<JsonObject> request(String requestType, JsonObject requestData) {
        String requestId = Long.toString(requestIds.incrementAndGet());
        CompletableFuture<JsonObject> answer = pending.open(requestId, requestType);
        if (answer.isDone()) {
            return answer;
        }
        JsonObject data = new JsonObject();
        data.addProperty("requestType", requestType);
        data.addProperty("requestId", requestId);
        if (requestData != null) {
            data.add("requestData", requestData);
        }
        if (!socket.send(message(OP_REQUEST, data))) {
            pending.fail(requestId, ObsFailures.lostDuring(requestType, ObsFailures.closedByApp()));
            return answer;
        }
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> pending.fail(requestId, ObsFailures.noAnswer(requestType, timeout)));
        return answer;
    }

    /** {@link #request}, waiting for the answer. */
    public JsonObject call(String requestType, JsonObject requestData) throws ObsException {
        CompletableFuture<JsonObject> answer = request(requestType, requestData);
        try {
            // The request's own timer fails it; the extra second only guards against a starved timer thread.
            return answer.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw asObsException(e.getCause());
        } catch (TimeoutException e) {
            throw ObsFailures.noAnswer(requestType, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ObsFailures.interrupted();
        }
    }

    /** The RPC version OBS agreed to. */
    public int negotiatedRpcVersion() {
        return identified.getNow(RPC_VERSION);
    }

    /** Ends the session; requests still waiting fail. */
    @Override
    public void close() {
        ended(ObsFailures.closedByApp());
        WebSocket current = socket;
        if (current != null) {
            current.close(NORMAL_CLOSE, null);
        }
    }

    private void awaitIdentified() throws ObsException {
        try {
            identified.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            ObsException why = ObsFailures.handshakeTimeout(settings.endpoint(), timeout);
            ended(why);
            socket.cancel();
            throw why;
        } catch (ExecutionException e) {
            socket.cancel();
            throw asObsException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended(ObsFailures.interrupted());
            socket.cancel();
            throw ObsFailures.interrupted();
        }
    }

    private void ended(ObsException why) {
        pending.end(why);
        identified.completeExceptionally(why);
    }

    private static ObsException asObsException(Throwable failure) {
        if (failure instanceof ObsException obs) {
            return obs;
        }
        return new ObsException(ObsException.Reason.CONNECTION_LOST, "Talking to OBS failed unexpectedly ("
                + failure.getClass().getSimpleName() + ").", failure);
    }

    private static String message(int op, JsonObject data) {
        JsonObject message = new JsonObject();
        message.addProperty("op", op);
        message.add("d", data);
        return message.toString();
    }

    private void hello(WebSocket webSocket, JsonObject data) {
        JsonObject identify = new JsonObject();
        identify.addProperty("rpcVersion", RPC_VERSION);
        identify.addProperty("eventSubscriptions", eventSubscriptions);
        if (data.has("authentication")) {
            if (settings.password().isEmpty()) {
                ended(ObsFailures.passwordRequired());
                webSocket.close(NORMAL_CLOSE, null);
                return;
            }
            JsonObject challenge = ObsJson.object(data, "authentication");
            identify.addProperty("authentication", ObsAuthentication.response(settings.password().get(),
                    nullToEmpty(ObsJson.string(challenge, "salt")), nullToEmpty(ObsJson.string(challenge, "challenge"))));
        }
        webSocket.send(message(OP_IDENTIFY, identify));
    }

    private void requestResponse(JsonObject data) {
        String requestId = ObsJson.string(data, "requestId");
        if (requestId == null) {
            return;
        }
        JsonObject status = ObsJson.object(data, "requestStatus");
        if (ObsJson.bool(status, "result", false)) {
            pending.answer(requestId, ObsJson.object(data, "responseData"));
        } else {
            pending.fail(requestId, ObsFailures.requestFailed(String.valueOf(ObsJson.string(data, "requestType")),
                    ObsJson.integer(status, "code", 0), ObsJson.string(status, "comment")));
        }
    }

    private void event(JsonObject data) {
        ObsEvent event = new ObsEvent(String.valueOf(ObsJson.string(data, "eventType")),
                ObsJson.integer(data, "eventIntent", 0), ObsJson.object(data, "eventData"));
        for (ObsEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("An OBS event listener failed on {}", event.type(), e);
            }
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private final class Listener extends WebSocketListener {

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            opened = true;
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            JsonObject message;
            try {
                JsonElement parsed = JsonParser.parseString(text);
                if (!parsed.isJsonObject()) {
                    return;
                }
                message = parsed.getAsJsonObject();
            } catch (JsonParseException e) {
                // The message is not logged: it may carry settings such as the overlay URL and its key.
                log.debug("Ignored a message from OBS that is not JSON");
                return;
            }
            JsonObject data = ObsJson.object(message, "d");
            switch (ObsJson.integer(message, "op", -1)) {
                case OP_HELLO -> hello(webSocket, data);
                case OP_IDENTIFIED -> identified.complete(ObsJson.integer(data, "negotiatedRpcVersion", RPC_VERSION));
                case OP_EVENT -> event(data);
                case OP_REQUEST_RESPONSE -> requestResponse(data);
                default -> { }
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            // Waiting requests fail now, at OBS's close frame, not when the close handshake finishes.
            ended(ObsFailures.closedByObs(code, reason));
            webSocket.close(NORMAL_CLOSE, null);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            ended(ObsFailures.closedByObs(code, reason));
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            ended(ObsFailures.failed(settings.endpoint(), settings.host(), t, response, opened));
        }
    }
}
