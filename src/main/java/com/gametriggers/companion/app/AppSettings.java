package com.gametriggers.companion.app;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import com.gametriggers.companion.obs.ObsConnectionSettings;
import com.gametriggers.companion.overlay.OverlaySettings;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.store.MongoUris;
import com.gametriggers.companion.twitch.DisclosureCheck;
import com.gametriggers.companion.ui.WhenWindowCloses;
import com.gametriggers.companion.ui.WindowBounds;
import com.gametriggers.companion.update.UpdateSettings;

/**
 * The settings the streamer can change in the app, kept in {@code settings.properties} in the data folder. The file
 * is written readable by the user only, as the MongoDB URI may carry a password. Command-line options override these
 * values, which override {@link #defaults()}.
 *
 * @param mongoUri          the MongoDB to use; empty means the embedded store
 * @param overlayPort       the local overlay server's port, from {@value #MIN_PORT} to {@value #MAX_PORT}
 * @param publicTrackingUrl where viewers reach the tracking links (an absolute http or https address)
 * @param twitchClientId    the app's public Twitch client id
 * @param theme             {@value #DARK} or {@value #LIGHT}
 * @param window            where the main window was last, if known
 * @param rotation          how the overlay paces sponsors
 * @param obs               where OBS's WebSocket server listens, for "Add to OBS"
 * @param whenClosed        what closing the window does while the services run
 * @param updates           whether the app looks for a newer version once a day, and when it last did
 * @param startWithComputer whether the app starts in the background when the streamer logs in (off until chosen)
 * @param disclosureTags    the stream-title tags that disclose sponsors, besides Twitch's branded-content label
 */
public record AppSettings(Optional<String> mongoUri, int overlayPort, Optional<URI> publicTrackingUrl,
                          Optional<String> twitchClientId, String theme, Optional<WindowBounds> window,
                          RotationSettings rotation, ObsConnectionSettings obs, WhenWindowCloses whenClosed,
                          UpdateSettings updates, boolean startWithComputer, List<String> disclosureTags) {

    public static final String FILE_NAME = "settings.properties";
    public static final String DARK = "dark";
    public static final String LIGHT = "light";
    public static final int MIN_PORT = 1024;
    public static final int MAX_PORT = 65_535;
    /** A day: longer waits or showings are typing mistakes. */
    static final long MAX_ROTATION_SECONDS = 86_400;

    static final String MONGO_URI = "mongoUri";
    static final String OVERLAY_PORT = "overlayPort";
    static final String PUBLIC_TRACKING_URL = "publicTrackingUrl";
    static final String TWITCH_CLIENT_ID = "twitchClientId";
    static final String THEME = "theme";
    static final String WINDOW_X = "window.x";
    static final String WINDOW_Y = "window.y";
    static final String WINDOW_WIDTH = "window.width";
    static final String WINDOW_HEIGHT = "window.height";
    static final String ROTATION_DISPLAY_SECONDS = "rotation.displaySeconds";
    static final String ROTATION_GAP_SECONDS = "rotation.secondsBetweenSponsors";
    static final String ROTATION_DELAY_SECONDS = "rotation.secondsAfterGoingLive";
    static final String ROTATION_STRATEGY = "rotation.strategy";
    static final String ROTATION_COUNTDOWN_SECONDS = "rotation.countdownSeconds";
    static final String ROTATION_DAILY_SHOWINGS = "rotation.dailyShowingsPerSponsor";
    static final String ROTATION_COUNTDOWN_ON_OVERLAY = "rotation.countdownOnOverlay";
    static final String OBS_HOST = "obs.host";
    static final String OBS_PORT = "obs.port";
    static final String OBS_PASSWORD = "obs.password";
    static final String WHEN_WINDOW_CLOSES = "whenWindowCloses";
    static final String UPDATE_CHECK = "update.check";
    static final String UPDATE_LAST_CHECK = "update.lastCheck";
    static final String START_WITH_COMPUTER = "startWithComputer";
    static final String DISCLOSURE_TAGS = "disclosure.tags";

    public AppSettings {
        Objects.requireNonNull(mongoUri, "mongoUri");
        Objects.requireNonNull(publicTrackingUrl, "publicTrackingUrl");
        Objects.requireNonNull(twitchClientId, "twitchClientId");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(rotation, "rotation");
        Objects.requireNonNull(obs, "obs");
        Objects.requireNonNull(whenClosed, "whenClosed");
        Objects.requireNonNull(updates, "updates");
        disclosureTags = disclosureTags.stream().map(String::strip).filter(tag -> !tag.isEmpty()).toList();
        mongoUri = mongoUri.map(String::strip).filter(uri -> !uri.isEmpty());
        twitchClientId = twitchClientId.map(String::strip).filter(id -> !id.isEmpty());
        mongoUri.ifPresent(uri -> {
            if (!isMongoUri(uri)) {
                throw new IllegalArgumentException("The MongoDB URI must start with mongodb:// or mongodb+srv://.");
            }
        });
        if (overlayPort < MIN_PORT || overlayPort > MAX_PORT) {
            throw new IllegalArgumentException("The overlay port must be from " + MIN_PORT + " to " + MAX_PORT + ": "
                    + overlayPort);
        }
        publicTrackingUrl.ifPresent(url -> {
            if (!isWebAddress(url)) {
                throw new IllegalArgumentException("The public tracking URL must be an http(s) address: " + url);
            }
        });
        if (!DARK.equals(theme) && !LIGHT.equals(theme)) {
            throw new IllegalArgumentException("The theme must be dark or light: " + theme);
        }
    }

    public static AppSettings defaults() {
        return new AppSettings(Optional.empty(), OverlaySettings.DEFAULT_PORT, Optional.empty(), Optional.empty(), DARK,
                Optional.empty(), RotationSettings.defaults(), ObsConnectionSettings.defaults(), WhenWindowCloses.ASK,
                UpdateSettings.defaults(), false, DisclosureCheck.DEFAULT_TAGS);
    }

    public AppSettings withWindow(Optional<WindowBounds> newWindow) {
        return new AppSettings(mongoUri, overlayPort, publicTrackingUrl, twitchClientId, theme, newWindow, rotation, obs,
                whenClosed, updates, startWithComputer, disclosureTags);
    }

    public AppSettings withRotation(RotationSettings newRotation) {
        return new AppSettings(mongoUri, overlayPort, publicTrackingUrl, twitchClientId, theme, window, newRotation, obs,
                whenClosed, updates, startWithComputer, disclosureTags);
    }

    /** The settings the form edits, keeping the window and the rotation. */
    public AppSettings withForm(Optional<String> newMongoUri, int newOverlayPort, Optional<URI> newPublicTrackingUrl,
                                Optional<String> newTwitchClientId, List<String> newDisclosureTags, String newTheme) {
        return new AppSettings(newMongoUri, newOverlayPort, newPublicTrackingUrl, newTwitchClientId, newTheme, window,
                rotation, obs, whenClosed, updates, startWithComputer, newDisclosureTags);
    }

    public AppSettings withObs(ObsConnectionSettings newObs) {
        return new AppSettings(mongoUri, overlayPort, publicTrackingUrl, twitchClientId, theme, window, rotation, newObs,
                whenClosed, updates, startWithComputer, disclosureTags);
    }

    public AppSettings withWhenClosed(WhenWindowCloses newWhenClosed) {
        return new AppSettings(mongoUri, overlayPort, publicTrackingUrl, twitchClientId, theme, window, rotation, obs,
                newWhenClosed, updates, startWithComputer, disclosureTags);
    }

    public AppSettings withUpdates(UpdateSettings newUpdates) {
        return new AppSettings(mongoUri, overlayPort, publicTrackingUrl, twitchClientId, theme, window, rotation, obs,
                whenClosed, newUpdates, startWithComputer, disclosureTags);
    }

    public AppSettings withStartWithComputer(boolean on) {
        return new AppSettings(mongoUri, overlayPort, publicTrackingUrl, twitchClientId, theme, window, rotation, obs,
                whenClosed, updates, on, disclosureTags);
    }

    /**
     * Reads {@code settings.properties} from the data folder: a missing file, or a missing or blank value, means the
     * default; a value that cannot be used fails with a sentence naming its key (and never showing a password).
     */
    public static AppSettings load(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        Properties properties = PrivateFiles.read(file);
        AppSettings defaults = defaults();

        Optional<String> mongoUri = value(properties, MONGO_URI);
        if (mongoUri.isPresent() && !isMongoUri(mongoUri.get())) {
            // Not echoed: redact() only knows MongoDB URIs, and this one may still carry a password.
            throw new IOException("In " + file + ", " + MONGO_URI + " must start with mongodb:// or mongodb+srv://.");
        }

        int overlayPort = defaults.overlayPort();
        Optional<String> portText = value(properties, OVERLAY_PORT);
        if (portText.isPresent()) {
            overlayPort = parsePort(portText.get()).orElseThrow(() -> malformed(file, OVERLAY_PORT,
                    "must be a number from " + MIN_PORT + " to " + MAX_PORT, portText.get()));
        }

        Optional<URI> publicTrackingUrl = Optional.empty();
        Optional<String> urlText = value(properties, PUBLIC_TRACKING_URL);
        if (urlText.isPresent()) {
            publicTrackingUrl = Optional.of(parseWebAddress(urlText.get()).orElseThrow(() -> malformed(file,
                    PUBLIC_TRACKING_URL, "must be an address starting with http:// or https://", urlText.get())));
        }

        Optional<String> twitchClientId = value(properties, TWITCH_CLIENT_ID);

        String theme = defaults.theme();
        Optional<String> themeText = value(properties, THEME);
        if (themeText.isPresent()) {
            theme = themeText.get().toLowerCase(Locale.ROOT);
            if (!DARK.equals(theme) && !LIGHT.equals(theme)) {
                throw malformed(file, THEME, "must be dark or light", themeText.get());
            }
        }

        Optional<WindowBounds> window = readWindow(properties, file);
        RotationSettings rotation = readRotation(properties, file, defaults.rotation());
        ObsConnectionSettings obs = readObs(properties, file);
        WhenWindowCloses whenClosed = defaults.whenClosed();
        Optional<String> whenClosedText = value(properties, WHEN_WINDOW_CLOSES);
        if (whenClosedText.isPresent()) {
            whenClosed = WhenWindowCloses.fromKey(whenClosedText.get()).orElseThrow(() -> malformed(file,
                    WHEN_WINDOW_CLOSES, "must be ask, keep-running or quit", whenClosedText.get()));
        }
        UpdateSettings updates = readUpdates(properties, file);

        boolean startWithComputer = readBoolean(properties, START_WITH_COMPUTER, defaults.startWithComputer(), file);
        List<String> disclosureTags = value(properties, DISCLOSURE_TAGS).map(AppSettings::tags)
                .orElse(defaults.disclosureTags());

        return new AppSettings(mongoUri, overlayPort, publicTrackingUrl, twitchClientId, theme, window, rotation, obs,
                whenClosed, updates, startWithComputer, disclosureTags);
    }

    /** Replaces {@code settings.properties} in one step, readable by the user only; unset values are left out. */
    public void writeTo(Path dataDir) throws IOException {
        Properties properties = new Properties();
        mongoUri.ifPresent(uri -> properties.setProperty(MONGO_URI, uri));
        properties.setProperty(OVERLAY_PORT, Integer.toString(overlayPort));
        publicTrackingUrl.ifPresent(url -> properties.setProperty(PUBLIC_TRACKING_URL, url.toString()));
        twitchClientId.ifPresent(id -> properties.setProperty(TWITCH_CLIENT_ID, id));
        properties.setProperty(THEME, theme);
        window.ifPresent(bounds -> {
            properties.setProperty(WINDOW_X, Double.toString(bounds.x()));
            properties.setProperty(WINDOW_Y, Double.toString(bounds.y()));
            properties.setProperty(WINDOW_WIDTH, Double.toString(bounds.width()));
            properties.setProperty(WINDOW_HEIGHT, Double.toString(bounds.height()));
        });
        properties.setProperty(ROTATION_DISPLAY_SECONDS, Long.toString(rotation.displayDuration().toSeconds()));
        properties.setProperty(ROTATION_GAP_SECONDS, Long.toString(rotation.timeBetweenSponsors().toSeconds()));
        properties.setProperty(ROTATION_DELAY_SECONDS, Long.toString(rotation.delayAfterGoingLive().toSeconds()));
        properties.setProperty(ROTATION_STRATEGY, rotation.strategy());
        properties.setProperty(ROTATION_COUNTDOWN_SECONDS, Long.toString(rotation.countdown().toSeconds()));
        properties.setProperty(ROTATION_DAILY_SHOWINGS, Integer.toString(rotation.dailyShowingsPerSponsor()));
        properties.setProperty(ROTATION_COUNTDOWN_ON_OVERLAY, Boolean.toString(rotation.countdownOnOverlay()));
        properties.setProperty(OBS_HOST, obs.host());
        properties.setProperty(OBS_PORT, Integer.toString(obs.port()));
        obs.password().ifPresent(password -> properties.setProperty(OBS_PASSWORD, password));
        properties.setProperty(WHEN_WINDOW_CLOSES, whenClosed.key());
        properties.setProperty(UPDATE_CHECK, Boolean.toString(updates.enabled()));
        updates.lastCheck().ifPresent(at -> properties.setProperty(UPDATE_LAST_CHECK, at.toString()));
        properties.setProperty(START_WITH_COMPUTER, Boolean.toString(startWithComputer));
        properties.setProperty(DISCLOSURE_TAGS, String.join(", ", disclosureTags));
        PrivateFiles.write(dataDir.resolve(FILE_NAME), properties, "GameTriggers Companion: your settings");
    }

    @Override
    public String toString() {
        // Records print every component; keep the MongoDB password out of logs.
        return "AppSettings[mongoUri=" + mongoUri.map(MongoUris::redact) + ", overlayPort=" + overlayPort
                + ", publicTrackingUrl=" + publicTrackingUrl + ", twitchClientId=" + twitchClientId + ", theme=" + theme
                + ", window=" + window + ", rotation=" + rotation + ", obs=" + obs + ", whenClosed=" + whenClosed
                + ", updates=" + updates + ", startWithComputer=" + startWithComputer + ", disclosureTags="
                + disclosureTags + "]";
    }

    /** {@code #ad, #sponsored}: commas or spaces between tags, as a streamer would type them. */
    private static List<String> tags(String text) {
        return Arrays.stream(text.split("[,\\s]+")).filter(tag -> !tag.isBlank()).toList();
    }

    /** A last check that cannot be read is forgotten rather than refused: the next check is then due at once. */
    private static UpdateSettings readUpdates(Properties properties, Path file) throws IOException {
        boolean enabled = readBoolean(properties, UPDATE_CHECK, UpdateSettings.defaults().enabled(), file);
        Optional<Instant> lastCheck = value(properties, UPDATE_LAST_CHECK).flatMap(text -> {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
        return new UpdateSettings(enabled, lastCheck);
    }

    private static boolean readBoolean(Properties properties, String key, boolean otherwise, Path file) throws IOException {
        Optional<String> text = value(properties, key);
        if (text.isEmpty()) {
            return otherwise;
        }
        String lower = text.get().toLowerCase(Locale.ROOT);
        if (!lower.equals("true") && !lower.equals("false")) {
            throw malformed(file, key, "must be true or false", text.get());
        }
        return Boolean.parseBoolean(lower);
    }

    private static ObsConnectionSettings readObs(Properties properties, Path file) throws IOException {
        String host = value(properties, OBS_HOST).orElse(ObsConnectionSettings.DEFAULT_HOST);
        int port = ObsConnectionSettings.DEFAULT_PORT;
        Optional<String> portText = value(properties, OBS_PORT);
        if (portText.isPresent()) {
            port = portText.filter(text -> text.matches("[0-9]{1,5}")).map(Integer::parseInt)
                    .filter(number -> number >= 1 && number <= MAX_PORT)
                    .orElseThrow(() -> malformed(file, OBS_PORT, "must be a number from 1 to " + MAX_PORT, portText.get()));
        }
        try {
            return new ObsConnectionSettings(host, port, Optional.ofNullable(properties.getProperty(OBS_PASSWORD)));
        } catch (IllegalArgumentException e) {
            throw malformed(file, OBS_HOST, "must be a host name or address", host);
        }
    }

    /** Each rotation value on its own: a missing one keeps its default, a wrong one fails naming its key. */
    private static RotationSettings readRotation(Properties properties, Path file, RotationSettings defaults)
            throws IOException {
        java.time.Duration display = seconds(properties, file, ROTATION_DISPLAY_SECONDS, 1)
                .orElse(defaults.displayDuration());
        java.time.Duration gap = seconds(properties, file, ROTATION_GAP_SECONDS, 0).orElse(defaults.timeBetweenSponsors());
        java.time.Duration delay = seconds(properties, file, ROTATION_DELAY_SECONDS, 0)
                .orElse(defaults.delayAfterGoingLive());
        String strategy = value(properties, ROTATION_STRATEGY).orElse(defaults.strategy());
        java.time.Duration countdown = seconds(properties, file, ROTATION_COUNTDOWN_SECONDS, 0)
                .orElse(defaults.countdown());
        int dailyShowings = dailyShowings(properties, file).orElse(defaults.dailyShowingsPerSponsor());
        boolean countdownOnOverlay = readBoolean(properties, ROTATION_COUNTDOWN_ON_OVERLAY,
                defaults.countdownOnOverlay(), file);
        try {
            return new RotationSettings(display, gap, delay, strategy, countdown, dailyShowings, countdownOnOverlay);
        } catch (IllegalArgumentException e) {
            throw malformed(file, ROTATION_STRATEGY, "must be one of " + RotationSettings.strategies(), strategy);
        }
    }

    private static Optional<Integer> dailyShowings(Properties properties, Path file) throws IOException {
        Optional<String> text = value(properties, ROTATION_DAILY_SHOWINGS);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.get().matches("[0-9]{1,7}")) {
            int showings = Integer.parseInt(text.get());
            if (showings <= RotationSettings.MAX_DAILY_SHOWINGS) {
                return Optional.of(showings);
            }
        }
        throw malformed(file, ROTATION_DAILY_SHOWINGS, "must be a whole number of showings from 0 (no limit) to "
                + RotationSettings.MAX_DAILY_SHOWINGS, text.get());
    }

    private static Optional<java.time.Duration> seconds(Properties properties, Path file, String key, long minimum)
            throws IOException {
        Optional<String> text = value(properties, key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(text.get());
            if (seconds >= minimum && seconds <= MAX_ROTATION_SECONDS) {
                return Optional.of(java.time.Duration.ofSeconds(seconds));
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw malformed(file, key, "must be a whole number of seconds from " + minimum + " to " + MAX_ROTATION_SECONDS,
                text.get());
    }

    /** All four window values, or none (then the window opens where the system puts it). */
    private static Optional<WindowBounds> readWindow(Properties properties, Path file) throws IOException {
        String[] keys = {WINDOW_X, WINDOW_Y, WINDOW_WIDTH, WINDOW_HEIGHT};
        double[] numbers = new double[keys.length];
        int present = 0;
        for (int i = 0; i < keys.length; i++) {
            Optional<String> text = value(properties, keys[i]);
            if (text.isEmpty()) {
                continue;
            }
            present++;
            try {
                numbers[i] = Double.parseDouble(text.get());
            } catch (NumberFormatException e) {
                throw malformed(file, keys[i], "must be a number", text.get());
            }
            boolean size = i >= 2;
            if (!Double.isFinite(numbers[i]) || size && numbers[i] <= 0) {
                throw malformed(file, keys[i], size ? "must be a number above 0" : "must be a finite number",
                        text.get());
            }
        }
        if (present == 0) {
            return Optional.empty();
        }
        for (int i = 0; i < keys.length; i++) {
            if (value(properties, keys[i]).isEmpty()) {
                throw new IOException(file + " has no " + keys[i] + ", which the other window values need.");
            }
        }
        return Optional.of(new WindowBounds(numbers[0], numbers[1], numbers[2], numbers[3]));
    }

    private static Optional<String> value(Properties properties, String key) {
        return Optional.ofNullable(properties.getProperty(key)).map(String::strip).filter(text -> !text.isEmpty());
    }

    private static IOException malformed(Path file, String key, String expectation, String found) {
        return new IOException("In " + file + ", " + key + " " + expectation + " (found \"" + found + "\").");
    }

    private static Optional<Integer> parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            return port >= MIN_PORT && port <= MAX_PORT ? Optional.of(port) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<URI> parseWebAddress(String text) {
        try {
            URI uri = new URI(text);
            return isWebAddress(uri) ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean isWebAddress(URI url) {
        return ("https".equals(url.getScheme()) || "http".equals(url.getScheme())) && url.getHost() != null;
    }

    private static boolean isMongoUri(String uri) {
        return uri.startsWith("mongodb://") || uri.startsWith("mongodb+srv://");
    }
}
