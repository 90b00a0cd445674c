package com.gametriggers.companion.overlay;

import java.util.Locale;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;

/**
 * The server listens on loopback only, but a web page in any browser on this machine can still reach it. These
 * rules keep such a page out: a Host that is not a loopback name is refused (a DNS-rebinding page arrives with its
 * own host name), and writes must come from the server's own origin with a JSON body, which a cross-origin page can
 * only send after a CORS preflight that this server never grants.
 */
final class RequestGuard {

    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

    /** A request for a loopback name of this machine: the overlay is never public, whatever a proxy forwards. */
    boolean hostAllowed(HttpExchange exchange) {
        String host = hostName(exchange.getRequestHeaders().getFirst("Host"));
        return host != null && LOOPBACK_NAMES.contains(host);
    }

    /** A write from this server's own pages: no Origin (not a browser) or a loopback origin, and a JSON body. */
    boolean writeAllowed(HttpExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null) {
            String expectedPrefix = "http://";
            if (!origin.startsWith(expectedPrefix) || !LOOPBACK_NAMES.contains(hostName(origin.substring(expectedPrefix.length())))) {
                return false;
            }
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    /** {@code host[:port]} to the lower-case host, keeping IPv6 brackets; null when it is not a plain host. */
    static String hostName(String hostAndPort) {
        if (hostAndPort == null || hostAndPort.isBlank() || hostAndPort.length() > 255) {
            return null;
        }
        String value = hostAndPort.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? null : value.substring(0, end + 1);
        }
        int colon = value.indexOf(':');
        String host = colon < 0 ? value : value.substring(0, colon);
        return host.matches("[a-z0-9.-]+") ? host : null;
    }
}
