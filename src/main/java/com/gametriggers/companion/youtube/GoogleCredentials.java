package com.gametriggers.companion.youtube;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streamer's Google token for the YouTube client: renewed a minute before it expires, or when Google refuses it,
 * and each renewed token handed to the {@link Keeper} so the next start need not sign in again.
 */
public final class GoogleCredentials implements YouTubeTokens {

    /** Keeps the token where the next start finds it; the app's keeper writes an owner-only file. */
    @FunctionalInterface
    public interface Keeper {
        void keep(GoogleToken token) throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(GoogleCredentials.class);
    static final Duration EARLY = Duration.ofMinutes(1);

    private final GoogleSignIn signIn;
    private final Keeper keeper;
    private final Clock clock;
    private GoogleToken token;

    public GoogleCredentials(GoogleSignIn signIn, GoogleToken token, Keeper keeper, Clock clock) {
        this.signIn = signIn;
        this.token = token;
        this.keeper = keeper;
        this.clock = clock;
    }

    public synchronized GoogleToken token() {
        return token;
    }

    @Override
    public synchronized String accessToken() throws YouTubeException {
        if (token.expiresAt() != null && !clock.instant().plus(EARLY).isBefore(token.expiresAt())) {
            renew();
        }
        return token.accessToken();
    }

    @Override
    public synchronized String renewAfter(String rejectedAccessToken) throws YouTubeException {
        // Another thread may have renewed it already.
        if (rejectedAccessToken.equals(token.accessToken())) {
            renew();
        }
        return token.accessToken();
    }

    private void renew() throws YouTubeException {
        token = signIn.refresh(token);
        try {
            keeper.keep(token);
        } catch (IOException e) {
            // The renewed token still works for this run; the next start may ask for a sign-in.
            log.warn("The renewed YouTube sign-in could not be saved: {}", e.getMessage());
        }
    }
}
