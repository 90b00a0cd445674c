package com.gametriggers.companion.update;

import java.net.URI;
import java.util.Objects;

/**
 * A release the feed announces.
 *
 * @param version      parsed from the release's tag
 * @param downloadPage where the streamer downloads it (the feed's {@code html_url}); never fetched by the app
 * @param name         the release's title, or its tag when it has none
 */
public record Release(Version version, URI downloadPage, String name) {

    public Release {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(downloadPage, "downloadPage");
        Objects.requireNonNull(name, "name");
    }

    /** What the status bar says. */
    public String sentence() {
        return "Version " + version + " is available";
    }
}
