package com.gametriggers.companion.twitch;

import java.time.Instant;
import java.util.List;

/**
 * A Twitch user token from the device code flow, with the account it belongs to. {@link #toString()} shows only the
 * first characters of the tokens, so logging a token by accident does not leak it.
 */
public record TwitchToken(String accessToken, String refreshToken, String login, String userId, List<String> scopes,
                          Instant expiresAt) {

    public TwitchToken {
        scopes = List.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "TwitchToken[accessToken=" + Secrets.mask(accessToken) + ", refreshToken=" + Secrets.mask(refreshToken)
                + ", login=" + login + ", userId=" + userId + ", scopes=" + scopes + ", expiresAt=" + expiresAt + "]";
    }
}
