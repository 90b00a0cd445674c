package com.gametriggers.companion.chat;

import java.time.Instant;

/**
 * Told when a viewer used a sponsor's chat command. Called on the chat connection's reader thread, so it must be quick
 * (hand the click to the tracker and return).
 *
 * @see ChatBot
 */
@FunctionalInterface
public interface ChatClickSink {

    /**
     * @param messageId    Twitch's id of the chat message, stable across resends: the click's event id
     * @param twitchUserId the viewer's Twitch user id, for the click guard
     * @param at           when Twitch received the message ({@code tmi-sent-ts}), else when the bot read it
     */
    void chatCommandUsed(String participationId, String messageId, String twitchUserId, Instant at);
}
