package com.gametriggers.companion.twitch;

/** Twitch no longer accepts the sign-in: only signing in again helps, not retrying. */
public final class SignInExpiredException extends TwitchException {

    public static final String MESSAGE = "Your Twitch sign-in expired; sign in again";

    public SignInExpiredException() {
        super(MESSAGE);
    }

    /** @param sentence what happened and what the streamer can do, in one sentence */
    public SignInExpiredException(String sentence) {
        super(sentence);
    }
}
