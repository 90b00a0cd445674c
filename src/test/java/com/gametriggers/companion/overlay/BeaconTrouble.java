package com.gametriggers.companion.overlay;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openqa.selenium.chrome.ChromeDriver;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Breaks the page's beacons in the browser, with the DevTools Fetch domain: either the request never leaves (the
 * server counts nothing), or it reaches the server and its response is lost (the server counted, the page does not
 * know). The page must resend in both cases, with the same ticket.
 *
 * <p>It speaks the DevTools protocol over its own WebSocket: Selenium 4.38 has no DevTools implementation for
 * Chromium 156 (it falls back to a no-op one), and chromedriver's executeCdpCommand cannot deliver events.
 */
final class BeaconTrouble implements AutoCloseable {

    enum Mode { PASS, FAIL_REQUESTS, LOSE_RESPONSES }

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

    private final ExecutorService answers = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "beacon-trouble");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Integer, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger failedRequests = new AtomicInteger();
    private final AtomicInteger lostResponses = new AtomicInteger();
    private final Object sending = new Object();
    private final WebSocket socket;
    private final String session;
    private volatile Mode mode = Mode.PASS;

    /** Attaches to the browser's tab showing a page whose address starts with {@code pageUrlPrefix}. */
    BeaconTrouble(ChromeDriver driver, String pageUrlPrefix) {
        Object endpoint = driver.getCapabilities().getCapability("se:cdp");
        if (endpoint == null) {
            throw new IllegalStateException("chromedriver gave no DevTools address (se:cdp)");
        }
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(endpoint.toString()), new Listener())
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
        JsonArray targets = call(null, "Target.getTargets", new JsonObject()).getAsJsonArray("targetInfos");
        String targetId = null;
        for (JsonElement target : targets) {
            JsonObject info = target.getAsJsonObject();
            if (info.get("type").getAsString().equals("page") && info.get("url").getAsString().startsWith(pageUrlPrefix)) {
                targetId = info.get("targetId").getAsString();
            }
        }
        if (targetId == null) {
            throw new IllegalStateException("No tab shows " + pageUrlPrefix + ": " + targets);
        }
        JsonObject attach = new JsonObject();
        attach.addProperty("targetId", targetId);
        attach.addProperty("flatten", true);
        session = call(null, "Target.attachToTarget", attach).get("sessionId").getAsString();
    }

    /** What happens to beacons from now on. */
    void mode(Mode newMode) {
        mode = newMode;
        if (newMode == Mode.PASS) {
            call(session, "Fetch.disable", new JsonObject());
            return;
        }
        JsonObject pattern = new JsonObject();
        pattern.addProperty("urlPattern", "*/beacon");
        pattern.addProperty("requestStage", newMode == Mode.FAIL_REQUESTS ? "Request" : "Response");
        JsonArray patterns = new JsonArray();
        patterns.add(pattern);
        JsonObject params = new JsonObject();
        params.add("patterns", patterns);
        call(session, "Fetch.enable", params);
    }

    /** Beacons stopped before they reached the server. */
    int failedRequests() {
        return failedRequests.get();
    }

    /** Beacons the server answered, whose answer the page never got. */
    int lostResponses() {
        return lostResponses.get();
    }

    private void paused(JsonObject params) {
        String requestId = params.get("requestId").getAsString();
        boolean atResponse = params.has("responseStatusCode") || params.has("responseErrorReason");
        JsonObject answer = new JsonObject();
        answer.addProperty("requestId", requestId);
        Mode now = mode;
        try {
            if ((now == Mode.FAIL_REQUESTS && !atResponse) || (now == Mode.LOSE_RESPONSES && atResponse)) {
                answer.addProperty("errorReason", "ConnectionReset");
                call(session, "Fetch.failRequest", answer);
                (atResponse ? lostResponses : failedRequests).incrementAndGet();
            } else {
                call(session, atResponse ? "Fetch.continueResponse" : "Fetch.continueRequest", answer);
            }
        } catch (RuntimeException e) {
            System.err.println("beacon-trouble could not answer a paused request: " + e);
        }
    }

    private JsonObject call(String sessionId, String method, JsonObject params) {
        int id = ids.incrementAndGet();
        JsonObject message = new JsonObject();
        message.addProperty("id", id);
        message.addProperty("method", method);
        message.add("params", params);
        if (sessionId != null) {
            message.addProperty("sessionId", sessionId);
        }
        CompletableFuture<JsonObject> reply = new CompletableFuture<>();
        waiting.put(id, reply);
        try {
            synchronized (sending) {
                socket.sendText(message.toString(), true).get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            JsonObject answer = reply.get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (answer.has("error")) {
                throw new IllegalStateException(method + " failed: " + answer.get("error"));
            }
            return answer.has("result") ? answer.getAsJsonObject("result") : new JsonObject();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(method + " got no answer", e);
        } finally {
            waiting.remove(id);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                JsonObject message = JsonParser.parseString(text.toString()).getAsJsonObject();
                text.setLength(0);
                if (message.has("id")) {
                    CompletableFuture<JsonObject> reply = waiting.get(message.get("id").getAsInt());
                    if (reply != null) {
                        reply.complete(message);
                    }
                } else if ("Fetch.requestPaused".equals(message.has("method") ? message.get("method").getAsString() : null)) {
                    // Answered on another thread: this one must go on reading the answers.
                    JsonObject params = message.getAsJsonObject("params");
                    answers.execute(() -> paused(params));
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        try {
            mode(Mode.PASS);
        } catch (RuntimeException ignored) {
            // the browser may be gone already
        }
        answers.shutdownNow();
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null);
    }
}
