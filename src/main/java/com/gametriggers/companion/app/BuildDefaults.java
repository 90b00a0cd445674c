package com.gametriggers.companion.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * Defaults set when the app was built, from {@code build-defaults.properties}, which Maven fills in: the public
 * Twitch client id the installers ship with (a client id is no secret; a desktop app cannot keep one anyway). A
 * development build has none.
 */
final class BuildDefaults {

    static final String RESOURCE = "build-defaults.properties";

    private final Properties properties;

    BuildDefaults(Properties properties) {
        this.properties = properties;
    }

    static BuildDefaults load() {
        Properties properties = new Properties();
        try (InputStream in = BuildDefaults.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The app's " + RESOURCE + " cannot be read", e);
        }
        return new BuildDefaults(properties);
    }

    /** Empty in a development build, and when Maven left the placeholder (a build outside Maven). */
    Optional<String> twitchClientId() {
        return Optional.ofNullable(properties.getProperty("twitch.clientId")).map(String::strip)
                .filter(id -> !id.isEmpty() && !id.startsWith("${"));
    }
}
