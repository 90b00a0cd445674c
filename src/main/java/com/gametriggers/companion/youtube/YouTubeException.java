package com.gametriggers.companion.youtube;

/**
 * A YouTube call that did not work. The message is one sentence a streamer can read; it never holds a token. The
 * {@link Kind} tells the caller what to do next, since Google answers 403 for reasons as different as a spent quota
 * and an ended chat.
 */
public final class YouTubeException extends Exception {

    /** What the failure means for the caller. */
    public enum Kind {
        /** Google refused the token and a renewed one: only signing in again helps. */
        SIGN_IN_EXPIRED,
        /** The project's daily quota is spent ({@code 403 quotaExceeded}): nothing works until midnight Pacific time. */
        QUOTA_EXCEEDED,
        /** The live chat is gone ({@code liveChatEnded}, {@code liveChatDisabled}, {@code forbidden}, {@code liveChatNotFound}). */
        CHAT_ENDED,
        /** Requests came too quickly ({@code rateLimitExceeded}): wait longer. */
        RATE_LIMITED,
        /** Google unreachable, or an answer the app cannot read: try again later. */
        OTHER
    }

    private final Kind kind;

    public YouTubeException(Kind kind, String sentence) {
        super(sentence);
        this.kind = kind;
    }

    public YouTubeException(Kind kind, String sentence, Throwable cause) {
        super(sentence, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
