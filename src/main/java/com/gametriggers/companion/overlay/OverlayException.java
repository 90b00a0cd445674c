package com.gametriggers.companion.overlay;

/** The overlay server cannot run, for a reason the streamer can act on; the message is one sentence. */
public class OverlayException extends RuntimeException {

    public OverlayException(String message, Throwable cause) {
        super(message, cause);
    }
}
