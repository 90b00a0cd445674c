package com.gametriggers.companion.twitch;

import java.time.Instant;

/**
 * A live stream with sponsors on rotation that does not disclose them.
 *
 * @param streamSeen when the app first found this stream live: which stream it is about, so a warning is raised once
 *                   per stream however often it is read, and also across a new sign-in or store connection
 * @param sentence   what is missing and what fixes it, for the streamer
 */
public record DisclosureWarning(Instant streamSeen, String sentence) {
}
