package com.gametriggers.companion.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.concurrent.NamedThreads;
import com.gametriggers.companion.links.TrackingLinks;
import com.gametriggers.companion.tunnel.CloudflaredLocator;
import com.gametriggers.companion.tunnel.QuickTunnel;
import com.gametriggers.companion.tunnel.TunnelState;
import com.gametriggers.companion.ui.PublicLinksStatus;

/**
 * Whether viewers reach the tracking links from the internet, and the one-click tunnel that makes them. A public
 * address the streamer typed always wins; otherwise a Cloudflare quick tunnel, started on request, gives one, and
 * its address (new at every restart) goes live in the QR codes, chat answers and stored links at once.
 */
final class PublicLinks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PublicLinks.class);

    private final TrackingLinks links;
    private final URI localUrl;
    private final Optional<Path> cloudflared;
    private final Function<Path, QuickTunnel> tunnels;
    private final Runnable linksChanged;
    /** Rewrites stored links after an address change, off the tunnel's thread, one change after the other. */
    private final ExecutorService follower = Executors.newSingleThreadExecutor(NamedThreads.factory("public-links"));
    private QuickTunnel tunnel;
    /** Quitting: the next start brings the stored links up to date, not a write racing the store's close. */
    private volatile boolean closing;

    /**
     * @param cloudflared  the cloudflared program, if installed
     * @param tunnels      makes the tunnel for that program (tests pass a stand-in)
     * @param linksChanged brings stored links and the overlay up to date with the links; store work
     */
    PublicLinks(TrackingLinks links, URI localUrl, Optional<Path> cloudflared, Function<Path, QuickTunnel> tunnels,
                Runnable linksChanged) {
        this.links = links;
        this.localUrl = localUrl;
        this.cloudflared = cloudflared;
        this.tunnels = tunnels;
        this.linksChanged = linksChanged;
    }

    static PublicLinks forThisComputer(TrackingLinks links, URI localUrl, Clock clock, Runnable linksChanged) {
        return new PublicLinks(links, localUrl, CloudflaredLocator.system().find(),
                program -> new QuickTunnel(program, localUrl, clock), linksChanged);
    }

    /**
     * Starts the tunnel, unless the links are public already or one runs.
     *
     * @return what the streamer should know instead: the choices when cloudflared is not installed
     */
    synchronized Optional<String> makePublic() {
        if (tunnel != null || links.publicBaseUrl().isPresent()) {
            return Optional.empty();
        }
        if (cloudflared.isEmpty()) {
            return Optional.of(CloudflaredLocator.missingExplanation(localUrl.getPort()));
        }
        tunnel = tunnels.apply(cloudflared.get());
        tunnel.addListener(this::tunnelChanged);
        tunnel.start();
        return Optional.empty();
    }

    /** Called on the tunnel's thread, which must not wait: the store work goes to the follower. */
    private void tunnelChanged(TunnelState state) {
        Optional<URI> before = links.publicBaseUrl();
        links.useTunnel(state.publicUrl());
        if (!links.publicBaseUrl().equals(before) && !closing) {
            log.info("Tracking links now point to {}", links.publicBaseUrl().map(URI::toString).orElse("the sponsors' pages"));
            follower.execute(() -> {
                try {
                    linksChanged.run();
                } catch (RuntimeException e) {
                    log.warn("Stored links not brought up to date: {}", e.getMessage());
                }
            });
        }
    }

    synchronized PublicLinksStatus status() {
        Optional<URI> typed = tunnel == null ? links.publicBaseUrl() : Optional.empty();
        if (typed.isPresent()) {
            return new PublicLinksStatus(true, "links: public",
                    "Scans and link clicks are counted: viewers reach your links at " + typed.get() + ".");
        }
        if (tunnel != null) {
            TunnelState state = tunnel.state();
            boolean up = state.status() == TunnelState.Status.UP;
            return new PublicLinksStatus(up, up ? "links: public" : "links: " + state.status().name().toLowerCase(java.util.Locale.ROOT),
                    up ? "Scans and link clicks are counted. " + state.message()
                            : state.message() + " Until then the QR code and chat take viewers straight to the sponsor's page.");
        }
        return new PublicLinksStatus(false, "links: local",
                "Scans and link clicks are not counted: your links are not public yet, so the QR code and chat take "
                        + "viewers straight to the sponsor's page. Chat commands are still counted.");
    }

    @Override
    public synchronized void close() {
        closing = true;
        if (tunnel != null) {
            tunnel.close();
        }
        follower.shutdownNow();
    }
}
