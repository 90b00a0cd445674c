package com.gametriggers.companion.store;

import java.util.regex.Pattern;

import com.mongodb.ConnectionString;

/** Reading a MongoDB URI the streamer typed, and showing it back without its password. */
public final class MongoUris {

    private static final Pattern CREDENTIALS = Pattern.compile("(mongodb(?:\\+srv)?://[^:/@]*):[^@/]*@");

    private MongoUris() {
    }

    static ConnectionString parse(String uri) {
        try {
            return new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            throw new StoreException("The MongoDB URI " + redact(uri) + " is not valid: " + e.getMessage(), e);
        }
    }

    /** The URI with any password replaced by {@code ****}, safe for logs, the UI and error messages. */
    public static String redact(String uri) {
        return CREDENTIALS.matcher(uri).replaceFirst("$1:****@");
    }
}
