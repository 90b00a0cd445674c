package com.gametriggers.companion.overlay;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.qr.QrCodes;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.tracking.RecordOutcome;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackingEvent;
import com.gametriggers.companion.tracking.ViewerKeys;
import com.gametriggers.companion.tracking.WriterStatus;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The local web server OBS loads the overlay from, and viewers' tracking links point to. It listens on loopback at
 * a fixed port, answers from memory (never waiting on MongoDB), and treats every request as possibly hostile: a web
 * page in any browser on this machine can reach it.
 *
 * <pre>
 * GET  /overlay/{token}        one participation's overlay page       GET /events/{key}   its event stream (SSE)
 * GET  /rotation/{key}         the streamer's rotation overlay page   POST /beacon        "this showing was on air"
 * GET  /qr/{token}.png         the QR code of the tracking link       GET /t/{code}       count a click, redirect
 * GET  /assets/...             the page's script, style, demo media   GET /health         liveness and store state
 * </pre>
 */
public final class OverlayServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OverlayServer.class);

    static final int MAX_URI_LENGTH = 2048;
    static final int MAX_BEACON_BYTES = 4096;
    private static final long BEACON_DURABLE_TIMEOUT_SECONDS = 10;
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern OVERLAY = Pattern.compile("/(overlay|rotation|events)/([0-9a-f]{64})");
    private static final Pattern QR = Pattern.compile("/qr/([0-9a-f]{64})\\.png");
    private static final Pattern TRACKING = Pattern.compile("/t/([A-Za-z0-9_-]{12})");
    private static final Pattern ASSET = Pattern.compile("/assets/([a-z0-9-]+(?:/[a-z0-9-]+)?\\.(?:js|css|svg|png|webm))");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png", "webm", "video/webm", "html", "text/html; charset=utf-8");
    /** The page and its script only load from here; creatives may come from the sponsor's own https host. */
    private static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data: https:; media-src 'self' https:; "
            + "style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

    private final HttpServer server;
    private final ExecutorService handlers;
    private final ScheduledExecutorService ticker;
    private final OverlayDirectory directory;
    private final OverlayChannels channels;
    private final ShowTickets tickets;
    private final TrackingLinks links;
    private final RequestGuard guard;
    private final RateLimiter trackingLimiter;
    private final ViewerKeys viewerKeys = ViewerKeys.withRandomSalt();
    private final Map<String, byte[]> qrCache = new ConcurrentHashMap<>();
    private final Tracker tracker;
    private final LongSupplier currentViewers;
    private final Clock clock;
    private final String rotationKey;

    private OverlayServer(HttpServer server, OverlayDirectory directory, OverlaySettings settings, Tracker tracker,
                          byte[] ticketSecret, String rotationKey, LongSupplier currentViewers, Clock clock) {
        this.server = server;
        this.directory = directory;
        this.tracker = tracker;
        this.currentViewers = currentViewers;
        this.clock = clock;
        this.rotationKey = rotationKey;
        this.tickets = new ShowTickets(ticketSecret);
        this.links = new TrackingLinks(settings.publicBaseUrl(), "http://127.0.0.1:" + server.getAddress().getPort());
        this.guard = new RequestGuard(links.publicHost());
        this.trackingLimiter = new RateLimiter(settings.trackingBurst(), settings.trackingClicksPerMinute());
        this.channels = new OverlayChannels(directory, rotationKey, tickets, new ShowMessages(links),
                RotationSettings.defaults(), clock);
        this.handlers = Executors.newFixedThreadPool(8, daemon("overlay-http"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("overlay-ticker"));
    }

    /**
     * Starts the server on 127.0.0.1 at the configured port.
     *
     * @param rotationKey   the secret in the streamer's rotation overlay URL (64 hex characters)
     * @param ticketSecret  signs showing tickets; keep it across restarts so pending beacons still count
     * @param currentViewers the stream's viewer count, 0 while unknown: an impression counts that many viewers (at least 1)
     * @throws OverlayException when the port is taken; the server never moves to another port, since OBS keeps the URL
     */
    public static OverlayServer start(OverlaySettings settings, MongoStore store, String streamerId, Tracker tracker,
                                      String rotationKey, byte[] ticketSecret, LongSupplier currentViewers, Clock clock) {
        if (!TOKEN.matcher(rotationKey).matches()) {
            throw new IllegalArgumentException("A rotation key is 64 hexadecimal characters");
        }
        limitRequestsOfTheJdkServer();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 64);
        } catch (BindException e) {
            throw new OverlayException("The overlay port " + settings.port() + " on 127.0.0.1 is used by another program. "
                    + "Close that program, or choose another overlay port in Settings and give OBS the new URL.", e);
        } catch (IOException e) {
            throw new OverlayException("The overlay server cannot start on port " + settings.port() + ": " + e.getMessage(), e);
        }
        OverlayDirectory directory = new OverlayDirectory(store, streamerId);
        directory.refresh();
        OverlayServer overlay = new OverlayServer(server, directory, settings, tracker, ticketSecret, rotationKey,
                currentViewers, clock);
        server.createContext("/", overlay::handle);
        server.setExecutor(overlay.handlers);
        server.start();
        overlay.ticker.scheduleWithFixedDelay(overlay.channels::tickListened, 250, 250, TimeUnit.MILLISECONDS);
        overlay.ticker.scheduleWithFixedDelay(overlay.channels::heartbeat, 15, 15, TimeUnit.SECONDS);
        // The app refreshes at once after its own changes; this catches the platform's, within 10 s, at little cost.
        overlay.ticker.scheduleWithFixedDelay(directory::refresh, 10, 10, TimeUnit.SECONDS);
        log.info("Overlay server at {}", overlay.baseUrl());
        return overlay;
    }

    /** The JDK server reads these once, when its first instance is made: small headers, no slow-drip requests. */
    private static void limitRequestsOfTheJdkServer() {
        System.setProperty("sun.net.httpserver.maxReqHeaders", "64");
        System.setProperty("sun.net.httpserver.maxReqTime", "10");
    }

    /** {@code http://127.0.0.1:PORT/}: what the headless app prints. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public String overlayUrl(String browserSourceToken) {
        return baseUrl() + "overlay/" + browserSourceToken;
    }

    public String rotationUrl() {
        return baseUrl() + "rotation/" + rotationKey;
    }

    public TrackingLinks trackingLinks() {
        return links;
    }

    /** Shows a sponsor on every overlay at the next tick. */
    public void showNow() {
        channels.forEachScheduler(scheduler -> scheduler.showNow());
    }

    public void pauseAds(Duration duration) {
        channels.pauseFor(duration);
    }

    public void resumeAds() {
        channels.resume();
    }

    public void updateRotation(RotationSettings settings) {
        channels.updateSettings(settings);
    }

    /** Called on the overlay's ticker thread with the participation id each time a sponsor comes on screen; keep it short. */
    public void onShow(java.util.function.Consumer<String> listener) {
        channels.onShow(listener);
    }

    /** The rotation, the stream, a pause and what is on screen, as the window shows them. */
    public OverlayStatus status() {
        return channels.status(participationId -> directory.showableAt(clock.instant()).stream()
                .filter(entry -> entry.participation().id().equals(participationId))
                .map(entry -> entry.campaign().brandName()).findFirst());
    }

    /** Twitch says the stream started: the first sponsor follows after the rotation's delay. */
    public void streamWentLive() {
        channels.streamWentLive();
    }

    /** Twitch says the stream ended: sponsors leave the screen until it is live again. */
    public void streamWentOffline() {
        channels.streamWentOffline();
    }

    /** The participations a listening overlay shows right now: where a viewer-count sample belongs. */
    public java.util.Set<String> participationsOnScreen() {
        return channels.onScreen();
    }

    /** A sponsor that can be on stream now, with what chat needs to answer its command. */
    public record Sponsor(String participationId, String brand, String chatCommand, String browserSourceToken) {
    }

    /** The sponsors that can be on stream now, from memory: asked at every chat line, it never waits on MongoDB. */
    public java.util.List<Sponsor> showableSponsors() {
        return directory.showableAt(clock.instant()).stream()
                .map(entry -> new Sponsor(entry.participation().id(), entry.campaign().brandName(),
                        entry.participation().chatCommand(), entry.token()))
                .toList();
    }

    /** Reads the participations again now, after the app changed one. */
    public void refresh() {
        directory.refresh();
    }

    private void handle(HttpExchange exchange) {
        try {
            route(exchange);
        } catch (Exception e) {
            log.warn("Overlay request {} {} failed: {}", exchange.getRequestMethod(), redact(exchange.getRequestURI().getPath()), e.toString());
            try {
                Responses.error(exchange, 500);
            } catch (IOException | RuntimeException ignored) {
                exchange.close(); // the answer had already started; the client sees a cut connection
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String rawPath = uri.getRawPath();
        if (uri.toString().length() > MAX_URI_LENGTH) {
            Responses.error(exchange, 414);
            return;
        }
        String path = rawPath == null ? "" : rawPath;
        Matcher tracking = TRACKING.matcher(path);
        boolean isTracking = tracking.matches();
        if (!guard.hostAllowed(exchange, isTracking)) {
            Responses.error(exchange, 403);
            return;
        }
        String method = exchange.getRequestMethod();
        if (path.equals("/beacon")) {
            if (!"POST".equals(method)) {
                Responses.error(exchange, 405);
                return;
            }
            beacon(exchange);
            return;
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            Responses.error(exchange, 405);
            return;
        }
        Matcher overlay = OVERLAY.matcher(path);
        Matcher qr = QR.matcher(path);
        Matcher asset = ASSET.matcher(path);
        if (isTracking) {
            trackingRedirect(exchange, tracking.group(1));
        } else if (overlay.matches()) {
            overlay(exchange, overlay.group(1), overlay.group(2));
        } else if (qr.matches()) {
            qrCode(exchange, qr.group(1));
        } else if (asset.matches()) {
            resource(exchange, "/overlay/" + asset.group(1), null);
        } else if (path.equals("/health")) {
            health(exchange);
        } else if (path.equals("/")) {
            Responses.text(exchange, 200, "GameTriggers Companion overlay server. Add the overlay URL from the app to OBS.");
        } else {
            Responses.error(exchange, 404);
        }
    }

    private void overlay(HttpExchange exchange, String kind, String key) throws IOException {
        boolean known = kind.equals("rotation") ? channels.isRotationKey(key)
                : kind.equals("overlay") ? directory.byToken(key).isPresent()
                : channels.channel(key).isPresent();
        if (!known) {
            Responses.error(exchange, 404);
            return;
        }
        if (kind.equals("events")) {
            if ("HEAD".equals(exchange.getRequestMethod())) {
                Responses.error(exchange, 405);
                return;
            }
            OverlayChannel channel = channels.channel(key).orElseThrow();
            channel.connect(PushClient.open(exchange));
            return;
        }
        resource(exchange, "/overlay/overlay.html", PAGE_POLICY);
    }

    private void resource(HttpExchange exchange, String name, String contentSecurityPolicy) throws IOException {
        try (InputStream in = OverlayServer.class.getResourceAsStream(name)) {
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

    private void qrCode(HttpExchange exchange, String token) throws IOException {
        if (directory.byToken(token).isEmpty()) {
            Responses.error(exchange, 404);
            return;
        }
        int size = QrCodes.DEFAULT_SIZE;
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && query.matches("size=\\d{1,4}")) {
            size = Integer.parseInt(query.substring(5));
        }
        String url = links.trackingUrl(token, ClickType.QR);
        int pixels = size;
        byte[] png = qrCache.computeIfAbsent(url + "|" + pixels, key -> QrCodes.png(url, pixels));
        if (qrCache.size() > 256) {
            qrCache.clear();
        }
        Responses.send(exchange, 200, "image/png", png);
    }

    /**
     * A viewer scanned the QR code or clicked the link: count it and send them on to the sponsor. The viewer is
     * redirected even when counting fails; the failure is logged, and the tracker never drops an event it accepted.
     */
    private void trackingRedirect(HttpExchange exchange, String code) throws IOException {
        var entry = directory.byTrackingCode(code);
        String landing = entry.map(e -> e.campaign().landingUrl()).orElse(null);
        if (entry.isEmpty() || landing == null || !(landing.startsWith("https://") || landing.startsWith("http://"))) {
            Responses.error(exchange, 404);
            return;
        }
        String client = clientAddress(exchange);
        if (!trackingLimiter.allow(client, System.nanoTime())) {
            exchange.getResponseHeaders().set("Retry-After", "10");
            Responses.error(exchange, 429);
            return;
        }
        ClickType source = "src=qr".equals(exchange.getRequestURI().getRawQuery()) ? ClickType.QR : ClickType.LINK;
        TrackingEvent click = TrackingEvent.click("t:" + UUID.randomUUID(), entry.get().participation().id(),
                clock.instant(), source, viewerKeys.forAddress(client));
        tracker.record(click).whenComplete((outcome, failure) -> {
            if (failure != null) {
                log.warn("A {} click could not be recorded: {}", source.wireName(), failure.getMessage());
            }
        });
        Responses.redirect(exchange, landing);
    }

    private static String clientAddress(HttpExchange exchange) {
        return exchange.getRemoteAddress().getAddress().getHostAddress();
    }

    /**
     * The page says a showing was on air. Only a ticket this server signed counts, once per showing however often it
     * is sent; the answer is sent once the impression is durable, so the page can stop resending it.
     */
    private void beacon(HttpExchange exchange) throws IOException {
        if (!guard.writeAllowed(exchange)) {
            Responses.error(exchange, exchange.getRequestHeaders().getFirst("Origin") != null ? 403 : 415);
            return;
        }
        byte[] body = Responses.readBody(exchange, MAX_BEACON_BYTES);
        if (body == null) {
            Responses.error(exchange, 413);
            return;
        }
        String ticketValue;
        try {
            JsonObject beacon = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
            ticketValue = beacon.get("ticket").getAsString();
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            Responses.error(exchange, 400);
            return;
        }
        var ticket = tickets.verify(ticketValue, clock.instant());
        if (ticket.isEmpty() || directory.byParticipationId(ticket.get().participationId()).isEmpty()) {
            Responses.error(exchange, 404);
            return;
        }
        long viewers = Math.max(1, currentViewers.getAsLong());
        TrackingEvent impression = TrackingEvent.impression(ticket.get().eventId(), ticket.get().participationId(),
                clock.instant(), viewers);
        // The answer goes out once the impression is durable, from the handler pool: no thread waits for the fsync,
        // so many beacons share one.
        tracker.record(impression).orTimeout(BEACON_DURABLE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .whenCompleteAsync((outcome, failure) -> acknowledge(exchange, ticketValue, outcome, failure), handlers);
    }

    private static void acknowledge(HttpExchange exchange, String ticket, RecordOutcome outcome, Throwable failure) {
        try {
            if (failure != null) {
                log.warn("An impression could not be recorded: {}", failure.getMessage());
                Responses.error(exchange, 500);
                return;
            }
            JsonObject ack = new JsonObject();
            ack.addProperty("ack", ticket);
            ack.addProperty("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
            Responses.json(exchange, 200, ack.toString());
        } catch (IOException | RuntimeException e) {
            exchange.close(); // the page went away; it resends the beacon with the same ticket
        }
    }

    private void health(HttpExchange exchange) throws IOException {
        WriterStatus status = tracker.status();
        JsonObject store = new JsonObject();
        store.addProperty("online", status.online());
        store.addProperty("eventsWaiting", status.eventsWaiting());
        JsonObject health = new JsonObject();
        health.addProperty("status", "ok");
        health.add("store", store);
        Responses.json(exchange, 200, health.toString());
    }

    /** Paths carry secret tokens: logs keep only their first characters. */
    static String redact(String path) {
        return path.replaceAll("([0-9a-f]{6})[0-9a-f]{58}", "$1…");
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        channels.closeAll();
        server.stop(0);
        handlers.shutdownNow();
    }
}
