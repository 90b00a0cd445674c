package com.gametriggers.companion.twitch;

/**
 * A live stream with sponsors on rotation that does not disclose them.
 *
 * @param stream   which stream of this run it is about (the first the app saw live is 1), so a warning is raised once
 *                 per stream however often it is read
 * @param sentence what is missing and what fixes it, for the streamer
 */
public record DisclosureWarning(long stream, String sentence) {
}
