package com.gametriggers.companion.links;

/** The tracking-link listener cannot start; the message says why in one sentence. */
public final class LinksException extends RuntimeException {

    public LinksException(String message, Throwable cause) {
        super(message, cause);
    }
}
