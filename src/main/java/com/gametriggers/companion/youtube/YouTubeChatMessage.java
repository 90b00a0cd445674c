package com.gametriggers.companion.youtube;

import java.time.Instant;

/**
 * One text message in a YouTube live chat; {@code channelId} is the author's YouTube channel, who a click is counted
 * for, and {@code byChatOwner} says the author is the channel streaming, which is also who the app answers as.
 */
public record YouTubeChatMessage(String messageId, String channelId, String displayName, String text,
                                 Instant publishedAt, boolean byChatOwner) {
}
