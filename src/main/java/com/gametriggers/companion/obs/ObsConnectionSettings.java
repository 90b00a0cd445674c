package com.gametriggers.companion.obs;

import java.util.Objects;
import java.util.Optional;

/**
 * Where OBS's WebSocket server listens, and its password if it asks for one.
 *
 * @param host     usually this machine; OBS can also be on another computer in the home network
 * @param port     4455 unless the streamer changed it under Tools -> WebSocket Server Settings
 * @param password the server password; empty when authentication is off. Never logged: {@link #toString()} hides it.
 */
public record ObsConnectionSettings(String host, int port, Optional<String> password) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 4455;

    public ObsConnectionSettings {
        host = host == null ? "" : host.strip();
        if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@')) {
            throw new IllegalArgumentException("Not a host name or address: \"" + host + "\"");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("Not a port: " + port);
        }
        // An empty field in a settings form means "no password", not "the empty password": OBS has no such thing.
        password = Objects.requireNonNullElse(password, Optional.<String>empty()).filter(p -> !p.isEmpty());
    }

    public ObsConnectionSettings(String host, int port) {
        this(host, port, Optional.empty());
    }

    public static ObsConnectionSettings defaults() {
        return new ObsConnectionSettings(DEFAULT_HOST, DEFAULT_PORT);
    }

    /** The same server with this password; {@code null} or empty for none. */
    public ObsConnectionSettings withPassword(String newPassword) {
        return new ObsConnectionSettings(host, port, Optional.ofNullable(newPassword));
    }

    /** {@code host:port} as a streamer types it, with brackets around an IPv6 address. */
    public String endpoint() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return "ObsConnectionSettings[host=" + host + ", port=" + port + ", password="
                + (password.isPresent() ? "***" : "none") + "]";
    }
}
