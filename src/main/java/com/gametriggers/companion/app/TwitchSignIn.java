package com.gametriggers.companion.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.links.TrackingLinks;
import com.gametriggers.companion.overlay.OverlayControl;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.twitch.DeviceCode;
import com.gametriggers.companion.twitch.DeviceLogin;
import com.gametriggers.companion.twitch.DeviceLoginResult;
import com.gametriggers.companion.twitch.Sleeper;
import com.gametriggers.companion.twitch.TokenValidation;
import com.gametriggers.companion.twitch.TwitchException;
import com.gametriggers.companion.twitch.TwitchSettings;
import com.gametriggers.companion.twitch.TwitchToken;
import com.gametriggers.companion.ui.TwitchAccount;
import com.gametriggers.companion.ui.TwitchAccount.SignInException;

import okhttp3.OkHttpClient;

/**
 * Signing in to Twitch from the terminal, and connecting the saved sign-in at start. Without a client id or a
 * sign-in the app runs without chat and stream status, and says once why.
 */
final class TwitchSignIn {

    /** Reading chat and answering in it. */
    static final List<String> SCOPES = List.of("chat:read", "chat:edit");

    private static final Logger log = LoggerFactory.getLogger(TwitchSignIn.class);

    private TwitchSignIn() {
    }

    /** Signs in from the terminal: prints where to enter the code, then waits for it. */
    static void signIn(AppOptions options, PrintStream out) throws SignInException {
        TwitchAccount account = account(options.dataDir(), options::twitchClientId, options.twitch());
        try {
            DeviceCode code = account.startSignIn();
            out.println("twitch: open " + code.verificationUri() + " and enter the code " + code.userCode());
            out.flush();
            out.println("twitch: signed in as " + account.finishSignIn(code));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInException("Twitch sign-in was interrupted.");
        }
    }

    /**
     * The sign-in kept in the data folder, with the device-code steps for the window and the terminal.
     *
     * @param clientId read at each sign-in, so a client id saved in Settings a moment ago is used
     */
    static TwitchAccount account(Path dataDir, Supplier<Optional<String>> clientId, TwitchEndpoints endpoints) {
        TwitchAccountStore accounts = new TwitchAccountStore(dataDir);
        return new TwitchAccount() {
            private DeviceLogin login;

            @Override
            public Optional<String> signedInAs() {
                try {
                    return accounts.load().map(TwitchToken::login);
                } catch (IOException e) {
                    log.warn("The Twitch sign-in cannot be read: {}", e.getMessage());
                    return Optional.empty();
                }
            }

            @Override
            public synchronized DeviceCode startSignIn() throws SignInException {
                String id = clientId.get().orElseThrow(() -> new SignInException(
                        "Signing in to Twitch needs the app's Twitch client id (Settings, --twitch-client-id or "
                                + "TWITCH_CLIENT_ID)."));
                login = new DeviceLogin(new OkHttpClient(), endpoints.settings(id), SCOPES, Clock.systemUTC(),
                        Sleeper.system());
                try {
                    return login.start();
                } catch (TwitchException e) {
                    throw new SignInException("Twitch sign-in failed: " + e.getMessage());
                }
            }

            @Override
            public String finishSignIn(DeviceCode code) throws SignInException, InterruptedException {
                DeviceLogin started;
                synchronized (this) {
                    started = login;
                }
                if (started == null) {
                    throw new SignInException("Start the Twitch sign-in first.");
                }
                DeviceLoginResult result = started.poll(code);
                if (!(result instanceof DeviceLoginResult.Success success)) {
                    throw new SignInException(sentence(result));
                }
                try {
                    accounts.write(success.token());
                } catch (IOException e) {
                    throw new SignInException("The Twitch sign-in worked but cannot be kept in " + dataDir + ": "
                            + e.getMessage());
                }
                return success.token().login();
            }
        };
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
    static Optional<TwitchLink> connect(AppOptions options, OverlayControl overlay, TrackingLinks links, Tracker tracker,
                                        AtomicLong viewers) {
        if (options.twitchClientId().isEmpty()) {
            log.info("Twitch chat and stream status are off: no client id (--twitch-client-id)");
            return Optional.empty();
        }
        TwitchSettings settings = options.twitch().settings(options.twitchClientId().get());
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
        return Optional.of(TwitchLink.start(options.twitch(), settings, token.get(), overlay, links, tracker, viewers));
    }
}
