package com.gametriggers.companion.links;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackingEvent;
import com.gametriggers.companion.tracking.ViewerKeys;
import com.gametriggers.companion.web.Responses;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code /t/{code}}: a viewer scanned the QR code or clicked the link: count it and send them on to the sponsor. The
 * viewer is redirected even when counting fails; the failure is logged, and the tracker never drops an event it
 * accepted.
 */
final class TrackingRedirectHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(TrackingRedirectHandler.class);
    private static final Pattern TRACKING = Pattern.compile("/t/([A-Za-z0-9_-]{12})");

    private final LinkTargets targets;
    private final RateLimiter limiter;
    private final Tracker tracker;
    private final Clock clock;
    private final ViewerKeys viewerKeys = ViewerKeys.withRandomSalt();

    TrackingRedirectHandler(LinkTargets targets, RateLimiter limiter, Tracker tracker, Clock clock) {
        this.targets = targets;
        this.limiter = limiter;
        this.tracker = tracker;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!Responses.methodIn(exchange, "GET", "HEAD")) {
            return;
        }
        Matcher tracking = TRACKING.matcher(exchange.getRequestURI().getRawPath());
        Optional<LinkTargets.LinkTarget> target = tracking.matches() ? targets.byCode(tracking.group(1)) : Optional.empty();
        String landing = target.map(LinkTargets.LinkTarget::landingUrl).orElse(null);
        if (landing == null || !(landing.startsWith("https://") || landing.startsWith("http://"))) {
            Responses.error(exchange, 404);
            return;
        }
        String client = exchange.getRemoteAddress().getAddress().getHostAddress();
        if (!limiter.allow(client, System.nanoTime())) {
            exchange.getResponseHeaders().set("Retry-After", "10");
            Responses.error(exchange, 429);
            return;
        }
        ClickType source = "src=qr".equals(exchange.getRequestURI().getRawQuery()) ? ClickType.QR : ClickType.LINK;
        TrackingEvent click = TrackingEvent.click("t:" + UUID.randomUUID(), target.get().participationId(),
                clock.instant(), source, viewerKeys.forAddress(client));
        tracker.record(click).whenComplete((outcome, failure) -> {
            if (failure != null) {
                log.warn("A {} click could not be recorded: {}", source.wireName(), failure.getMessage());
            }
        });
        Responses.redirect(exchange, landing);
    }
}
