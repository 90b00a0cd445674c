package com.gametriggers.companion.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.ui.TwitchAccount.SignInException;
import com.gametriggers.companion.ui.YouTubeAccount;
import com.gametriggers.companion.youtube.GoogleCredentials;
import com.gametriggers.companion.youtube.GoogleOAuthSettings;
import com.gametriggers.companion.youtube.GoogleSignIn;
import com.gametriggers.companion.youtube.GoogleToken;
import com.gametriggers.companion.youtube.YouTubeException;
import com.gametriggers.companion.youtube.YouTubeTokens;

import okhttp3.OkHttpClient;

/**
 * The app's Google sign-in for YouTube, for as long as the app runs: kept in the data folder
 * ({@link YouTubeAccountStore}), made in the system browser from the window, renewed while it runs
 * ({@link GoogleCredentials}), and forgotten on sign-out or once Google refuses it. The running YouTube link follows it
 * through {@link #addListener}.
 */
final class YouTubeSignIn implements YouTubeAccount {

    static final Duration SIGN_IN_TIMEOUT = Duration.ofMinutes(5);
    static final String NO_CLIENT_ID = "YouTube is off: this build of the app has no Google client id.";
    static final String TURNED_DOWN = "YouTube no longer accepts your sign-in; sign in with Google again for YouTube "
            + "chat commands and viewer counts.";

    private static final Logger log = LoggerFactory.getLogger(YouTubeSignIn.class);

    private final Path dataDir;
    private final YouTubeAccountStore store;
    private final Supplier<Optional<GoogleOAuthSettings>> google;
    private final OkHttpClient http;
    private final Clock clock;
    private final ChangeListeners listeners = new ChangeListeners("the YouTube sign-in");

    /* Guarded by this. */
    private GoogleCredentials credentials;
    private boolean refused;
    private boolean loaded;

    /**
     * @param google  Google's endpoints and the client id, read at each use so a client id saved in Settings counts;
     *                empty without one
     */
    YouTubeSignIn(Path dataDir, Supplier<Optional<GoogleOAuthSettings>> google, OkHttpClient http, Clock clock) {
        this.dataDir = dataDir;
        this.store = new YouTubeAccountStore(dataDir);
        this.google = google;
        this.http = http;
        this.clock = clock;
    }

    /** On Google itself, with the client this build ships with; without one YouTube is off. */
    static YouTubeSignIn onGoogle(Path dataDir, BuildDefaults build, OkHttpClient http, Clock clock) {
        Optional<GoogleOAuthSettings> google = build.youtubeClientId()
                .map(id -> GoogleOAuthSettings.google(id, build.youtubeClientSecret()));
        return new YouTubeSignIn(dataDir, () -> google, http, clock);
    }

    /** The sign-in YouTube runs on now: empty when signed out, without a client id, or once Google refused it. */
    synchronized Optional<GoogleCredentials> credentials() {
        if (!loaded) {
            load();
        }
        return Optional.ofNullable(credentials).filter(current -> !refused);
    }

    /** {@code current}'s tokens, which tell this sign-in when Google refuses them for good, so YouTube stops. */
    YouTubeTokens tokens(GoogleCredentials current) {
        return new YouTubeTokens() {
            @Override
            public String accessToken() throws YouTubeException {
                try {
                    return current.accessToken();
                } catch (YouTubeException e) {
                    throw refusedIf(current, e);
                }
            }

            @Override
            public String renewAfter(String rejectedAccessToken) throws YouTubeException {
                try {
                    return current.renewAfter(rejectedAccessToken);
                } catch (YouTubeException e) {
                    throw refusedIf(current, e);
                }
            }
        };
    }

    @Override
    public Optional<String> unavailable() {
        return google.get().isEmpty() ? Optional.of(NO_CLIENT_ID) : Optional.empty();
    }

    @Override
    public synchronized boolean signedIn() {
        if (!loaded) {
            load();
        }
        if (credentials != null) {
            return true;
        }
        try {
            return store.load().isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void signIn(Consumer<URI> browser) throws SignInException, InterruptedException {
        GoogleOAuthSettings settings = google.get().orElseThrow(() -> new SignInException(NO_CLIENT_ID));
        GoogleToken token;
        try {
            token = new GoogleSignIn(http, settings, clock, browser).signIn(SIGN_IN_TIMEOUT);
        } catch (YouTubeException e) {
            throw new SignInException(e.getMessage());
        }
        synchronized (this) {
            try {
                store.keep(token);
            } catch (IOException e) {
                throw new SignInException("The YouTube sign-in worked but cannot be kept in " + dataDir + ": "
                        + e.getMessage());
            }
            use(settings, token);
        }
        log.info("Signed in to YouTube");
        listeners.changed();
    }

    @Override
    public void signOut() throws SignInException {
        synchronized (this) {
            try {
                store.delete();
            } catch (IOException e) {
                throw new SignInException("The YouTube sign-in in " + dataDir + " cannot be removed: "
                        + e.getMessage());
            }
            credentials = null;
            refused = false;
            loaded = true;
        }
        log.info("Signed out of YouTube");
        listeners.changed();
    }

    @Override
    public synchronized Optional<String> needsStreamer() {
        return refused ? Optional.of(TURNED_DOWN) : Optional.empty();
    }

    @Override
    public void addListener(Runnable changed) {
        listeners.add(changed);
    }

    @Override
    public void removeListener(Runnable changed) {
        listeners.remove(changed);
    }

    private YouTubeException refusedIf(GoogleCredentials current, YouTubeException e) {
        if (e.kind() == YouTubeException.Kind.SIGN_IN_EXPIRED) {
            boolean now;
            synchronized (this) {
                now = credentials == current && !refused;
                refused |= now;
            }
            if (now) {
                log.warn("YouTube chat and viewer counts are off: {}", TURNED_DOWN);
                listeners.changed();
            }
        }
        return e;
    }

    private void load() {
        Optional<GoogleToken> saved;
        try {
            saved = store.load();
        } catch (IOException e) {
            log.warn("The YouTube sign-in cannot be read: {}", e.getMessage());
            loaded = true;
            return;
        }
        if (saved.isEmpty()) {
            loaded = true;
            return;
        }
        Optional<GoogleOAuthSettings> settings = google.get();
        if (settings.isEmpty()) {
            // Not loaded for good: a client id set in Settings counts at the next look.
            return;
        }
        use(settings.get(), saved.get());
    }

    private void use(GoogleOAuthSettings settings, GoogleToken token) {
        // Only renewals go through this sign-in, and they never open a browser.
        credentials = new GoogleCredentials(new GoogleSignIn(http, settings, clock, page -> { }), token, store, clock);
        refused = false;
        loaded = true;
    }
}
