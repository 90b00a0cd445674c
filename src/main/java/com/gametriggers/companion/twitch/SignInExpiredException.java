package com.gametriggers.companion.twitch;

/** Twitch answered 401: the token is no longer good, and only signing in again helps, not retrying. */
public final class SignInExpiredException extends TwitchException {

    public static final String MESSAGE = "Your Twitch sign-in expired; sign in again";

    public SignInExpiredException() {
        super(MESSAGE);
    }
}
