package com.gametriggers.companion.twitch;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.google.gson.JsonObject;

import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** id.twitch.tv for a token the app already has: is it still good ({@code validate}), and a new one ({@code refresh}). */
final class TokenEndpoint {

    /** How a refresh ended. */
    sealed interface Refresh {

        record Renewed(TwitchToken token) implements Refresh {
        }

        /** Twitch turned the refresh token down (spent, revoked, or unused for 30 days): only a new sign-in helps. */
        record TurnedDown(String reason) implements Refresh {
        }

        /** No answer, or one that says nothing about the token: ask again later. */
        record Failed(String message) implements Refresh {
        }
    }

    private final OkHttpClient http;
    private final TwitchSettings settings;
    private final Clock clock;

    TokenEndpoint(OkHttpClient http, TwitchSettings settings, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    TokenValidation validate(String accessToken) {
        Request request = new Request.Builder().url(settings.idUrl("oauth2/validate"))
                .header("Authorization", "OAuth " + accessToken).get().build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() == 401) {
                return new TokenValidation.Expired();
            }
            JsonObject body = Json.body(response);
            String login = Json.string(body, "login");
            String userId = Json.string(body, "user_id");
            if (!response.isSuccessful() || login == null || userId == null) {
                return new TokenValidation.Unreachable("Twitch could not check the sign-in: "
                        + Json.problem(response, body));
            }
            return new TokenValidation.Valid(login, userId, Duration.ofSeconds(Json.number(body, "expires_in", 0)));
        } catch (IOException e) {
            return new TokenValidation.Unreachable("Twitch could not be reached: " + e.getMessage());
        }
    }

    /**
     * Trades the token's refresh token for a new pair of the same account. A public client sends no secret; the
     * refresh token sent is spent, whatever happens to the answer.
     */
    Refresh refresh(TwitchToken token) {
        if (token.refreshToken() == null || token.refreshToken().isBlank()) {
            return new Refresh.TurnedDown("the saved sign-in has no refresh token");
        }
        Request request = new Request.Builder().url(settings.idUrl("oauth2/token"))
                .post(new FormBody.Builder().add("client_id", settings.clientId()).add("grant_type", "refresh_token")
                        .add("refresh_token", token.refreshToken()).build())
                .build();
        try (Response response = http.newCall(request).execute()) {
            JsonObject body = Json.body(response);
            if (response.code() == 400 || response.code() == 401) {
                return new Refresh.TurnedDown(Json.problem(response, body));
            }
            String accessToken = Json.string(body, "access_token");
            if (!response.isSuccessful() || accessToken == null) {
                return new Refresh.Failed("Twitch could not renew the sign-in: " + Json.problem(response, body));
            }
            List<String> scopes = Json.strings(body, "scope");
            String refreshToken = Json.string(body, "refresh_token");
            return new Refresh.Renewed(new TwitchToken(accessToken,
                    refreshToken != null ? refreshToken : token.refreshToken(),
                    token.login(), token.userId(), scopes.isEmpty() ? token.scopes() : scopes,
                    clock.instant().plusSeconds(Json.number(body, "expires_in", 0))));
        } catch (IOException e) {
            return new Refresh.Failed("Twitch could not be reached: " + e.getMessage());
        }
    }
}
