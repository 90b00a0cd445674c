package com.gametriggers.companion.youtube;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A broadcast's live-streaming details. {@code concurrentViewers} is empty when YouTube does not say (the count is
 * hidden, nobody watches, or the broadcast ended): unknown, which is not zero. {@code activeLiveChatId} is present
 * only while the broadcast is live with chat; {@code ended} once YouTube gives the broadcast an {@code actualEndTime}.
 */
public record LiveDetails(OptionalLong concurrentViewers, Optional<String> activeLiveChatId, boolean ended) {

    /**
     * Whether the broadcast is over. One that had a chat is over when the chat goes ({@code activeLiveChatId} is
     * removed on completion); one without a chat only by its end time.
     */
    public boolean over(boolean hadChat) {
        return ended || hadChat && activeLiveChatId.isEmpty();
    }
}
