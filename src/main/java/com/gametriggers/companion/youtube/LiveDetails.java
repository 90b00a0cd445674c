package com.gametriggers.companion.youtube;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A broadcast's live-streaming details. {@code concurrentViewers} is empty when YouTube does not say (the count is
 * hidden, nobody watches, or the broadcast ended): unknown, which is not zero. {@code activeLiveChatId} is present
 * only while the broadcast is live with chat.
 */
public record LiveDetails(OptionalLong concurrentViewers, Optional<String> activeLiveChatId) {

    public boolean live() {
        return activeLiveChatId.isPresent();
    }
}
