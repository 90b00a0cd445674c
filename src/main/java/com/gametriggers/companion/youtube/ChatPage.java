package com.gametriggers.companion.youtube;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One answer of liveChatMessages.list: the text messages in it (other events, such as Super Chats and new members,
 * are left out), the token for the next page, how long YouTube asks to wait before asking again, and whether the
 * chat ended ({@code offlineAt}, or a {@code chatEndedEvent} among the items).
 */
public record ChatPage(List<YouTubeChatMessage> messages, String nextPageToken, Duration pollingInterval,
                       Optional<Instant> offlineAt, boolean chatEnded) {

    public ChatPage {
        messages = List.copyOf(messages);
    }

    public boolean ended() {
        return chatEnded || offlineAt.isPresent();
    }
}
