package com.gametriggers.companion.app;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.gametriggers.companion.twitch.TwitchSettings;
import com.gametriggers.companion.twitch.TwitchToken;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * id.twitch.tv and api.twitch.tv as far as the app uses them, on one MockWebServer, with the test's clock: user tokens
 * that expire, refresh tokens that work once (a spent one is refused, as Twitch refuses it), a device sign-in the
 * streamer has already approved, and a live channel whose viewer count grows by one at each poll.
 */
final class TwitchApiStandIn implements AutoCloseable {

    static final String LOGIN = "streamer_one";
    static final Duration TOKEN_LIFETIME = Duration.ofHours(4);
    private static final String INVALID_REFRESH = "{\"status\":400,\"message\":\"Invalid refresh token\"}";
    private static final String UNAUTHORIZED = "{\"error\":\"Unauthorized\",\"status\":401,\"message\":\"Invalid OAuth token\"}";

    /** A viewer count Twitch gave, and the token that asked for it. */
    record Served(long viewers, String accessToken) {
    }

    private final MockWebServer server = new MockWebServer();
    private final Clock clock;
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final Set<String> unspentRefreshTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger channelReads = new AtomicInteger();
    private final AtomicLong viewers = new AtomicLong(100);
    private final List<Served> served = new CopyOnWriteArrayList<>();
    private volatile boolean refuseRefreshes;

    TwitchApiStandIn(Clock clock) throws IOException {
        this.clock = clock;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start();
    }

    TwitchSettings settings() {
        return new TwitchSettings("test-client-id", server.url("/"), server.url("/helix/"));
    }

    /** A token as a device sign-in gets it, valid for {@link #TOKEN_LIFETIME} from now. */
    TwitchToken issue() {
        int n = issued.incrementAndGet();
        String access = "access" + n + "x0123456789";
        String refresh = "refresh" + n + "x0123456789";
        Instant expiresAt = clock.instant().plus(TOKEN_LIFETIME);
        expiries.put(access, expiresAt);
        unspentRefreshTokens.add(refresh);
        return new TwitchToken(access, refresh, LOGIN, "4711", List.of("chat:read", "chat:edit"), expiresAt);
    }

    /** From now on every refresh token is refused, as after 30 days unused or a password change. */
    void refuseRefreshes() {
        refuseRefreshes = true;
    }

    int refreshes() {
        return refreshes.get();
    }

    List<Served> served() {
        return served;
    }

    private MockResponse answer(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        String authorization = String.valueOf(request.getHeaders().get("Authorization"));
        return switch (url.encodedPath()) {
            case "/oauth2/device" -> json(200, "{\"device_code\":\"device-code-0123456789\",\"expires_in\":1800,"
                    + "\"interval\":5,\"user_code\":\"ABCDEFGH\",\"verification_uri\":\"https://www.twitch.tv/activate\"}");
            case "/oauth2/token" -> token(request.getBody().utf8());
            case "/oauth2/validate" -> valid(authorization.replaceFirst("^OAuth ", ""))
                    ? json(200, "{\"client_id\":\"test-client-id\",\"login\":\"" + LOGIN + "\",\"user_id\":\"4711\","
                            + "\"expires_in\":3600}")
                    : json(401, UNAUTHORIZED);
            case "/helix/streams" -> streams(authorization.replaceFirst("^Bearer ", ""));
            case "/helix/channels" -> channels(request, authorization.replaceFirst("^Bearer ", ""));
            default -> json(404, "{}");
        };
    }

    private MockResponse token(String form) {
        if (form.contains("grant_type=refresh_token")) {
            refreshes.incrementAndGet();
            String refreshToken = form.replaceFirst(".*refresh_token=([^&]*).*", "$1");
            if (refuseRefreshes || !unspentRefreshTokens.remove(refreshToken)) {
                return json(400, INVALID_REFRESH);
            }
        }
        TwitchToken token = issue();
        return json(200, "{\"access_token\":\"" + token.accessToken() + "\",\"refresh_token\":\"" + token.refreshToken()
                + "\",\"expires_in\":" + TOKEN_LIFETIME.toSeconds() + ",\"scope\":[\"chat:read\",\"chat:edit\"],"
                + "\"token_type\":\"bearer\"}");
    }

    private MockResponse streams(String accessToken) {
        if (!valid(accessToken)) {
            return json(401, UNAUTHORIZED);
        }
        long count = viewers.incrementAndGet();
        served.add(new Served(count, accessToken));
        return json(200, "{\"data\":[{\"user_login\":\"" + LOGIN + "\",\"type\":\"live\",\"viewer_count\":" + count
                + ",\"started_at\":\"2030-05-01T11:30:00Z\"}]}");
    }

    /**
     * Get and Modify Channel Information: a title without a disclosure tag, and the branded-content label off until a
     * token with the scope turns it on (the stand-in's own tokens come from an older sign-in without it).
     */
    private MockResponse channels(RecordedRequest request, String accessToken) {
        if (!valid(accessToken)) {
            return json(401, UNAUTHORIZED);
        }
        if ("PATCH".equals(request.getMethod())) {
            return json(401, "{\"error\":\"Unauthorized\",\"status\":401,\"message\":\"Missing scope: "
                    + "channel:manage:broadcast\"}");
        }
        channelReads.incrementAndGet();
        return json(200, "{\"data\":[{\"broadcaster_id\":\"4711\",\"broadcaster_login\":\"" + LOGIN
                + "\",\"title\":\"Speedrun practice\",\"is_branded_content\":false}]}");
    }

    /** How often Get Channel Information was asked. */
    int channelReads() {
        return channelReads.get();
    }

    private boolean valid(String accessToken) {
        Instant expiresAt = expiries.get(accessToken);
        return expiresAt != null && clock.instant().isBefore(expiresAt);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Override
    public void close() {
        server.close();
    }
}
