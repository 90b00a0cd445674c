package com.gametriggers.companion.twitch;

/** The sign-in predates a permission the app now asks for; only signing in again grants it. */
public final class MissingScopeException extends TwitchException {

    public static final String MESSAGE = "Twitch has not allowed this app to change your channel's labels yet; "
            + "sign in with Twitch again in Settings to allow it.";

    public MissingScopeException() {
        super(MESSAGE);
    }
}
