package com.gametriggers.companion.chat;

/**
 * Told when a viewer used a sponsor's chat command. Called on the chat connection's reader thread, so it must be quick
 * (hand the click to the tracker and return).
 *
 * @see SponsorChat
 */
@FunctionalInterface
public interface ChatClickSink {

    void chatCommandUsed(ChatClick click);
}
