package com.gametriggers.companion.chat;

/**
 * A sponsor's chat command in the streamer's channel and what the bot answers with.
 *
 * @param command what a viewer types, such as {@code !nova}; matched without case
 */
public record ChatCommand(String command, String participationId, String brand, String trackingUrl) {
}
