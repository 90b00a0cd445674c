package com.gametriggers.companion.twitch;

/** Shortens a secret to its first characters, so a token never reaches a log line or a bug report whole. */
final class Secrets {

    private static final int SHOWN = 4;

    private Secrets() {
    }

    static String mask(String secret) {
        if (secret == null) {
            return "null";
        }
        // A short secret is hidden completely: its first four characters would be most of it.
        return secret.length() <= SHOWN * 2 ? "…" : secret.substring(0, SHOWN) + "…";
    }
}
