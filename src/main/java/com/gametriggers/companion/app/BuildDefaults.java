package com.gametriggers.companion.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import java.util.Properties;

import com.gametriggers.companion.update.Version;

/**
 * Defaults set when the app was built, from {@code build-defaults.properties}, which Maven fills in: the public
 * Twitch client id and Google (YouTube) client the installers ship with (a client id is no secret; a desktop app cannot keep one anyway), the
 * app's version and the release feed the update check reads. A development build has no client id and no feed.
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
        return value("twitch.clientId");
    }

    /** The Google OAuth client the YouTube sign-in uses; empty like Twitch's in a development build. */
    Optional<String> youtubeClientId() {
        return value("youtube.clientId");
    }

    /** Google's secret for that client, when it gave one; a desktop app cannot keep it secret, so it is no secret. */
    Optional<String> youtubeClientSecret() {
        return value("youtube.clientSecret");
    }

    /** This build's version; 0.0.0-unknown in a build outside Maven, which any release is newer than. */
    Version version() {
        return value("app.version").flatMap(Version::parse).orElse(new Version(0, 0, 0, Optional.of("unknown")));
    }

    /** The release feed for the update check; empty in a development build, which then never checks. */
    Optional<URI> updateFeedUrl() {
        return value("update.feedUrl").map(URI::create);
    }

    private Optional<String> value(String key) {
        return Optional.ofNullable(properties.getProperty(key)).map(String::strip)
                .filter(text -> !text.isEmpty() && !text.startsWith("${"));
    }
}
