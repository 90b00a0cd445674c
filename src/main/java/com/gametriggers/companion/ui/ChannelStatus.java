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
 * @param youtube the YouTube channel beside it, empty while not signed in with Google
 */
public record ChannelStatus(Optional<ChatBotStatus> chatBot, Optional<Boolean> live, long viewers,
                            Optional<String> signInProblem, Optional<YouTubeStatus> youtube) {

    public static final ChannelStatus UNKNOWN = new ChannelStatus(Optional.empty(), Optional.empty(), 0);

    public ChannelStatus {
        Objects.requireNonNull(chatBot, "chatBot");
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(signInProblem, "signInProblem");
        Objects.requireNonNull(youtube, "youtube");
    }

    /** Twitch alone. */
    public ChannelStatus(Optional<ChatBotStatus> chatBot, Optional<Boolean> live, long viewers,
                         Optional<String> signInProblem) {
        this(chatBot, live, viewers, signInProblem, Optional.empty());
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

    /**
     * "Live, 1,234 viewers", "Offline", or "Stream: not known" without Twitch; beside YouTube each platform says its
     * own: "Twitch: live, 1,234 viewers · YouTube: live, 56 viewers".
     */
    public String streamText() {
        if (youtube.isEmpty()) {
            return twitchText();
        }
        if (live.isEmpty()) {
            return youtube.get().text();
        }
        String twitch = twitchText();
        return "Twitch: " + Character.toLowerCase(twitch.charAt(0)) + twitch.substring(1) + " · "
                + youtube.get().text();
    }

    private String twitchText() {
        if (live.isEmpty()) {
            return "Stream: not known";
        }
        if (!live.get()) {
            return "Offline";
        }
        return "Live, %,d %s".formatted(viewers, viewers == 1 ? "viewer" : "viewers");
    }
}
