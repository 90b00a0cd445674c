package com.gametriggers.companion.twitch;

import java.time.Duration;

/** What {@code /oauth2/validate} said about a token. */
public sealed interface TokenValidation {

    record Valid(String login, String userId, Duration expiresIn) implements TokenValidation {
    }

    /** Twitch no longer accepts the token (401): the app shows {@link SignInExpiredException#MESSAGE}. */
    record Expired() implements TokenValidation {
    }

    /** No answer, or one that says nothing about the token; the token may well still be good. */
    record Unreachable(String message) implements TokenValidation {
    }
}
