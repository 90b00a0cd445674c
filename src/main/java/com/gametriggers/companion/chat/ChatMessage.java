package com.gametriggers.companion.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * One message read from a live chat, as every platform can fill it.
 *
 * @param messageId   the platform's id of the message, stable across resends: the click's event id; null when the
 *                    platform did not send one (the message is answered but not counted)
 * @param viewerId    the author's stable id (Twitch user id, YouTube channel id), for the click guard; null as above
 * @param displayName the author's name as chat shows it, which the answer addresses
 * @param text        what the author wrote
 * @param sentAt      when the platform received it, else when it was read
 * @param fromBot     written by the account the bot posts as: never a command nor a line of chat to pace by
 */
public record ChatMessage(String messageId, String viewerId, String displayName, String text, Instant sentAt,
                          boolean fromBot) {

    public ChatMessage {
        messageId = blankToNull(messageId);
        viewerId = blankToNull(viewerId);
        displayName = displayName == null ? "" : displayName;
        text = text == null ? "" : text;
        Objects.requireNonNull(sentAt, "sentAt");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
