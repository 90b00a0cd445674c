package com.gametriggers.companion.tunnel;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What the public link tunnel is doing, for the status bar and the Settings pane.
 *
 * @param status    where the tunnel is in its life
 * @param publicUrl the public https address, present only while {@link Status#UP}: any other time the last address
 *                  is already dead (a quick tunnel gets a new one at every start), so handing it out would break links
 * @param message   one sentence a streamer can read, never a stack trace
 */
public record TunnelState(Status status, Optional<URI> publicUrl, String message) {

    public enum Status {
        /** cloudflared is starting and has no public address yet. */
        STARTING,
        /** The public address works. */
        UP,
        /** cloudflared stopped or lost Cloudflare; a new start is scheduled. */
        RESTARTING,
        /** Turned off by the app. */
        STOPPED,
        /** cloudflared cannot be run here; nothing will change until the streamer does something. */
        UNAVAILABLE
    }

    public TunnelState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(message, "message");
        if (publicUrl.isPresent() != (status == Status.UP)) {
            throw new IllegalArgumentException("A public address goes with UP and only with UP, got " + status);
        }
    }

    static TunnelState starting(String message) {
        return new TunnelState(Status.STARTING, Optional.empty(), message);
    }

    static TunnelState up(URI publicUrl) {
        return new TunnelState(Status.UP, Optional.of(publicUrl),
                "Tracking links are public at " + publicUrl + ".");
    }

    static TunnelState restarting(String message) {
        return new TunnelState(Status.RESTARTING, Optional.empty(), message);
    }

    static TunnelState stopped() {
        return new TunnelState(Status.STOPPED, Optional.empty(), "The public link tunnel is off.");
    }

    /** For the app when cloudflared is not installed: {@code message} is usually {@link CloudflaredLocator#missingExplanation}. */
    public static TunnelState unavailable(String message) {
        return new TunnelState(Status.UNAVAILABLE, Optional.empty(), message);
    }
}
