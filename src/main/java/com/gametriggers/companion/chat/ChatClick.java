package com.gametriggers.companion.chat;

import java.time.Instant;

/**
 * A viewer used a sponsor's chat command.
 *
 * @param platform  whose chat it was: message and viewer ids are unique only within it
 * @param messageId the platform's id of the chat message: the click's event id
 * @param viewerId  the viewer's id on the platform (Twitch user id, YouTube channel id), for the click guard
 * @param at        when the platform received the message, else when the bot read it
 */
public record ChatClick(ChatPlatform platform, String participationId, String messageId, String viewerId,
                        Instant at) {
}
