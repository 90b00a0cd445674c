package com.gametriggers.companion.links;

import java.io.IOException;
import java.net.BindException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.web.ErrorPages;
import com.gametriggers.companion.web.HandlerThreads;
import com.gametriggers.companion.web.LoopbackHttpServer;
import com.gametriggers.companion.web.UriLengthLimit;
import com.gametriggers.companion.web.Responses;
import com.sun.net.httpserver.HttpServer;

/**
 * The tracking-link listener: {@code GET /t/{code}} and nothing else, on a loopback port of its own. It is the only
 * thing a tunnel or reverse proxy is ever pointed at, so exposing the links can never expose an overlay, its secret
 * keys, the beacons or the event streams, whatever a request's {@code Host} says. Any Host is welcome here: a
 * tunnel's public name changes at every restart, and nothing on this listener is secret.
 */
public final class LinksServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LinksServer.class);

    private final HttpServer server;
    private final ExecutorService handlers;
    private final ExecutorService answers;
    private final TrackingLinks links;

    private LinksServer(HttpServer server, ExecutorService handlers, ExecutorService answers, TrackingLinks links) {
        this.server = server;
        this.handlers = handlers;
        this.answers = answers;
        this.links = links;
    }

    /** @throws LinksException when the port is taken */
    public static LinksServer start(LinksSettings settings, LinkTargets targets, Tracker tracker, Clock clock) {
        HttpServer server;
        try {
            server = LoopbackHttpServer.bind(settings.port(), 256);
        } catch (BindException e) {
            throw new LinksException("The tracking-link port " + settings.port() + " on 127.0.0.1 is used by another "
                    + "program. Close that program, or choose another links port with --links-port.", e);
        } catch (IOException e) {
            throw new LinksException("The tracking-link listener cannot start on port " + settings.port() + ": "
                    + e.getMessage(), e);
        }
        TrackingLinks links = new TrackingLinks(settings.publicBaseUrl(),
                "http://127.0.0.1:" + server.getAddress().getPort());
        ExecutorService handlers = HandlerThreads.elastic("links-http");
        ExecutorService answers = HandlerThreads.answers("links-redirect");
        TrackingRedirectHandler redirects = new TrackingRedirectHandler(targets, links,
                new RateLimiter(settings.burst(), settings.clicksPerMinute()),
                new RateLimiter(LinksSettings.SERVER_BURST, LinksSettings.SERVER_CLICKS_PER_MINUTE), tracker, clock,
                answers);
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getRawPath().startsWith("/t/")) {
                redirects.handle(exchange);
            } else {
                Responses.error(exchange, 404);
            }
        }).getFilters().addAll(List.of(new ErrorPages(), new UriLengthLimit()));
        server.setExecutor(handlers);
        server.start();
        LinksServer linksServer = new LinksServer(server, handlers, answers, links);
        log.info("Tracking links at {}", linksServer.baseUrl());
        return linksServer;
    }

    /** {@code http://127.0.0.1:PORT/}: where a tunnel or reverse proxy sends viewers. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The links viewers open, on the public address when there is one. */
    public TrackingLinks trackingLinks() {
        return links;
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        answers.shutdownNow();
    }
}
