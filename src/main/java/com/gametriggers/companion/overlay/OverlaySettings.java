package com.gametriggers.companion.overlay;

import java.net.URI;
import java.util.Optional;

/**
 * @param port          the fixed loopback port; OBS remembers the overlay URL, so the server never moves to another
 *                      one by itself (0 picks a free port, for tests only)
 * @param publicBaseUrl where viewers reach the tracking links ({@code /t/...}), when the streamer exposes them through
 *                      a tunnel or a reverse proxy; empty means the local server, which only this machine can reach
 * @param trackingClicksPerMinute how many tracking-link requests one client address may make per minute (with a
 *                      burst of a sixth of that, at least 10): plenty for a viewer, little for a script
 */
public record OverlaySettings(int port, Optional<URI> publicBaseUrl, int trackingClicksPerMinute) {

    public static final int DEFAULT_PORT = 17730;
    public static final int DEFAULT_TRACKING_CLICKS_PER_MINUTE = 30;

    public OverlaySettings(int port, Optional<URI> publicBaseUrl) {
        this(port, publicBaseUrl, DEFAULT_TRACKING_CLICKS_PER_MINUTE);
    }

    public OverlaySettings {
        if (trackingClicksPerMinute < 1) {
            throw new IllegalArgumentException("At least one tracking request a minute: " + trackingClicksPerMinute);
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

    int trackingBurst() {
        return Math.max(10, trackingClicksPerMinute / 6);
    }

    public static OverlaySettings defaults() {
        return new OverlaySettings(DEFAULT_PORT, Optional.empty());
    }
}
