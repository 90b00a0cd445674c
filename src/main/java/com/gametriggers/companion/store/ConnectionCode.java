package com.gametriggers.companion.store;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.bson.Document;
import org.bson.json.JsonParseException;
import org.bson.types.ObjectId;

/**
 * What the platform hands a streamer so the app connects with one paste: the MongoDB URI with the streamer's own
 * credentials, their platform user id (whose participations the app shows and counts) and the name it shows. Two
 * spellings of the same three values: {@code gametriggers://connect?uri=…&user=…&name=…}, each value URL-encoded, or
 * {@code {"uri": …, "userId": …, "name": …}} as base64url JSON. {@link #toString()} never shows the password.
 */
public record ConnectionCode(String mongoUri, String userId, String displayName) {

    public static final String URL_PREFIX = "gametriggers://connect?";
    /** Longer names are not names: the status bar shows it on one line. */
    static final int MAX_NAME_LENGTH = 64;

    /** @throws IllegalArgumentException with one sentence saying which value cannot be used */
    public ConnectionCode {
        mongoUri = Objects.requireNonNullElse(mongoUri, "").strip();
        userId = Objects.requireNonNullElse(userId, "").strip();
        displayName = Objects.requireNonNullElse(displayName, "").strip();
        if (mongoUri.isEmpty()) {
            throw new IllegalArgumentException("The connection code has no MongoDB address.");
        }
        if (!mongoUri.startsWith("mongodb://") && !mongoUri.startsWith("mongodb+srv://")) {
            throw new IllegalArgumentException("The connection code's MongoDB address must start with mongodb:// or "
                    + "mongodb+srv://.");
        }
        try {
            MongoUris.parse(mongoUri);
        } catch (StoreException e) {
            throw new IllegalArgumentException("The connection code's MongoDB address is not valid: "
                    + MongoUris.redact(e.getCause().getMessage()), e);
        }
        if (!ObjectId.isValid(userId)) {
            throw new IllegalArgumentException("The connection code's user id must be a platform user id "
                    + "(24 hexadecimal characters).");
        }
        if (displayName.isEmpty() || displayName.length() > MAX_NAME_LENGTH
                || displayName.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The connection code's name must be one line of 1 to " + MAX_NAME_LENGTH
                    + " characters.");
        }
        userId = userId.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Reads a pasted code; spaces and line breaks around it (or inside a wrapped base64 one) are ignored.
     *
     * @throws IllegalArgumentException with one sentence saying what is wrong with it
     */
    public static ConnectionCode parse(String pasted) {
        String text = Objects.requireNonNullElse(pasted, "").strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Paste the connection code the GameTriggers platform gave you.");
        }
        if (text.regionMatches(true, 0, URL_PREFIX, 0, URL_PREFIX.length())) {
            Map<String, String> query = query(text.substring(URL_PREFIX.length()));
            return new ConnectionCode(query.get("uri"), query.get("user"), query.get("name"));
        }
        Document json = json(text.replaceAll("\\s+", ""));
        return new ConnectionCode(string(json, "uri"), string(json, "userId"), string(json, "name"));
    }

    /** The code as a {@code gametriggers://connect?} link, the spelling the platform's page shows. */
    public String toUrl() {
        return URL_PREFIX + "uri=" + encode(mongoUri) + "&user=" + userId + "&name=" + encode(displayName);
    }

    /** Where the data is, without the password, for the streamer and the logs. */
    public String address() {
        return MongoUris.redact(mongoUri);
    }

    @Override
    public String toString() {
        return "ConnectionCode[" + address() + ", userId=" + userId + ", name=" + displayName + "]";
    }

    private static Map<String, String> query(String query) {
        Map<String, String> values = new HashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                try {
                    values.put(pair.substring(0, equals),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("The connection code is damaged (a bad %-escape in its "
                            + pair.substring(0, equals) + "); copy it again from the platform.", e);
                }
            }
        }
        return values;
    }

    private static Document json(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw notACode(e);
        }
        try {
            return Document.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonParseException | IllegalArgumentException e) {
            throw notACode(e);
        }
    }

    private static IllegalArgumentException notACode(RuntimeException cause) {
        return new IllegalArgumentException("This is not a GameTriggers connection code: it starts with neither "
                + URL_PREFIX + " nor is it the platform's base64 code; copy it again from the platform.", cause);
    }

    private static String string(Document json, String key) {
        return Optional.ofNullable(json.get(key)).filter(String.class::isInstance).map(String.class::cast).orElse(null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
