package com.gametriggers.companion.twitch;

/** How a device sign-in ended. Waiting for the streamer is no result: {@link DeviceLogin#poll} waits through it. */
public sealed interface DeviceLoginResult {

    record Success(TwitchToken token) implements DeviceLoginResult {
    }

    /** The code ran out before the streamer entered it; start again for a new one. */
    record Expired() implements DeviceLoginResult {
    }

    /** The streamer declined the app's request on Twitch's page. */
    record Denied() implements DeviceLoginResult {
    }

    /** Twitch could not be reached or answered something unexpected; the message says what, in one sentence. */
    record Failed(String message) implements DeviceLoginResult {
    }
}
