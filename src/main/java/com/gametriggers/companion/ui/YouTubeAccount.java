package com.gametriggers.companion.ui;

import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;

import com.gametriggers.companion.ui.TwitchAccount.SignInException;

/**
 * Signing in to YouTube from the window: the system browser opens Google's page and the app waits for the streamer to
 * finish there, so {@link #signIn()} blocks: call it off the FX thread. Signing in and out take effect at once: YouTube
 * chat commands and viewer counts start and stop without a restart.
 */
public interface YouTubeAccount {

    /** Why YouTube cannot be used at all (no Google client id in this build or in Settings); empty when it can. */
    Optional<String> unavailable();

    boolean signedIn();

    /**
     * Hands Google's page to {@code browser} and waits (a few minutes at most) until the streamer finished there.
     */
    void signIn(Consumer<URI> browser) throws SignInException, InterruptedException;

    /** Forgets the sign-in: YouTube chat and viewer counts stop. */
    void signOut() throws SignInException;

    /** A sentence when Google no longer accepts the sign-in and only signing in again helps; empty otherwise. */
    Optional<String> needsStreamer();

    /** Told after every change of the above, on the thread that made it: hand over to the FX thread for the window. */
    void addListener(Runnable changed);

    void removeListener(Runnable changed);
}
