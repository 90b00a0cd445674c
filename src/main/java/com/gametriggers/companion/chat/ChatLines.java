package com.gametriggers.companion.chat;

/** Builds what the bot posts: answers and announcements, and Twitch's IRC line for them. */
final class ChatLines {

    /** Twitch's limit for one chat message; longer ones are refused. */
    static final int MAX_MESSAGE_LENGTH = 500;

    private ChatLines() {
    }

    /** {@code PRIVMSG #channel :text}, the text {@linkplain ChatChannel#fitted fitted} to Twitch's limit. */
    static String privmsg(String channel, String text) {
        return "PRIVMSG #" + channel + " :" + ChatChannel.fitted(text, MAX_MESSAGE_LENGTH);
    }

    static String answer(String viewer, ChatCommand command) {
        return "@" + viewer + " " + announcement(command);
    }

    static String announcement(ChatCommand command) {
        return command.brand() + ": " + command.trackingUrl();
    }
}
