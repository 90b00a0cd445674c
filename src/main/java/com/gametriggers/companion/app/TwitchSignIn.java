package com.gametriggers.companion.app;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.overlay.OverlayServer;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.twitch.DeviceCode;
import com.gametriggers.companion.twitch.DeviceLogin;
import com.gametriggers.companion.twitch.DeviceLoginResult;
import com.gametriggers.companion.twitch.Sleeper;
import com.gametriggers.companion.twitch.TokenValidation;
import com.gametriggers.companion.twitch.TwitchException;
import com.gametriggers.companion.twitch.TwitchSettings;
import com.gametriggers.companion.twitch.TwitchToken;

import okhttp3.OkHttpClient;

/**
 * Signing in to Twitch from the terminal, and connecting the saved sign-in at start. Without a client id or a
 * sign-in the app runs without chat and stream status, and says once why.
 */
final class TwitchSignIn {

    /** Reading chat and answering in it. */
    static final List<String> SCOPES = List.of("chat:read", "chat:edit");

    private static final Logger log = LoggerFactory.getLogger(TwitchSignIn.class);

    /** The sign-in did not happen; the message is a sentence for the streamer. */
    static final class SignInFailedException extends Exception {
        SignInFailedException(String message) {
            super(message);
        }
    }

    private TwitchSignIn() {
    }

    static void signIn(AppOptions options, PrintStream out) throws SignInFailedException {
        String clientId = options.twitchClientId().orElseThrow(() -> new SignInFailedException(
                "Signing in to Twitch needs the app's client id: --twitch-client-id or TWITCH_CLIENT_ID."));
        DeviceLogin login = new DeviceLogin(new OkHttpClient(), TwitchSettings.production(clientId), SCOPES,
                Clock.systemUTC(), Sleeper.system());
        try {
            DeviceCode code = login.start();
            out.println("twitch: open " + code.verificationUri() + " and enter the code " + code.userCode());
            out.flush();
            DeviceLoginResult result = login.poll(code);
            if (result instanceof DeviceLoginResult.Success success) {
                new TwitchAccountStore(options.dataDir()).write(success.token());
                out.println("twitch: signed in as " + success.token().login());
                return;
            }
            throw new SignInFailedException(sentence(result));
        } catch (TwitchException | IOException e) {
            throw new SignInFailedException("Twitch sign-in failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInFailedException("Twitch sign-in was interrupted.");
        }
    }

    private static String sentence(DeviceLoginResult result) {
        if (result instanceof DeviceLoginResult.Expired) {
            return "The Twitch code expired before it was entered; try again.";
        }
        if (result instanceof DeviceLoginResult.Denied) {
            return "The Twitch sign-in was declined.";
        }
        if (result instanceof DeviceLoginResult.Failed failed) {
            return "Twitch sign-in failed: " + failed.message();
        }
        return "Twitch sign-in failed.";
    }

    /** Starts chat and stream status with the saved sign-in, when there is one that Twitch still accepts. */
    static Optional<TwitchLink> connect(AppOptions options, OverlayServer overlay, Tracker tracker, AtomicLong viewers) {
        if (options.twitchClientId().isEmpty()) {
            log.info("Twitch chat and stream status are off: no client id (--twitch-client-id)");
            return Optional.empty();
        }
        TwitchSettings settings = TwitchSettings.production(options.twitchClientId().get());
        Optional<TwitchToken> token;
        try {
            token = new TwitchAccountStore(options.dataDir()).load();
        } catch (IOException e) {
            log.warn("The Twitch sign-in cannot be read: {}", e.getMessage());
            return Optional.empty();
        }
        if (token.isEmpty()) {
            log.info("Not signed in to Twitch: start once with --twitch-login for chat commands and viewer counts");
            return Optional.empty();
        }
        TokenValidation validation = new DeviceLogin(new OkHttpClient(), settings, SCOPES, Clock.systemUTC(),
                Sleeper.system()).validate(token.get().accessToken());
        if (validation instanceof TokenValidation.Expired) {
            log.warn("Your Twitch sign-in expired; sign in again with --twitch-login");
            return Optional.empty();
        }
        return Optional.of(TwitchLink.start(settings, token.get(), overlay, tracker, viewers));
    }
}
