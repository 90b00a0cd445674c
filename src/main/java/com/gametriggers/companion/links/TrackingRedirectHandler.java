package com.gametriggers.companion.links;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.tracking.RecordOutcome;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackingEvent;
import com.gametriggers.companion.tracking.ViewerKeys;
import com.gametriggers.companion.web.Responses;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code /t/{code}}: a viewer scanned the QR code or clicked the link: count it, then send them on to the sponsor.
 * The redirect waits until the click is durable in the journal, so a crash right after it cannot lose a click the
 * viewer was already sent on for; if the journal has not confirmed within {@value #DURABLE_WAIT_MILLIS} ms the viewer
 * goes anyway (said once in the log), and the click still lands when the journal catches up. While the journal
 * cannot be written at all (a full disk), the viewer is sent on at once: the click is accepted, held in memory and
 * counted once the journal is written again, and only a crash before then loses it.
 */
final class TrackingRedirectHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(TrackingRedirectHandler.class);
    private static final Pattern TRACKING = Pattern.compile("/t/([A-Za-z0-9_-]{12})");
    static final long DURABLE_WAIT_MILLIS = 1000;
    /** The key of the one bucket all viewers share. */
    private static final String EVERYONE = "*";

    private final LinkTargets targets;
    private final TrackingLinks links;
    private final RateLimiter perViewer;
    private final RateLimiter perServer;
    private final Tracker tracker;
    private final Clock clock;
    private final Executor answers;
    private final ViewerKeys viewerKeys = ViewerKeys.withRandomSalt();
    private final AtomicBoolean slowJournalReported = new AtomicBoolean();

    /**
     * @param links     whether a public address is set, so that a proxy's headers may name the viewer
     * @param perViewer each viewer's budget, keyed on the viewer's address
     * @param perServer one ceiling for all viewers together
     * @param answers   where redirects are written once their click is durable
     */
    TrackingRedirectHandler(LinkTargets targets, TrackingLinks links, RateLimiter perViewer, RateLimiter perServer,
                            Tracker tracker, Clock clock, Executor answers) {
        this.targets = targets;
        this.links = links;
        this.perViewer = perViewer;
        this.perServer = perServer;
        this.tracker = tracker;
        this.clock = clock;
        this.answers = answers;
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
        String viewer = ViewerAddress.of(exchange.getRemoteAddress().getAddress(), exchange.getRequestHeaders(),
                links.isPublic());
        long now = System.nanoTime();
        if (!perViewer.allow(viewer, now) || !perServer.allow(EVERYONE, now)) {
            exchange.getResponseHeaders().set("Retry-After", "10");
            Responses.error(exchange, 429);
            return;
        }
        ClickType source = "src=qr".equals(exchange.getRequestURI().getRawQuery()) ? ClickType.QR : ClickType.LINK;
        TrackingEvent click = TrackingEvent.click("t:" + UUID.randomUUID(), target.get().participationId(),
                clock.instant(), source, viewerKeys.forAddress(viewer));
        CompletableFuture<RecordOutcome> recorded = tracker.record(click);
        recorded.whenComplete((outcome, failure) -> {
            if (failure != null) {
                log.warn("A {} click could not be recorded: {}", source.wireName(), failure.getMessage());
            }
        });
        if (!tracker.status().journalWriting()) {
            answers.execute(() -> redirect(exchange, landing, null));
            return;
        }
        recorded.copy().orTimeout(DURABLE_WAIT_MILLIS, TimeUnit.MILLISECONDS)
                .whenCompleteAsync((outcome, failure) -> redirect(exchange, landing, failure), answers);
    }

    private void redirect(HttpExchange exchange, String landing, Throwable failure) {
        if (failure instanceof TimeoutException && slowJournalReported.compareAndSet(false, true)) {
            log.warn("The tracking journal took longer than {} ms to confirm a click; viewers are sent on without "
                    + "waiting for it, and their clicks are still counted", DURABLE_WAIT_MILLIS);
        }
        try {
            Responses.redirect(exchange, landing);
        } catch (IOException | RuntimeException e) {
            exchange.close(); // the viewer went away; the click is counted all the same
        }
    }
}
