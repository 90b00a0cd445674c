package com.gametriggers.companion.app;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import com.gametriggers.companion.chat.ChatBotSettings;
import com.gametriggers.companion.twitch.TwitchSettings;

import okhttp3.HttpUrl;

/**
 * Where the app finds Twitch and how often it asks for the stream status: Twitch itself, or a local stand-in that
 * serves the id endpoints at its root, Helix under {@code helix/} and chat as an IRC WebSocket. The stand-in is for
 * tests that run the whole app as streamers do (hidden command-line options), never for streamers.
 *
 * @param baseUrl      a stand-in for id.twitch.tv and api.twitch.tv; empty for Twitch
 * @param chatUrl      a stand-in for Twitch's IRC WebSocket; empty for Twitch
 * @param pollInterval time between two stream-status polls
 */
record TwitchEndpoints(Optional<HttpUrl> baseUrl, Optional<String> chatUrl, Duration pollInterval) {

    TwitchEndpoints {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(chatUrl, "chatUrl");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("The stream status poll interval must be positive: " + pollInterval);
        }
    }

    static TwitchEndpoints twitch() {
        return new TwitchEndpoints(Optional.empty(), Optional.empty(), TwitchLink.POLL_INTERVAL);
    }

    TwitchSettings settings(String clientId) {
        return baseUrl.map(base -> new TwitchSettings(clientId, base, base.resolve("helix/")))
                .orElseGet(() -> TwitchSettings.production(clientId));
    }

    /** How the chat bot and the stream status reach Twitch (or the stand-in), on the app's clock. */
    TwitchLink.Options link(Clock clock) {
        return new TwitchLink.Options(chatUrl.orElse(ChatBotSettings.TWITCH_URL), pollInterval,
                TwitchLink.VALIDATE_EVERY, clock);
    }
}
