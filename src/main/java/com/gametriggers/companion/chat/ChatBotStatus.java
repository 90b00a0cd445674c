package com.gametriggers.companion.chat;

/**
 * What the UI shows about the chat bot.
 *
 * @param messagesSent    chat messages the bot posted (answers and announcements)
 * @param messagesNotSent chat messages it had to give up (rate limit queue full, waited too long, stopped)
 */
public record ChatBotStatus(State state, String channel, long messagesSent, long messagesNotSent) {

    public enum State {
        /** The first connection is being made. */
        CONNECTING,
        /** Logged in and in the channel. */
        CONNECTED,
        /** The connection dropped or Twitch asked to reconnect; a new one is on its way with backoff. */
        RECONNECTING,
        STOPPED
    }
}
