package com.gametriggers.companion.links;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.sun.net.httpserver.Headers;

/**
 * Who is asking: the address the rate limit and the click guard key on. Behind a tunnel or reverse proxy every
 * viewer arrives from the proxy's loopback address, so there the proxy's headers name the viewer. They are believed
 * only from a loopback peer (the proxy on this machine), and only for the hop that proxy added: the rightmost entry,
 * since a proxy appends to whatever the viewer sent and a viewer can put anything in front.
 *
 * <p>In order: {@code X-Forwarded-For} (nginx's {@code $proxy_add_x_forwarded_for}, Caddy, cloudflared, ngrok and
 * Tailscale all set it), {@code Forwarded} (RFC 7239), {@code X-Real-IP}, {@code CF-Connecting-IP}. Without any of
 * them a request from the proxy is one client, as it is.
 */
final class ViewerAddress {

    private static final List<String> SINGLE_VALUE_HEADERS = List.of("X-Real-IP", "CF-Connecting-IP");

    private ViewerAddress() {
    }

    /**
     * @param peer         the socket's remote address
     * @param behindProxy  whether a public address is set for the links, so that a proxy or tunnel may be in front
     */
    static String of(InetAddress peer, Headers headers, boolean behindProxy) {
        String socketAddress = peer.getHostAddress();
        if (!behindProxy || !peer.isLoopbackAddress()) {
            return socketAddress;
        }
        return lastForwardedFor(headers.get("X-Forwarded-For"))
                .or(() -> lastForwarded(headers.get("Forwarded")))
                .or(() -> SINGLE_VALUE_HEADERS.stream().map(name -> single(headers.get(name)))
                        .flatMap(Optional::stream).findFirst())
                .orElse(socketAddress);
    }

    /** Several X-Forwarded-For headers are one list, in order. */
    private static Optional<String> lastForwardedFor(List<String> values) {
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        String joined = String.join(",", values);
        return address(joined.substring(joined.lastIndexOf(',') + 1));
    }

    /** The last element's {@code for=}: {@code for=192.0.2.60;proto=http, for="[2001:db8::17]:4711"}. */
    private static Optional<String> lastForwarded(List<String> values) {
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        String joined = String.join(",", values);
        String last = joined.substring(joined.lastIndexOf(',') + 1);
        for (String pair : last.split(";")) {
            String[] nameAndValue = pair.split("=", 2);
            if (nameAndValue.length == 2 && nameAndValue[0].strip().toLowerCase(Locale.ROOT).equals("for")) {
                return address(nameAndValue[1]);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> single(List<String> values) {
        return values == null || values.size() != 1 ? Optional.empty() : address(values.get(0));
    }

    /**
     * A plain IPv4 or IPv6 address, without quotes, brackets or port; anything else (a name, "unknown", an obfuscated
     * identifier) is no address. Checked by hand, never resolved: a header must not make the server look up a name.
     */
    static Optional<String> address(String raw) {
        String value = raw.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            value = end < 0 ? "" : value.substring(1, end);
        } else if (value.indexOf(':') == value.lastIndexOf(':') && value.indexOf(':') > 0) {
            value = value.substring(0, value.indexOf(':')); // IPv4 with a port
        }
        if (value.isEmpty() || value.length() > 45) {
            return Optional.empty();
        }
        if (value.matches("(\\d{1,3}\\.){3}\\d{1,3}")) {
            for (String part : value.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
            return Optional.of(value);
        }
        return value.matches("[0-9a-fA-F:.]+") && value.contains(":") ? Optional.of(value.toLowerCase(Locale.ROOT))
                : Optional.empty();
    }
}
