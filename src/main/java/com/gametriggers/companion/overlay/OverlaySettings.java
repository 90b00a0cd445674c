package com.gametriggers.companion.overlay;

import java.net.URI;
import java.util.Optional;

/**
 * @param port          the fixed loopback port; OBS remembers the overlay URL, so the server never moves to another
 *                      one by itself (0 picks a free port, for tests only)
 * @param publicBaseUrl where viewers reach the tracking links ({@code /t/...}), when the streamer exposes them through
 *                      a tunnel or a reverse proxy; empty means the local server, which only this machine can reach
 */
public record OverlaySettings(int port, Optional<URI> publicBaseUrl) {

    public static final int DEFAULT_PORT = 17730;

    public OverlaySettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Not a port: " + port);
        }
        publicBaseUrl.ifPresent(url -> {
            if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme()) || url.getHost() == null) {
                throw new IllegalArgumentException("The public tracking URL must be an http(s) address: " + url);
            }
        });
    }

    public static OverlaySettings defaults() {
        return new OverlaySettings(DEFAULT_PORT, Optional.empty());
    }
}
