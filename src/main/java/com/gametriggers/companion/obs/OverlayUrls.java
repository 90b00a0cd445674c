package com.gametriggers.companion.obs;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a Browser Source in OBS already shows this app's overlay. Besides the same URL, any rotation
 * overlay on this machine counts as ours: after the streamer changes the overlay port or gets a new key, "Add to
 * OBS" should repoint the source they already placed, not put a second one on top of it.
 */
final class OverlayUrls {

    static final String ROTATION_PATH = "/rotation/";
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private OverlayUrls() {
    }

    enum Match {
        /** The very URL, give or take a trailing slash. */
        SAME,
        /** Another port or key of this app's rotation overlay. */
        EARLIER_ROTATION,
        NONE
    }

    static Match match(String ours, String candidate) {
        if (candidate == null || candidate.isBlank()) {
            return Match.NONE;
        }
        if (withoutTrailingSlash(ours).equals(withoutTrailingSlash(candidate.strip()))) {
            return Match.SAME;
        }
        return isLocalRotation(ours) && isLocalRotation(candidate.strip()) ? Match.EARLIER_ROTATION : Match.NONE;
    }

    private static boolean isLocalRotation(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return (scheme.equals("http") || scheme.equals("https")) && LOOPBACK.contains(host)
                    && path.startsWith(ROTATION_PATH) && path.length() > ROTATION_PATH.length();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String withoutTrailingSlash(String url) {
        String stripped = url;
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }
}
