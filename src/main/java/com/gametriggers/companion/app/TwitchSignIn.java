package com.gametriggers.companion.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.concurrent.Sleeper;
import com.gametriggers.companion.twitch.DeviceCode;
import com.gametriggers.companion.twitch.DeviceLogin;
import com.gametriggers.companion.twitch.DeviceLoginResult;
import com.gametriggers.companion.twitch.DisclosureCheck;
import com.gametriggers.companion.twitch.TwitchCredentials;
import com.gametriggers.companion.twitch.TwitchException;
import com.gametriggers.companion.twitch.TwitchSettings;
import com.gametriggers.companion.twitch.TwitchToken;
import com.gametriggers.companion.ui.TwitchAccount;

import okhttp3.OkHttpClient;

/**
 * The app's Twitch sign-in, for as long as the app runs: kept in the data folder, started from the window or the
 * terminal with a device code, renewed while it runs ({@link TwitchCredentials}), and forgotten on sign-out. The
 * running services follow it through {@link #addListener}. Without a client id or a sign-in the app runs without
 * chat and stream status, and says once why.
 */
final class TwitchSignIn implements TwitchAccount {

    /**
     * Reading chat and answering in it, and turning on the channel's branded-content label when the streamer asks
     * (a sign-in made before the app asked for that keeps working without it).
     */
    static final List<String> SCOPES = List.of("chat:read", "chat:edit", DisclosureCheck.SCOPE);

    private static final Logger log = LoggerFactory.getLogger(TwitchSignIn.class);

    private final Path dataDir;
    private final TwitchAccountStore store;
    private final Supplier<Optional<TwitchSettings>> twitch;
    private final OkHttpClient http;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ChangeListeners listeners = new ChangeListeners("the Twitch sign-in");
    private final TwitchCredentials.Listener refusals = new TwitchCredentials.Listener() {
        @Override
        public void needsStreamer(String sentence) {
            listeners.changed();
        }
    };

    /* Guarded by this. */
    private DeviceLogin login;
    private TwitchSettings loginSettings;
    private TwitchCredentials credentials;
    private boolean refused;
    private boolean loaded;

    /**
     * @param twitch where Twitch is and the client id, read at each sign-in and at the first start, so a client id
     *               saved in Settings a moment ago is used; empty without a client id
     */
    TwitchSignIn(Path dataDir, Supplier<Optional<TwitchSettings>> twitch, OkHttpClient http, Clock clock,
                 Sleeper sleeper) {
        this.dataDir = dataDir;
        this.store = new TwitchAccountStore(dataDir);
        this.twitch = twitch;
        this.http = http;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** On Twitch itself, with the client id the caller finds (command line, Settings, the build's default). */
    static TwitchSignIn onTwitch(Path dataDir, Supplier<Optional<String>> clientId, TwitchEndpoints endpoints,
                                 OkHttpClient http, Clock clock) {
        return new TwitchSignIn(dataDir, () -> clientId.get().map(endpoints::settings), http, clock,
                Sleeper.system());
    }

    /** Signs in from the terminal: prints where to enter the code, then waits for it. */
    void signInFromTerminal(PrintStream out) throws SignInException {
        try {
            DeviceCode code = startSignIn();
            out.println("twitch: open " + code.verificationUri() + " and enter the code " + code.userCode());
            out.flush();
            out.println("twitch: signed in as " + finishSignIn(code));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInException("Twitch sign-in was interrupted.");
        }
    }

    /**
     * The sign-in chat and the stream status run on now: empty when signed out, without a client id, or once Twitch
     * refused the sign-in.
     */
    synchronized Optional<TwitchCredentials> credentials() {
        if (!loaded) {
            load();
        }
        return Optional.ofNullable(credentials).filter(running -> running.needsStreamer().isEmpty());
    }

    @Override
    public Optional<String> signedInAs() {
        synchronized (this) {
            if (credentials != null) {
                return Optional.of(credentials.current().login());
            }
        }
        try {
            return store.load().map(saved -> saved.token().login());
        } catch (IOException e) {
            log.warn("The Twitch sign-in cannot be read: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public synchronized Optional<String> needsStreamer() {
        if (credentials != null) {
            return credentials.needsStreamer();
        }
        if (!loaded) {
            load();
        }
        return refused ? Optional.of(TwitchCredentials.TURNED_DOWN) : Optional.empty();
    }

    @Override
    public synchronized DeviceCode startSignIn() throws SignInException {
        loginSettings = twitch.get().orElseThrow(() -> new SignInException(
                "Signing in to Twitch needs the app's Twitch client id (Settings, --twitch-client-id or "
                        + "TWITCH_CLIENT_ID)."));
        login = new DeviceLogin(http, loginSettings, SCOPES, clock, sleeper);
        try {
            return login.start();
        } catch (TwitchException e) {
            throw new SignInException("Twitch sign-in failed: " + e.getMessage());
        }
    }

    @Override
    public String finishSignIn(DeviceCode code) throws SignInException, InterruptedException {
        DeviceLogin started;
        TwitchSettings settings;
        synchronized (this) {
            started = login;
            settings = loginSettings;
        }
        if (started == null) {
            throw new SignInException("Start the Twitch sign-in first.");
        }
        DeviceLoginResult result = started.poll(code);
        if (!(result instanceof DeviceLoginResult.Success success)) {
            throw new SignInException(sentence(result));
        }
        synchronized (this) {
            try {
                store.keep(success.token());
            } catch (IOException e) {
                throw new SignInException("The Twitch sign-in worked but cannot be kept in " + dataDir + ": "
                        + e.getMessage());
            }
            use(settings, success.token());
        }
        listeners.changed();
        return success.token().login();
    }

    @Override
    public void signOut() throws SignInException {
        synchronized (this) {
            try {
                store.delete();
            } catch (IOException e) {
                throw new SignInException("The Twitch sign-in in " + dataDir + " cannot be removed: " + e.getMessage());
            }
            forget();
            loaded = true;
        }
        log.info("Signed out of Twitch");
        listeners.changed();
    }

    @Override
    public void addListener(Runnable changed) {
        listeners.add(changed);
    }

    @Override
    public void removeListener(Runnable changed) {
        listeners.remove(changed);
    }

    private void load() {
        Optional<TwitchAccountStore.Saved> saved;
        try {
            saved = store.load();
        } catch (IOException e) {
            log.warn("The Twitch sign-in cannot be read: {}", e.getMessage());
            loaded = true;
            return;
        }
        if (saved.isEmpty()) {
            log.info("Not signed in to Twitch: sign in (Settings, or --twitch-login) for chat commands and viewer counts");
            loaded = true;
            return;
        }
        if (saved.get().refused()) {
            log.warn("Twitch chat and stream status are off: {}", TwitchCredentials.TURNED_DOWN);
            refused = true;
            loaded = true;
            return;
        }
        Optional<TwitchSettings> settings = twitch.get();
        if (settings.isEmpty()) {
            // Not loaded for good: a client id set in Settings counts at the next look.
            log.info("Twitch chat and stream status are off: no client id (--twitch-client-id)");
            return;
        }
        use(settings.get(), saved.get().token());
    }

    private void use(TwitchSettings settings, TwitchToken token) {
        forget();
        credentials = new TwitchCredentials(http, settings, token, store, clock);
        credentials.addListener(refusals);
        loaded = true;
    }

    private void forget() {
        if (credentials != null) {
            credentials.removeListener(refusals);
        }
        credentials = null;
        refused = false;
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
}
