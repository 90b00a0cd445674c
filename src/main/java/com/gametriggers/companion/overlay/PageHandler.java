package com.gametriggers.companion.overlay;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.gametriggers.companion.web.Responses;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/** The overlay page for a participation or the rotation, its script, style and demo media, and a word at {@code /}. */
final class PageHandler implements HttpHandler {

    private static final Pattern PAGE = Pattern.compile("/(overlay|rotation)/([0-9a-f]{64})");
    private static final Pattern ASSET = Pattern.compile("/assets/([a-z0-9-]+(?:/[a-z0-9-]+)?\\.(?:js|css|svg|png|webm))");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png", "webm", "video/webm", "html", "text/html; charset=utf-8");
    /** The page and its script only load from here; creatives may come from the sponsor's own https host. */
    private static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data: https:; media-src 'self' https:; "
            + "style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

    private final OverlayChannels channels;
    private final OverlayDirectory directory;

    PageHandler(OverlayChannels channels, OverlayDirectory directory) {
        this.channels = channels;
        this.directory = directory;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!Responses.methodIn(exchange, "GET", "HEAD")) {
            return;
        }
        String path = exchange.getRequestURI().getRawPath();
        Matcher page = PAGE.matcher(path);
        Matcher asset = ASSET.matcher(path);
        if (page.matches()) {
            String key = page.group(2);
            boolean known = page.group(1).equals("rotation") ? channels.isRotationKey(key)
                    : directory.byToken(key).isPresent();
            if (known) {
                resource(exchange, "/overlay/overlay.html", PAGE_POLICY);
            } else {
                Responses.error(exchange, 404);
            }
        } else if (asset.matches()) {
            resource(exchange, "/overlay/" + asset.group(1), null);
        } else if (path.equals("/")) {
            Responses.text(exchange, 200, "GameTriggers Companion overlay server. Add the overlay URL from the app to OBS.");
        } else {
            Responses.error(exchange, 404);
        }
    }

    private static void resource(HttpExchange exchange, String name, String contentSecurityPolicy) throws IOException {
        try (InputStream in = PageHandler.class.getResourceAsStream(name)) {
            if (in == null) {
                Responses.error(exchange, 404);
                return;
            }
            if (contentSecurityPolicy != null) {
                exchange.getResponseHeaders().set("Content-Security-Policy", contentSecurityPolicy);
            }
            String extension = name.substring(name.lastIndexOf('.') + 1);
            Responses.send(exchange, 200, CONTENT_TYPES.get(extension), in.readAllBytes());
        }
    }
}
