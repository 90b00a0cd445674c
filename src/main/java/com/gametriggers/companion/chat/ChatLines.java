package com.gametriggers.companion.chat;

/** Builds the IRC lines the bot posts. */
final class ChatLines {

    /** Twitch's limit for one chat message; longer ones are refused. */
    static final int MAX_MESSAGE_LENGTH = 500;

    private ChatLines() {
    }

    /**
     * {@code PRIVMSG #channel :text}, the text on one line (a CR or LF would end the IRC line and let the rest, say a
     * brand name, be read as a command) and cut to {@value #MAX_MESSAGE_LENGTH} characters without splitting a
     * surrogate pair.
     */
    static String privmsg(String channel, String text) {
        String oneLine = text.replace('\r', ' ').replace('\n', ' ');
        if (oneLine.length() > MAX_MESSAGE_LENGTH) {
            int end = MAX_MESSAGE_LENGTH;
            if (Character.isHighSurrogate(oneLine.charAt(end - 1))) {
                end--;
            }
            oneLine = oneLine.substring(0, end);
        }
        return "PRIVMSG #" + channel + " :" + oneLine;
    }

    static String answer(String viewer, ChatCommand command) {
        return "@" + viewer + " " + announcement(command);
    }

    static String announcement(ChatCommand command) {
        return command.brand() + ": " + command.trackingUrl();
    }
}
