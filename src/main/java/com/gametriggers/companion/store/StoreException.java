package com.gametriggers.companion.store;

/**
 * The store cannot be used, for a reason the streamer can act on. The message is one sentence meant to be
 * shown as it is (UI dialog, headless error line); the cause keeps the technical detail for a bug report.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
