package com.gametriggers.companion.ui;

import java.util.Optional;

import com.gametriggers.companion.twitch.DeviceCode;

/**
 * Signing in to Twitch from the window, in two steps: Twitch gives a code the streamer enters on its page, then the
 * app waits for the sign-in. Both steps talk to Twitch: call them off the FX thread. A failure is a
 * {@link SignInException} whose message is a sentence for the streamer. Signing in and out take effect at once: chat
 * commands and viewer counts start and stop without a restart.
 */
public interface TwitchAccount {

    /** The Twitch login the app is signed in as, if any. */
    Optional<String> signedInAs();

    DeviceCode startSignIn() throws SignInException;

    /** Waits (up to the code's expiry) until the streamer entered the code; returns the signed-in login. */
    String finishSignIn(DeviceCode code) throws SignInException, InterruptedException;

    /** Forgets the sign-in: chat and viewer counts stop. */
    void signOut() throws SignInException;

    /**
     * A sentence for the streamer when the sign-in needs them: Twitch no longer accepts it, and only signing in again
     * brings chat commands and viewer counts back. Empty while signed in and working, or signed out.
     */
    Optional<String> needsStreamer();

    /**
     * Told after every change of the above (signed in, signed out, refused by Twitch), on the thread that made it:
     * hand over to the FX thread before touching the window.
     */
    void addListener(Runnable changed);

    void removeListener(Runnable changed);

    /** The sign-in did not happen; the message says why in a sentence. */
    final class SignInException extends Exception {

        public SignInException(String sentence) {
            super(sentence);
        }
    }
}
