package com.gametriggers.companion.ui.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.gametriggers.companion.store.MongoUris;
import com.gametriggers.companion.store.StoreException;

/**
 * The settings form without its window: the text of each field, checked on demand into one sentence per field the
 * streamer can act on, and a MongoDB connection test. No JavaFX here, so it is tested without a screen; the view
 * binds its text fields to the getters and setters and listens with {@link #addListener(Runnable)}.
 *
 * <p>The MongoDB address is shown with its password as {@code ****} ({@link #mongoUriText()}). When the streamer
 * edits the address and leaves {@code ****} in place, the stored password is kept; typing a new password replaces
 * it. Not thread-safe: use it from one thread (the UI thread); only the connection test runs elsewhere.
 */
public final class SettingsViewModel {

    public static final int MIN_PORT = 1024;
    public static final int MAX_PORT = 65_535;
    public static final String DARK = "dark";
    public static final String LIGHT = "light";
    static final String MASK = "****";
    private static final int MAX_CLIENT_ID_LENGTH = 64;

    /** The scheme and user name, then the password, of a URI with credentials. */
    private static final Pattern CREDENTIALS = Pattern.compile("^(mongodb(?:\\+srv)?://[^:/@]*):([^@/]*)@");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9]+");
    /** A tag as Twitch titles carry it: a hash and a word (letters, digits or underscores, in any language). */
    private static final Pattern DISCLOSURE_TAG = Pattern.compile("#[\\p{L}\\p{N}_]+");

    /** The form's fields, in the order they are shown. */
    public enum Field { MONGO_URI, OVERLAY_PORT, PUBLIC_TRACKING_URL, TWITCH_CLIENT_ID, DISCLOSURE_TAGS, THEME }

    /**
     * Settings as the form edits them (the app maps them to and from its own settings record).
     *
     * @param mongoUri          empty for the embedded store
     * @param overlayPort       from {@value #MIN_PORT} to {@value #MAX_PORT}
     * @param publicTrackingUrl empty for links that work on this machine only
     * @param twitchClientId    empty when chat and viewer counts stay off
     * @param disclosureTags    the stream-title tags that disclose sponsors, such as {@code #ad}; at least one
     * @param theme             {@value #DARK} or {@value #LIGHT}
     */
    public record Values(Optional<String> mongoUri, int overlayPort, Optional<URI> publicTrackingUrl,
                         Optional<String> twitchClientId, List<String> disclosureTags, String theme) {

        public Values {
            Objects.requireNonNull(mongoUri, "mongoUri");
            Objects.requireNonNull(publicTrackingUrl, "publicTrackingUrl");
            Objects.requireNonNull(twitchClientId, "twitchClientId");
            disclosureTags = List.copyOf(disclosureTags);
            Objects.requireNonNull(theme, "theme");
        }

        @Override
        public String toString() {
            return "Values[mongoUri=" + mongoUri.map(MongoUris::redact) + ", overlayPort=" + overlayPort
                    + ", publicTrackingUrl=" + publicTrackingUrl + ", twitchClientId=" + twitchClientId
                    + ", disclosureTags=" + disclosureTags + ", theme=" + theme + "]";
        }
    }

    private final List<Runnable> listeners = new ArrayList<>();
    private Values initial;
    private String mongoUri;
    private String overlayPort;
    private String publicTrackingUrl;
    private String twitchClientId;
    private String disclosureTags;
    private String theme;
    private Map<Field, String> errors = Collections.emptyMap();

    public SettingsViewModel(Values initial) {
        reset(initial);
    }

    /** Puts these values in the form (after a save, or to undo the streamer's edits) and clears the errors. */
    public void reset(Values values) {
        initial = Objects.requireNonNull(values, "values");
        mongoUri = values.mongoUri().orElse("");
        overlayPort = Integer.toString(values.overlayPort());
        publicTrackingUrl = values.publicTrackingUrl().map(URI::toString).orElse("");
        twitchClientId = values.twitchClientId().orElse("");
        disclosureTags = String.join(", ", values.disclosureTags());
        theme = values.theme();
        errors = Collections.emptyMap();
        changed();
    }

    /** Called after every change of a field's text or of the errors. */
    public void addListener(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** The MongoDB address as the form shows it: its password, if any, as {@code ****}. */
    public String mongoUriText() {
        return MongoUris.redact(mongoUri);
    }

    /** The streamer's edit of the shown address; a password left as {@code ****} keeps the stored one. */
    public void setMongoUriText(String text) {
        String typed = Objects.requireNonNullElse(text, "");
        Matcher edited = CREDENTIALS.matcher(typed);
        Matcher stored = CREDENTIALS.matcher(mongoUri);
        if (edited.find() && MASK.equals(edited.group(2)) && stored.find()) {
            typed = edited.group(1) + ":" + stored.group(2) + "@" + typed.substring(edited.end());
        }
        set(Field.MONGO_URI, typed);
    }

    public String overlayPortText() {
        return overlayPort;
    }

    public void setOverlayPortText(String text) {
        set(Field.OVERLAY_PORT, text);
    }

    public String publicTrackingUrlText() {
        return publicTrackingUrl;
    }

    public void setPublicTrackingUrlText(String text) {
        set(Field.PUBLIC_TRACKING_URL, text);
    }

    /** The Twitch client id is public (it is in every Twitch request the app makes), so it is shown as it is. */
    public String twitchClientIdText() {
        return twitchClientId;
    }

    public void setTwitchClientIdText(String text) {
        set(Field.TWITCH_CLIENT_ID, text);
    }

    /** The disclosure tags as the form shows them: {@code #ad, #sponsored}. */
    public String disclosureTagsText() {
        return disclosureTags;
    }

    public void setDisclosureTagsText(String text) {
        set(Field.DISCLOSURE_TAGS, text);
    }

    public String theme() {
        return theme;
    }

    public void setTheme(String text) {
        set(Field.THEME, text);
    }

    /** Checks every field; returns (and keeps, for {@link #error(Field)}) one sentence per field that is wrong. */
    public Map<Field, String> validate() {
        Map<Field, String> found = new EnumMap<>(Field.class);
        mongoUriError(mongoUri.strip()).ifPresent(error -> found.put(Field.MONGO_URI, error));
        if (parsePort(overlayPort.strip()).isEmpty()) {
            found.put(Field.OVERLAY_PORT, "The overlay port must be a number from " + MIN_PORT + " to " + MAX_PORT + ".");
        }
        if (!publicTrackingUrl.isBlank() && parseWebAddress(publicTrackingUrl.strip()).isEmpty()) {
            found.put(Field.PUBLIC_TRACKING_URL, "The public tracking URL must be a web address starting with http:// "
                    + "or https://, such as https://gt.example.net.");
        }
        String clientId = twitchClientId.strip();
        if (!clientId.isEmpty() && (!CLIENT_ID.matcher(clientId).matches() || clientId.length() > MAX_CLIENT_ID_LENGTH)) {
            found.put(Field.TWITCH_CLIENT_ID, "The Twitch client id can only contain letters and digits, as Twitch "
                    + "shows it in its developer console.");
        }
        if (parseTags(disclosureTags).isEmpty()) {
            found.put(Field.DISCLOSURE_TAGS, "Disclosure tags must be one or more #words separated by commas, such as "
                    + "#ad, #sponsored.");
        }
        if (!DARK.equals(theme) && !LIGHT.equals(theme)) {
            found.put(Field.THEME, "The theme must be dark or light.");
        }
        errors = Collections.unmodifiableMap(found);
        changed();
        return errors;
    }

    /** The field's error from the last {@link #validate()}; editing a field clears its error. */
    public Optional<String> error(Field field) {
        return Optional.ofNullable(errors.get(field));
    }

    public Map<Field, String> errors() {
        return errors;
    }

    /** Validates, then returns the values to save, or empty when a field is wrong (see {@link #errors()}). */
    public Optional<Values> values() {
        if (!validate().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Values(
                Optional.of(mongoUri.strip()).filter(uri -> !uri.isEmpty()),
                parsePort(overlayPort.strip()).orElseThrow(),
                Optional.of(publicTrackingUrl.strip()).filter(url -> !url.isEmpty()).flatMap(SettingsViewModel::parseWebAddress),
                Optional.of(twitchClientId.strip()).filter(id -> !id.isEmpty()),
                parseTags(disclosureTags).orElseThrow(),
                theme));
    }

    /** Whether the form differs from the values it was last reset to (valid or not). */
    public boolean hasChanges() {
        return !mongoUri.strip().equals(initial.mongoUri().orElse(""))
                || !overlayPort.strip().equals(Integer.toString(initial.overlayPort()))
                || !publicTrackingUrl.strip().equals(initial.publicTrackingUrl().map(URI::toString).orElse(""))
                || !twitchClientId.strip().equals(initial.twitchClientId().orElse(""))
                || !parseTags(disclosureTags).equals(Optional.of(initial.disclosureTags()))
                || !theme.equals(initial.theme());
    }

    /**
     * What the streamer reads after saving: the theme changes at once, the rest at the next start (the store, the
     * port OBS uses, the Twitch connection and its disclosure check are set up once, when the app starts).
     */
    public static String savedSentence(Values before, Values after) {
        List<String> later = new ArrayList<>();
        if (!before.mongoUri().equals(after.mongoUri())) {
            later.add("the MongoDB address");
        }
        if (before.overlayPort() != after.overlayPort()) {
            later.add("the overlay port (give OBS the new URL)");
        }
        if (!before.publicTrackingUrl().equals(after.publicTrackingUrl())) {
            later.add("the public tracking URL");
        }
        if (!before.twitchClientId().equals(after.twitchClientId())) {
            later.add("the Twitch client id");
        }
        if (!before.disclosureTags().equals(after.disclosureTags())) {
            later.add("the disclosure tags");
        }
        if (later.isEmpty()) {
            return "Saved.";
        }
        String list = later.size() == 1 ? later.get(0)
                : String.join(", ", later.subList(0, later.size() - 1)) + " and " + later.get(later.size() - 1);
        return "Saved. Start the app again to use " + list + ".";
    }

    /**
     * Tries the MongoDB address in the form: {@code opener} (for the app, one that opens a store with that URI and
     * fails with a {@link StoreException}) runs on {@code background}, never on the caller's thread, and what it
     * opened is closed at once. The future always completes normally, on the background thread, with one sentence
     * to show: "Connected to ..." with the password masked, or why it failed. An empty or malformed address is
     * answered at once without calling {@code opener}.
     */
    public CompletableFuture<String> testConnection(Executor background, Function<String, ? extends AutoCloseable> opener) {
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(opener, "opener");
        String uri = mongoUri.strip();
        if (uri.isEmpty()) {
            return CompletableFuture.completedFuture(
                    "No MongoDB address: the app keeps your data in its own store in your data folder.");
        }
        Optional<String> error = mongoUriError(uri);
        if (error.isPresent()) {
            return CompletableFuture.completedFuture(error.get());
        }
        String shown = MongoUris.redact(uri);
        try {
            return CompletableFuture.supplyAsync(() -> tryOpen(uri, shown, opener), background);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture("The connection test could not start; please try again.");
        }
    }

    private static String tryOpen(String uri, String shown, Function<String, ? extends AutoCloseable> opener) {
        AutoCloseable opened;
        try {
            opened = opener.apply(uri);
        } catch (StoreException e) {
            return sentence(e.getMessage(), "MongoDB at " + shown + " cannot be used.");
        } catch (RuntimeException e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : mask(e.getMessage(), uri, shown);
            return "MongoDB at " + shown + " cannot be used: " + detail;
        }
        try {
            if (opened != null) {
                opened.close();
            }
        } catch (Exception ignored) {
            // The connection worked; failing to close the test connection changes nothing for the streamer.
        }
        return "Connected to " + shown + ".";
    }

    private static String sentence(String message, String fallback) {
        return message == null || message.isBlank() ? fallback : message;
    }

    /** A message from elsewhere may quote the URI: show it without its password. */
    private static String mask(String message, String uri, String shown) {
        return MongoUris.redact(message.replace(uri, shown));
    }

    private static Optional<String> mongoUriError(String uri) {
        if (uri.isEmpty()) {
            return Optional.empty();
        }
        String scheme;
        if (uri.startsWith("mongodb://")) {
            scheme = "mongodb://";
        } else if (uri.startsWith("mongodb+srv://")) {
            scheme = "mongodb+srv://";
        } else {
            return Optional.of("The MongoDB address must start with mongodb:// or mongodb+srv://.");
        }
        if (uri.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("The MongoDB address must not contain spaces.");
        }
        String rest = uri.substring(scheme.length());
        String hosts = rest.substring(rest.lastIndexOf('@', firstOf(rest, '/', '?')) + 1);
        if (hosts.isEmpty() || hosts.charAt(0) == '/' || hosts.charAt(0) == '?') {
            return Optional.of("The MongoDB address needs a server name after " + scheme + ".");
        }
        return Optional.empty();
    }

    /** The index of the first of these characters in the text, or its length. */
    private static int firstOf(String text, char a, char b) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == a || text.charAt(i) == b) {
                return i;
            }
        }
        return text.length();
    }

    /** {@code #ad, #sponsored}: the tags, or empty when there is none or one is not a {@code #word}. */
    private static Optional<List<String>> parseTags(String text) {
        List<String> tags = java.util.Arrays.stream(text.split(",")).map(String::strip).filter(tag -> !tag.isEmpty())
                .toList();
        boolean valid = !tags.isEmpty() && tags.stream().allMatch(tag -> DISCLOSURE_TAG.matcher(tag).matches());
        return valid ? Optional.of(tags) : Optional.empty();
    }

    private static Optional<Integer> parsePort(String text) {
        if (!text.matches("[0-9]{1,5}")) {
            return Optional.empty();
        }
        int port = Integer.parseInt(text);
        return port >= MIN_PORT && port <= MAX_PORT ? Optional.of(port) : Optional.empty();
    }

    private static Optional<URI> parseWebAddress(String text) {
        try {
            URI uri = new URI(text);
            boolean web = ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
            return web ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private void set(Field field, String text) {
        String value = Objects.requireNonNullElse(text, "");
        switch (field) {
            case MONGO_URI -> mongoUri = value;
            case OVERLAY_PORT -> overlayPort = value;
            case PUBLIC_TRACKING_URL -> publicTrackingUrl = value;
            case TWITCH_CLIENT_ID -> twitchClientId = value;
            case DISCLOSURE_TAGS -> disclosureTags = value;
            case THEME -> theme = value;
        }
        if (errors.containsKey(field)) {
            Map<Field, String> rest = new EnumMap<>(Field.class);
            rest.putAll(errors);
            rest.remove(field);
            errors = Collections.unmodifiableMap(rest);
        }
        changed();
    }

    private void changed() {
        for (Runnable listener : List.copyOf(listeners)) {
            listener.run();
        }
    }
}
