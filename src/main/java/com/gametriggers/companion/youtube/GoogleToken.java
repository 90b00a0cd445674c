package com.gametriggers.companion.youtube;

import java.time.Instant;

/**
 * A Google user token for the YouTube scope. {@link #toString()} shows only the first characters of the tokens, so
 * logging one by accident does not leak it.
 */
public record GoogleToken(String accessToken, String refreshToken, Instant expiresAt) {

    private static final int SHOWN = 4;

    @Override
    public String toString() {
        return "GoogleToken[accessToken=" + mask(accessToken) + ", refreshToken=" + mask(refreshToken)
                + ", expiresAt=" + expiresAt + "]";
    }

    static String mask(String secret) {
        if (secret == null) {
            return "null";
        }
        // A short secret is hidden completely: its first four characters would be most of it.
        return secret.length() <= SHOWN * 2 ? "…" : secret.substring(0, SHOWN) + "…";
    }
}
