package com.gametriggers.companion.overlay;

/**
 * @param port the fixed loopback port; OBS remembers the overlay URL, so the server never moves to another one by
 *             itself (0 picks a free port, for tests only)
 */
public record OverlaySettings(int port) {

    public static final int DEFAULT_PORT = 17730;

    public OverlaySettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Not a port: " + port);
        }
    }

    public static OverlaySettings defaults() {
        return new OverlaySettings(DEFAULT_PORT);
    }
}
