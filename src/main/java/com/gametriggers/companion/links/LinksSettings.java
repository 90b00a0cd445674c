package com.gametriggers.companion.links;

import java.net.URI;
import java.util.Optional;

/**
 * @param port            the loopback port of the tracking-link listener, the one thing a tunnel or reverse proxy is
 *                        pointed at (0 picks a free port, for tests only)
 * @param publicBaseUrl   where viewers reach the tracking links, when the streamer exposes them through a tunnel or a
 *                        reverse proxy; empty means this machine only
 * @param clicksPerMinute how many tracking-link requests one viewer may make per minute (with a burst of a sixth of
 *                        that, at least 10): plenty for a viewer, little for a script
 */
public record LinksSettings(int port, Optional<URI> publicBaseUrl, int clicksPerMinute) {

    public static final int DEFAULT_PORT = 17731;
    public static final int DEFAULT_CLICKS_PER_MINUTE = 30;
    /**
     * One ceiling for all viewers together, far above any real stream: 100,000 viewers of whom a tenth scan within
     * the same minute is 10,000 a minute; three times that keeps a flood from filling the disk with a journal of
     * junk, and never refuses a real audience.
     */
    static final int SERVER_CLICKS_PER_MINUTE = 30_000;
    static final int SERVER_BURST = 5_000;

    public LinksSettings(int port, Optional<URI> publicBaseUrl) {
        this(port, publicBaseUrl, DEFAULT_CLICKS_PER_MINUTE);
    }

    public LinksSettings {
        if (clicksPerMinute < 1) {
            throw new IllegalArgumentException("At least one tracking request a minute: " + clicksPerMinute);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Not a port: " + port);
        }
        publicBaseUrl.ifPresent(url -> {
            if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme()) || url.getHost() == null) {
                throw new IllegalArgumentException("The public tracking URL must be an http(s) address: " + url);
            }
        });
    }

    /** How many requests a viewer may make at once. */
    public int burst() {
        return Math.max(10, clicksPerMinute / 6);
    }

    public static LinksSettings defaults() {
        return new LinksSettings(DEFAULT_PORT, Optional.empty());
    }
}
