package com.gametriggers.companion.links;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.gametriggers.companion.domain.ClickType;

/**
 * The public side of a participation: its tracking link. The overlay URL carries the secret browser-source token;
 * the tracking link is shown to every viewer, so it carries a code derived from the token one way, which names the
 * participation without giving the overlay away.
 */
public final class TrackingLinks {

    private static final int CODE_LENGTH = 12;
    private static final Set<String> UTM_NAMES = Set.of("utm_source", "utm_medium", "utm_campaign");

    private final Optional<URI> fixedPublicBaseUrl;
    private final String localBaseUrl;
    private volatile Optional<URI> tunnelBaseUrl = Optional.empty();

    /**
     * @param fixedPublicBaseUrl the public address the streamer typed, if any: it always wins over a tunnel's
     * @param localBaseUrl       the links listener on this machine
     */
    public TrackingLinks(Optional<URI> fixedPublicBaseUrl, String localBaseUrl) {
        this.fixedPublicBaseUrl = fixedPublicBaseUrl;
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
        String base = publicBaseUrl().map(URI::toString).orElse(localBaseUrl);
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/t/" + code(browserSourceToken) + "?src=" + source.wireName();
    }

    /**
     * The link viewers get from this source. While the links are public, the tracking link, which counts the visit.
     * Otherwise the sponsor's own page, tagged {@code utm_source=gametriggers}, {@code utm_medium=qr|chat|link} and
     * {@code utm_campaign=<campaign id>}, so every viewer reaches the sponsor and the sponsor's analytics still see
     * where the visit came from: a link to this machine would open nothing on a viewer's phone. Without a usable
     * landing page it stays the tracking link.
     */
    public String viewerUrl(String browserSourceToken, ClickType source, String campaignId, String landingUrl) {
        if (isPublic() || landingUrl == null || !(landingUrl.startsWith("https://") || landingUrl.startsWith("http://"))) {
            return trackingUrl(browserSourceToken, source);
        }
        return tagged(landingUrl, source, campaignId);
    }

    /** The landing page with our three utm parameters, replacing any it had, before its fragment. */
    static String tagged(String landingUrl, ClickType source, String campaignId) {
        int hash = landingUrl.indexOf('#');
        String fragment = hash < 0 ? "" : landingUrl.substring(hash);
        String withoutFragment = hash < 0 ? landingUrl : landingUrl.substring(0, hash);
        int question = withoutFragment.indexOf('?');
        String base = question < 0 ? withoutFragment : withoutFragment.substring(0, question);
        List<String> parameters = new ArrayList<>();
        if (question >= 0) {
            for (String parameter : withoutFragment.substring(question + 1).split("&")) {
                String name = parameter.split("=", 2)[0];
                if (!parameter.isEmpty() && !UTM_NAMES.contains(name)) {
                    parameters.add(parameter);
                }
            }
        }
        parameters.add("utm_source=gametriggers");
        parameters.add("utm_medium=" + source.wireName());
        parameters.add("utm_campaign=" + URLEncoder.encode(campaignId, StandardCharsets.UTF_8));
        return base + "?" + String.join("&", parameters) + fragment;
    }

    /** Where viewers reach the links from the internet: the typed address, else the running tunnel's, if any. */
    public Optional<URI> publicBaseUrl() {
        return fixedPublicBaseUrl.or(() -> tunnelBaseUrl);
    }

    /** Whether viewers reach the links through a public address, and so through a tunnel or proxy. */
    public boolean isPublic() {
        return publicBaseUrl().isPresent();
    }

    /** A tunnel came up at {@code url}, or went down (empty); a typed public address stays in use either way. */
    public void useTunnel(Optional<URI> url) {
        tunnelBaseUrl = url;
    }
}
