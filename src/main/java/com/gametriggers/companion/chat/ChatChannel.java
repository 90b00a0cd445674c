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

    /**
     * {@code text} on one line (a CR or LF could end a protocol line and let the rest, say a brand name, be read as a
     * command) and cut to {@code maxLength} characters without splitting a surrogate pair: what a transport sends.
     */
    static String fitted(String text, int maxLength) {
        String oneLine = text.replace('\r', ' ').replace('\n', ' ');
        if (oneLine.length() <= maxLength) {
            return oneLine;
        }
        int end = maxLength;
        if (Character.isHighSurrogate(oneLine.charAt(end - 1))) {
            end--;
        }
        return oneLine.substring(0, end);
    }
}
