package com.gametriggers.companion.twitch;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import okhttp3.OkHttpClient;

/**
 * The streamer's Twitch sign-in while the app runs: the token every Twitch call uses, renewed when Twitch answers 401
 * (a device-code user token lasts about four hours) and checked with Twitch's validate endpoint, as Twitch asks apps
 * to do at start and every hour.
 *
 * <p>Refresh tokens rotate: each works once. So renewals happen one at a time, and a caller turned down with a token
 * that was renewed meanwhile gets the new token rather than renewing again, which would spend the new refresh token's
 * predecessor a second time and be refused. The new pair is kept before anyone uses it: from that moment the saved
 * refresh token no longer works.
 */
public final class TwitchCredentials implements TokenSource {

    /** The one sentence the streamer sees once Twitch refuses the refresh token. */
    public static final String TURNED_DOWN =
            "Twitch no longer accepts your sign-in; sign in with Twitch again for chat commands and viewer counts.";

    private static final Logger log = LoggerFactory.getLogger(TwitchCredentials.class);

    /** Where the sign-in is kept between starts. */
    public interface Keeper {

        /** Replaces the kept sign-in with the renewed one, in one step. */
        void keep(TwitchToken renewed) throws IOException;

        /** Twitch refused the refresh token: the kept sign-in needs the streamer. */
        void turnedDown() throws IOException;
    }

    /** Told on the thread that renewed or found out, outside any lock; keep it quick. */
    public interface Listener {

        default void renewed(TwitchToken token) {
        }

        default void needsStreamer(String sentence) {
        }
    }

    private final TwitchSettings settings;
    private final TokenEndpoint endpoint;
    private final Keeper keeper;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Object renewing = new Object();
    private volatile TwitchToken token;
    private volatile String needsStreamer;

    public TwitchCredentials(OkHttpClient http, TwitchSettings settings, TwitchToken token, Keeper keeper, Clock clock) {
        this.settings = settings;
        this.endpoint = new TokenEndpoint(http, settings, clock);
        this.token = token;
        this.keeper = keeper;
    }

    public TwitchSettings settings() {
        return settings;
    }

    @Override
    public TwitchToken current() {
        return token;
    }

    /** {@link #TURNED_DOWN} once Twitch refused the refresh token; then nothing here works until a new sign-in. */
    public Optional<String> needsStreamer() {
        return Optional.ofNullable(needsStreamer);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    @Override
    public TwitchToken renewAfter(String rejectedAccessToken) throws TwitchException {
        TokenEndpoint.Refresh refresh;
        synchronized (renewing) {
            if (needsStreamer != null) {
                throw new SignInExpiredException(needsStreamer);
            }
            TwitchToken now = token;
            if (!now.accessToken().equals(rejectedAccessToken)) {
                return now;
            }
            refresh = endpoint.refresh(now);
            if (refresh instanceof TokenEndpoint.Refresh.Renewed renewed) {
                keep(renewed.token());
            } else if (refresh instanceof TokenEndpoint.Refresh.TurnedDown turnedDown) {
                turnDown(turnedDown.reason());
            }
        }
        // Listeners hear of it outside the lock: they may stop what uses this sign-in, which may be waiting for it.
        if (refresh instanceof TokenEndpoint.Refresh.Renewed renewed) {
            log.info("Renewed the Twitch sign-in of {}; the new token holds until {}", renewed.token().login(),
                    renewed.token().expiresAt());
            listeners.forEach(listener -> listener.renewed(renewed.token()));
            return renewed.token();
        }
        if (refresh instanceof TokenEndpoint.Refresh.TurnedDown) {
            listeners.forEach(listener -> listener.needsStreamer(TURNED_DOWN));
            throw new SignInExpiredException(TURNED_DOWN);
        }
        throw new TwitchException(((TokenEndpoint.Refresh.Failed) refresh).message());
    }

    /**
     * Asks Twitch whether the sign-in still holds, renewing it when Twitch says the token expired. {@code Expired}
     * means the renewal failed for good ({@link #needsStreamer()} says so); {@code Unreachable} that it may work later.
     */
    public TokenValidation validate() {
        TwitchToken used = token;
        TokenValidation answer = endpoint.validate(used.accessToken());
        if (!(answer instanceof TokenValidation.Expired)) {
            return answer;
        }
        try {
            return endpoint.validate(renewAfter(used.accessToken()).accessToken());
        } catch (SignInExpiredException e) {
            return new TokenValidation.Expired();
        } catch (TwitchException e) {
            return new TokenValidation.Unreachable(e.getMessage());
        }
    }

    private void keep(TwitchToken renewed) {
        try {
            keeper.keep(renewed);
        } catch (IOException e) {
            // The kept refresh token is spent already: the new pair in memory is all the sign-in there is now.
            log.warn("The renewed Twitch sign-in could not be saved ({}); it holds until the app stops", e.getMessage());
        }
        token = renewed;
    }

    private void turnDown(String reason) {
        needsStreamer = TURNED_DOWN;
        log.warn("Twitch refused to renew the sign-in of {} ({}): {}", token.login(), reason, TURNED_DOWN);
        try {
            keeper.turnedDown();
        } catch (IOException e) {
            log.warn("The Twitch sign-in could not be marked as refused: {}", e.getMessage());
        }
    }
}
