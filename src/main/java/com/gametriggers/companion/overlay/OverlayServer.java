package com.gametriggers.companion.overlay;

import java.io.IOException;
import java.net.BindException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.concurrent.NamedThreads;
import com.gametriggers.companion.links.TrackingLinks;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.web.ErrorPages;
import com.gametriggers.companion.web.HandlerThreads;
import com.gametriggers.companion.web.LoopbackHttpServer;
import com.gametriggers.companion.web.UriLengthLimit;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The local web server OBS loads the overlay from. It listens on loopback at a fixed port, answers loopback Host
 * names only, answers from memory (never waiting on MongoDB), and treats every request as possibly hostile: a web
 * page in any browser on this machine can reach it. Viewers' tracking links have a listener of their own
 * ({@code links.LinksServer}), so nothing here is ever exposed to the internet. One handler per route, behind the
 * same filters:
 *
 * <pre>
 * GET  /overlay/{token}   one participation's overlay page      GET  /events/{key}       its event stream (SSE)
 * GET  /rotation/{key}    the streamer's rotation overlay page  POST /beacon             "this showing was on air"
 * GET  /qr/{token}.png    the QR code of the tracking link      POST /creative-problem   "its creative would not show"
 *                                                               POST /on-air             "it was on air this long"
 * GET  /assets/...        the page's script, style, demo media  GET  /health             liveness and store state
 * </pre>
 *
 * What is shown when is {@link #control()}'s business.
 */
public final class OverlayServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OverlayServer.class);

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    private final HttpServer server;
    private final ExecutorService handlers;
    private final ExecutorService answers;
    private final OverlayControl control;
    private final String rotationKey;

    private OverlayServer(HttpServer server, ExecutorService handlers, ExecutorService answers, OverlayControl control,
                          String rotationKey) {
        this.server = server;
        this.handlers = handlers;
        this.answers = answers;
        this.control = control;
        this.rotationKey = rotationKey;
    }

    /**
     * Starts the server on 127.0.0.1 at the configured port.
     *
     * @param directory      the streamer's participations, shared with the tracking-link listener
     * @param links          the links viewers open, which the QR codes and the page show
     * @param rotationKey    the secret in the streamer's rotation overlay URL (64 hex characters)
     * @param ticketSecret   signs showing tickets; keep it across restarts so pending beacons still count
     * @param currentViewers the stream's viewer count, 0 while unknown: an impression counts that many viewers (at least 1)
     * @throws OverlayException when the port is taken; the server never moves to another port, since OBS keeps the URL
     */
    public static OverlayServer start(OverlaySettings settings, OverlayDirectory directory, TrackingLinks links,
                                      Tracker tracker, String rotationKey, byte[] ticketSecret,
                                      LongSupplier currentViewers, Clock clock) {
        if (!KEY.matcher(rotationKey).matches()) {
            throw new IllegalArgumentException("A rotation key is 64 hexadecimal characters");
        }
        HttpServer server = bind(settings.port());
        ShowTickets tickets = new ShowTickets(ticketSecret);
        OverlayChannels channels = new OverlayChannels(directory, rotationKey, tickets, new ShowMessages(links),
                RotationSettings.defaults(), clock);
        CreativeProblems creativeProblems = new CreativeProblems();
        OverlayControl control = new OverlayControl(directory, channels, creativeProblems, clock);
        ExecutorService handlers = HandlerThreads.elastic("overlay-http");
        ExecutorService answers = HandlerThreads.answers("overlay-beacon");

        RequestGuard guard = new RequestGuard();
        List<Filter> filters = List.of(new ErrorPages(), new UriLengthLimit(), new RequestRules(guard));
        PageHandler pages = new PageHandler(channels, directory);
        route(server, "/", pages, filters);
        route(server, "/overlay/", pages, filters);
        route(server, "/rotation/", pages, filters);
        route(server, "/assets/", pages, filters);
        route(server, "/events/", new EventStreamHandler(channels), filters);
        ShowingPosts posts = new ShowingPosts(guard, tickets, directory, clock);
        route(server, "/beacon", BeaconHandler.impressions(posts, tracker, currentViewers, clock, answers), filters);
        route(server, "/on-air", BeaconHandler.timeOnAir(posts, tracker, clock, answers), filters);
        route(server, "/creative-problem", new CreativeReportHandler(posts, creativeProblems, clock), filters);
        route(server, "/qr/", new QrCodeHandler(directory, links), filters);
        route(server, "/health", new HealthHandler(tracker), filters);
        server.setExecutor(handlers);
        server.start();
        control.start();
        OverlayServer overlay = new OverlayServer(server, handlers, answers, control, rotationKey);
        log.info("Overlay server at {}", overlay.baseUrl());
        return overlay;
    }

    private static HttpServer bind(int port) {
        try {
            return LoopbackHttpServer.bind(port, 64);
        } catch (BindException e) {
            throw new OverlayException("The overlay port " + port + " on 127.0.0.1 is used by another program. "
                    + "Close that program, or choose another overlay port in Settings and give OBS the new URL.", e);
        } catch (IOException e) {
            throw new OverlayException("The overlay server cannot start on port " + port + ": " + e.getMessage(), e);
        }
    }

    private static void route(HttpServer server, String path, HttpHandler handler, List<Filter> filters) {
        server.createContext(path, handler).getFilters().addAll(filters);
    }

    /** Rotation, stream state and sponsors on screen: what the app, chat and the window change and read. */
    public OverlayControl control() {
        return control;
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

    static ScheduledExecutorService singleThread(String name) {
        return Executors.newSingleThreadScheduledExecutor(NamedThreads.factory(name));
    }

    @Override
    public void close() {
        control.close();
        server.stop(0);
        handlers.shutdownNow();
        answers.shutdownNow();
    }
}
