package com.gametriggers.companion.overlay;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.gametriggers.companion.links.TrackingLinks;
import com.gametriggers.companion.web.Responses;
import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.qr.QrCodes;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code /qr/{token}.png[?size=N]}: the QR code of the link viewers get from a scan, drawn once per link and size, so
 * it changes by itself when the links become public or the tunnel's address changes.
 */
final class QrCodeHandler implements HttpHandler {

    private static final Pattern QR = Pattern.compile("/qr/([0-9a-f]{64})\\.png");
    private static final int MAX_CACHED = 256;

    private final OverlayDirectory directory;
    private final TrackingLinks links;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    QrCodeHandler(OverlayDirectory directory, TrackingLinks links) {
        this.directory = directory;
        this.links = links;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!Responses.methodIn(exchange, "GET", "HEAD")) {
            return;
        }
        Matcher qr = QR.matcher(exchange.getRequestURI().getRawPath());
        Optional<OverlayEntry> entry = qr.matches() ? directory.byToken(qr.group(1)) : Optional.empty();
        if (entry.isEmpty()) {
            Responses.error(exchange, 404);
            return;
        }
        int size = QrCodes.DEFAULT_SIZE;
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && query.matches("size=\\d{1,4}")) {
            size = Integer.parseInt(query.substring(5));
        }
        String url = links.viewerUrl(qr.group(1), ClickType.QR, entry.get().campaign().id(),
                entry.get().campaign().landingUrl());
        int pixels = size;
        byte[] png = cache.computeIfAbsent(url + "|" + pixels, key -> QrCodes.png(url, pixels));
        if (cache.size() > MAX_CACHED) {
            cache.clear();
        }
        Responses.send(exchange, 200, "image/png", png);
    }
}
