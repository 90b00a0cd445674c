package com.gametriggers.companion.twitch;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.gametriggers.companion.concurrent.Sleeper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonObject;

import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Twitch sign-in with the device code grant for a public client (no client secret in the app): {@link #start()} gets
 * a code for the streamer to enter on Twitch, {@link #poll} waits until they did, and {@link #validate} checks a
 * token, at start and whenever the app wants to know whether the sign-in still holds.
 */
public final class DeviceLogin {

    private static final Logger log = LoggerFactory.getLogger(DeviceLogin.class);
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    /** What Twitch, like RFC 8628, asks a client to add to its interval after {@code slow_down}. */
    private static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    private final OkHttpClient http;
    private final TwitchSettings settings;
    private final String scopes;
    private final Clock clock;
    private final Sleeper sleeper;
    private final TokenEndpoint tokens;

    public DeviceLogin(OkHttpClient http, TwitchSettings settings, List<String> scopes, Clock clock, Sleeper sleeper) {
        this.http = http;
        this.settings = settings;
        this.scopes = String.join(" ", scopes);
        this.clock = clock;
        this.sleeper = sleeper;
        this.tokens = new TokenEndpoint(http, settings, clock);
    }

    /** Asks Twitch for a code the streamer enters at the returned verification URI. */
    public DeviceCode start() throws TwitchException {
        Request request = new Request.Builder().url(settings.idUrl("oauth2/device"))
                .post(new FormBody.Builder().add("client_id", settings.clientId()).add("scopes", scopes).build())
                .build();
        try (Response response = http.newCall(request).execute()) {
            JsonObject body = Json.body(response);
            String deviceCode = Json.string(body, "device_code");
            String userCode = Json.string(body, "user_code");
            String verificationUri = Json.string(body, "verification_uri");
            if (!response.isSuccessful() || deviceCode == null || userCode == null || verificationUri == null) {
                throw new TwitchException("Twitch did not start the sign-in: " + Json.problem(response, body));
            }
            return new DeviceCode(deviceCode, userCode, verificationUri,
                    clock.instant().plusSeconds(Json.number(body, "expires_in", 0)),
                    Duration.ofSeconds(Json.number(body, "interval", DEFAULT_INTERVAL.toSeconds())));
        } catch (IOException e) {
            throw new TwitchException("Twitch could not be reached: " + e.getMessage(), e);
        }
    }

    /**
     * Polls Twitch at the code's interval until the streamer has signed in, declined, or the code ran out, then
     * validates the new token to learn whose it is. Blocks for as long as that takes, so call it off the FX thread;
     * interrupting the thread cancels the sign-in.
     */
    public DeviceLoginResult poll(DeviceCode code) throws InterruptedException {
        Duration interval = code.interval();
        while (clock.instant().isBefore(code.expiresAt())) {
            sleeper.sleep(interval);
            try (Response response = http.newCall(tokenRequest(code)).execute()) {
                JsonObject body = Json.body(response);
                if (response.isSuccessful()) {
                    return signedIn(body);
                }
                String message = Objects.toString(Json.string(body, "message"), "");
                switch (message) {
                    case "authorization_pending" -> {
                        // The streamer has not entered the code yet.
                    }
                    case "slow_down" -> {
                        interval = interval.plus(SLOW_DOWN_STEP);
                        log.debug("Twitch asked to poll more slowly; polling every {} s now", interval.toSeconds());
                    }
                    case "expired_token", "invalid device code" -> {
                        return new DeviceLoginResult.Expired();
                    }
                    case "access_denied" -> {
                        return new DeviceLoginResult.Denied();
                    }
                    default -> {
                        return new DeviceLoginResult.Failed("Twitch refused the sign-in: " + Json.problem(response, body));
                    }
                }
            } catch (IOException e) {
                return new DeviceLoginResult.Failed("Twitch could not be reached: " + e.getMessage());
            }
        }
        return new DeviceLoginResult.Expired();
    }

    /** Asks Twitch whether {@code accessToken} is still good, and whose it is. */
    public TokenValidation validate(String accessToken) {
        return tokens.validate(accessToken);
    }

    private Request tokenRequest(DeviceCode code) {
        return new Request.Builder().url(settings.idUrl("oauth2/token"))
                .post(new FormBody.Builder().add("client_id", settings.clientId()).add("scopes", scopes)
                        .add("device_code", code.deviceCode()).add("grant_type", DEVICE_GRANT).build())
                .build();
    }

    private DeviceLoginResult signedIn(JsonObject body) {
        String accessToken = Json.string(body, "access_token");
        if (accessToken == null) {
            return new DeviceLoginResult.Failed("Twitch's answer held no token");
        }
        Instant expiresAt = clock.instant().plusSeconds(Json.number(body, "expires_in", 0));
        TokenValidation validation = validate(accessToken);
        if (validation instanceof TokenValidation.Valid valid) {
            TwitchToken token = new TwitchToken(accessToken, Json.string(body, "refresh_token"), valid.login(),
                    valid.userId(), Json.strings(body, "scope"), expiresAt);
            log.info("Signed in to Twitch as {}", valid.login());
            return new DeviceLoginResult.Success(token);
        }
        if (validation instanceof TokenValidation.Unreachable unreachable) {
            return new DeviceLoginResult.Failed(unreachable.message());
        }
        return new DeviceLoginResult.Failed("Twitch did not accept the token it had just issued");
    }
}
