package com.gametriggers.companion.chat;

/**
 * A live chat a {@link SponsorChat} posts in: Twitch IRC, YouTube's live chat. It is only the transport; what to post
 * and when is the sponsor chat's, which also keeps within the platform's send limit before calling {@link #send}.
 */
public interface ChatChannel {

    ChatPlatform platform();

    /**
     * Posts one chat message now, fitted to the platform (one line, cut to its length limit).
     *
     * @return false when it cannot be sent now (not connected, not logged in): the sponsor chat keeps it waiting
     *         until {@link SponsorChat#canSendAgain()}
     */
    boolean send(String text);
}
