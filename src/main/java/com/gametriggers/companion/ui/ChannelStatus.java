package com.gametriggers.companion.ui;

import java.util.Objects;
import java.util.Optional;

import com.gametriggers.companion.chat.ChatBotStatus;

/**
 * The streamer's Twitch channel as the status bar shows it.
 *
 * @param chatBot empty while the app is not signed in to Twitch
 * @param live    empty while Twitch has not said (no sign-in, or the first poll is on its way)
 * @param viewers the last viewer count Twitch gave, 0 while offline or unknown
 * @param signInProblem why the Twitch sign-in needs the streamer (it was refused), empty while it works
 */
public record ChannelStatus(Optional<ChatBotStatus> chatBot, Optional<Boolean> live, long viewers,
                            Optional<String> signInProblem) {

    public static final ChannelStatus UNKNOWN = new ChannelStatus(Optional.empty(), Optional.empty(), 0);

    public ChannelStatus {
        Objects.requireNonNull(chatBot, "chatBot");
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(signInProblem, "signInProblem");
    }

    /** A channel whose sign-in works (or where nobody is signed in). */
    public ChannelStatus(Optional<ChatBotStatus> chatBot, Optional<Boolean> live, long viewers) {
        this(chatBot, live, viewers, Optional.empty());
    }

    /** "Chat: connected to #name", or why chat is quiet. */
    public String chatText() {
        if (chatBot.isEmpty()) {
            return "Chat: off";
        }
        ChatBotStatus status = chatBot.get();
        return switch (status.state()) {
            case CONNECTING -> "Chat: connecting…";
            case CONNECTED -> "Chat: #" + status.channel();
            case RECONNECTING -> "Chat: reconnecting…";
            case STOPPED -> "Chat: stopped";
        };
    }

    /** "Live, 1,234 viewers", "Offline", or "Stream: not known" without Twitch. */
    public String streamText() {
        if (live.isEmpty()) {
            return "Stream: not known";
        }
        if (!live.get()) {
            return "Offline";
        }
        return "Live, %,d %s".formatted(viewers, viewers == 1 ? "viewer" : "viewers");
    }
}
