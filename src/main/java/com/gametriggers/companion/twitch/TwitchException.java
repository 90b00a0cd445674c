package com.gametriggers.companion.twitch;

/** A Twitch call that did not work; the message is one sentence a streamer can read. */
public class TwitchException extends Exception {

    public TwitchException(String message) {
        super(message);
    }

    public TwitchException(String message, Throwable cause) {
        super(message, cause);
    }
}
