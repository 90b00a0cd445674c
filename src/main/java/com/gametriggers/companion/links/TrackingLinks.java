package com.gametriggers.companion.links;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

import com.gametriggers.companion.domain.ClickType;

/**
 * The public side of a participation: its tracking link. The overlay URL carries the secret browser-source token;
 * the tracking link is shown to every viewer, so it carries a code derived from the token one way, which names the
 * participation without giving the overlay away.
 */
public final class TrackingLinks {

    private static final int CODE_LENGTH = 12;

    private final Optional<URI> publicBaseUrl;
    private final String localBaseUrl;

    public TrackingLinks(Optional<URI> publicBaseUrl, String localBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
        this.localBaseUrl = localBaseUrl;
    }

    /** The participation's public code: 12 URL-safe characters (72 bits) of a SHA-256 of its token. */
    public static String code(String browserSourceToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("gametriggers-tracking:" + browserSourceToken).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, CODE_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The link a viewer opens; {@code source} tells a QR scan from a link click from a chat answer. */
    public String trackingUrl(String browserSourceToken, ClickType source) {
        String base = publicBaseUrl.map(URI::toString).orElse(localBaseUrl);
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/t/" + code(browserSourceToken) + "?src=" + source.wireName();
    }

    /** The host viewers use for tracking links when it is not this machine, if one is configured. */
    Optional<String> publicHost() {
        return publicBaseUrl.map(URI::getHost);
    }
}
