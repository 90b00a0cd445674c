package com.gametriggers.companion.obs;

/**
 * Talking to OBS did not work. The message is one sentence a streamer can act on; {@link #reason()} lets the UI
 * react (for example, focus the password field on {@link Reason#WRONG_PASSWORD}).
 */
public class ObsException extends Exception {

    public enum Reason {
        /** Nothing listens on the host and port: OBS is closed or its WebSocket server is off. */
        NOT_REACHABLE,
        /** Something answers on the port, but not OBS's WebSocket server. */
        NOT_OBS,
        PASSWORD_REQUIRED,
        WRONG_PASSWORD,
        UNSUPPORTED_VERSION,
        /** The connection ended before OBS answered. */
        CONNECTION_LOST,
        /** OBS answered a request with an error; see {@link #statusCode()}. */
        REQUEST_FAILED,
        TIMEOUT,
        INTERRUPTED
    }

    private final Reason reason;
    private final int statusCode;
    private final String obsComment;

    public ObsException(Reason reason, String message) {
        this(reason, message, 0, "", null);
    }

    public ObsException(Reason reason, String message, Throwable cause) {
        this(reason, message, 0, "", cause);
    }

    ObsException(Reason reason, String message, int statusCode, String obsComment, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.statusCode = statusCode;
        this.obsComment = obsComment == null ? "" : obsComment;
    }

    public Reason reason() {
        return reason;
    }

    /** obs-websocket's {@code RequestStatus} code for {@link Reason#REQUEST_FAILED} (600 not found, 601 exists), else 0. */
    public int statusCode() {
        return statusCode;
    }

    /** OBS's own words on a refused request, without a final full stop; empty when it gave none. */
    public String obsComment() {
        return obsComment;
    }
}
