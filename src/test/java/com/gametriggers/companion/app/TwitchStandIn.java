package com.gametriggers.companion.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.gametriggers.companion.twitch.TwitchToken;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * id.twitch.tv and Helix for one channel, as the app uses them, with the test deciding every viewer count the app
 * hears: a stream-status poll is held until the test hands it a count ({@link #sample}), so the test knows when the
 * app's viewer count changed, and after a few seconds without one it is answered 503, which changes nothing in the
 * app. It validates tokens, and refreshes them as Twitch does for device-flow tokens: each refresh token works once,
 * and the pair it gives replaces the old one.
 */
final class TwitchStandIn implements AutoCloseable {

    static final String CLIENT_ID = "stream-day-client-id";
    static final String LOGIN = "streamer_day";
    static final String USER_ID = "4711";
    /** Shorter than the app's read timeout (OkHttp's default of 10 s), so a held poll is always answered. */
    private static final Duration HOLD = Duration.ofSeconds(5);

    /** What a held poll is answered with. */
    private record Answer(int code, String body) {
    }

    private static final Answer UNAVAILABLE = new Answer(503, "{\"status\":503,\"message\":\"stand-in: no count\"}");
    /** The channel as the disclosure check reads it: a title that discloses the sponsors, so the day has no warning. */
    private static final String DISCLOSED = "{\"data\":[{\"broadcaster_id\":\"" + USER_ID + "\",\"broadcaster_login\":\""
            + LOGIN + "\",\"title\":\"Stream day #ad\",\"is_branded_content\":false}]}";
    private static final Answer UNAUTHORIZED = new Answer(401, "{\"status\":401,\"message\":\"invalid access token\"}");

    private final MockWebServer server = new MockWebServer();
    private final Instant startedAt;
    private final ConcurrentLinkedQueue<CompletableFuture<Answer>> heldPolls = new ConcurrentLinkedQueue<>();
    private final List<Map<String, String>> refreshes = new CopyOnWriteArrayList<>();
    private final AtomicInteger generation = new AtomicInteger(1);
    private volatile String accessToken = token("access", 1);
    private volatile String refreshToken = token("refresh", 1);
    /** Whether {@link #accessToken} has expired; a refresh gives a fresh one. */
    private volatile boolean expired;

    /** @param startedAt when the stream started, from the test's clock */
    TwitchStandIn(Instant startedAt) throws IOException {
        this.startedAt = startedAt;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return answer(request);
            }
        });
        server.start();
    }

    /** Where the app finds this stand-in: {@code --twitch-base-url}. */
    String baseUrl() {
        return server.url("/").toString();
    }

    /** The sign-in the app starts with, as {@code --twitch-login} would have saved it. */
    TwitchToken signIn(Instant now) {
        return new TwitchToken(accessToken, refreshToken, LOGIN, USER_ID, TwitchSignIn.SCOPES, now.plus(Duration.ofHours(4)));
    }

    String accessToken() {
        return accessToken;
    }

    String refreshToken() {
        return refreshToken;
    }

    /**
     * Twitch stops accepting the access token (it expired); the refresh token still works. A poll held now is
     * answered 503, so the app's next one meets the expiry.
     */
    void expireAccessToken() {
        expired = true;
        dropHeldPolls();
    }

    /** The form bodies of every refresh the app asked for. */
    List<Map<String, String>> refreshes() {
        return List.copyOf(refreshes);
    }

    /**
     * Answers a stream-status poll the app is waiting on, or the next one within {@code wait}, with the stream live and
     * {@code viewers} watching.
     *
     * @return whether the app got the count; false when no poll came in time
     */
    boolean sample(long viewers, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            CompletableFuture<Answer> held;
            while ((held = heldPolls.poll()) != null) {
                if (held.complete(new Answer(200, live(viewers)))) {
                    return true;
                }
            }
            Thread.sleep(5);
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** Polls of an app that was killed wait for nobody: they are answered now, so none takes a later count. */
    void dropHeldPolls() {
        CompletableFuture<Answer> held;
        while ((held = heldPolls.poll()) != null) {
            held.complete(UNAVAILABLE);
        }
    }

    private MockResponse answer(RecordedRequest request) throws InterruptedException {
        HttpUrl url = request.getUrl();
        String authorization = request.getHeaders().get("Authorization");
        return switch (request.getMethod() + " " + url.encodedPath()) {
            case "GET /oauth2/validate" -> accepted("OAuth ", authorization) ? json(200, validation()) : json(UNAUTHORIZED);
            case "POST /oauth2/token" -> refresh(form(request.getBody().string(StandardCharsets.UTF_8)));
            case "GET /helix/streams" -> accepted("Bearer ", authorization)
                    && LOGIN.equals(url.queryParameter("user_login")) ? json(held()) : json(UNAUTHORIZED);
            case "GET /helix/channels" -> accepted("Bearer ", authorization)
                    && USER_ID.equals(url.queryParameter("broadcaster_id")) ? json(200, DISCLOSED) : json(UNAUTHORIZED);
            default -> json(404, "{\"status\":404,\"message\":\"not a Twitch endpoint the app uses\"}");
        };
    }

    private boolean accepted(String scheme, String authorization) {
        return !expired && (scheme + accessToken).equals(authorization);
    }

    private Answer held() throws InterruptedException {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        heldPolls.add(answer);
        try {
            return answer.get(HOLD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.complete(UNAVAILABLE); // unless the test's count won the race, which is then the answer
            heldPolls.remove(answer);
            return answer.getNow(UNAVAILABLE);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized MockResponse refresh(Map<String, String> form) {
        refreshes.add(form);
        if (!"refresh_token".equals(form.get("grant_type")) || !CLIENT_ID.equals(form.get("client_id"))
                || !refreshToken.equals(form.get("refresh_token"))) {
            return json(400, "{\"status\":400,\"message\":\"Invalid refresh token\"}");
        }
        int next = generation.incrementAndGet();
        accessToken = token("access", next);
        refreshToken = token("refresh", next);
        expired = false;
        JsonObject body = new JsonObject();
        body.addProperty("access_token", accessToken);
        body.addProperty("refresh_token", refreshToken);
        body.addProperty("expires_in", 14_000);
        JsonArray scope = new JsonArray();
        TwitchSignIn.SCOPES.forEach(scope::add);
        body.add("scope", scope);
        body.addProperty("token_type", "bearer");
        return json(200, body.toString());
    }

    private String validation() {
        JsonObject body = new JsonObject();
        body.addProperty("client_id", CLIENT_ID);
        body.addProperty("login", LOGIN);
        JsonArray scopes = new JsonArray();
        TwitchSignIn.SCOPES.forEach(scopes::add);
        body.add("scopes", scopes);
        body.addProperty("user_id", USER_ID);
        body.addProperty("expires_in", 14_000);
        return body.toString();
    }

    private String live(long viewers) {
        JsonObject stream = new JsonObject();
        stream.addProperty("id", "1");
        stream.addProperty("user_id", USER_ID);
        stream.addProperty("user_login", LOGIN);
        stream.addProperty("type", "live");
        stream.addProperty("viewer_count", viewers);
        stream.addProperty("started_at", startedAt.toString());
        JsonArray data = new JsonArray();
        data.add(stream);
        JsonObject body = new JsonObject();
        body.add("data", data);
        return body.toString();
    }

    private static Map<String, String> form(String body) {
        HttpUrl parsed = HttpUrl.get("http://form/?" + body);
        return parsed.queryParameterNames().stream()
                .collect(Collectors.toMap(name -> name, name -> String.valueOf(parsed.queryParameter(name))));
    }

    private static String token(String kind, int generation) {
        return "standin" + kind + generation + "x".repeat(20);
    }

    private static MockResponse json(Answer answer) {
        return json(answer.code(), answer.body());
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Override
    public void close() {
        dropHeldPolls();
        server.close();
    }
}
