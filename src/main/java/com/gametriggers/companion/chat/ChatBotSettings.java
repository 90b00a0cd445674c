package com.gametriggers.companion.chat;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and as whom the bot chats.
 *
 * @param url                Twitch's IRC WebSocket, or a local fake in tests
 * @param login              the bot account's login; sent lower case, as Twitch requires
 * @param oauthToken         a user access token with {@code chat:read} and {@code chat:edit}, with or without the
 *                           {@code oauth:} prefix. Never logged: {@link #toString()} leaves it out.
 * @param channel            the streamer's channel login, without {@code #}
 * @param announceEveryLines how many chat lines must pass after the bot's last post before an announcement
 */
public record ChatBotSettings(String url, String login, String oauthToken, String channel, int announceEveryLines,
                              ChatRateLimiter.Limits limits) {

    public static final String TWITCH_URL = "wss://irc-ws.chat.twitch.tv:443";

    /** Twitch logins: letters, digits, underscores. Anything else could smuggle a second IRC command into a line. */
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9_]{1,25}");

    public ChatBotSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(limits, "limits");
        login = checkedLogin(login, "bot login");
        channel = checkedLogin(channel == null ? null : channel.replaceFirst("^#", ""), "channel");
        if (oauthToken == null || oauthToken.isBlank() || oauthToken.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("The chat token is missing or has spaces");
        }
        oauthToken = oauthToken.startsWith("oauth:") ? oauthToken.substring("oauth:".length()) : oauthToken;
        if (announceEveryLines < 0) {
            throw new IllegalArgumentException("announceEveryLines must not be negative");
        }
    }

    public static ChatBotSettings twitch(String login, String oauthToken, String channel) {
        return new ChatBotSettings(TWITCH_URL, login, oauthToken, channel, 30, ChatRateLimiter.Limits.twitch());
    }

    /** The same bot with another token, checked as the constructor checks it. */
    public ChatBotSettings withOauthToken(String otherToken) {
        return new ChatBotSettings(url, login, otherToken, channel, announceEveryLines, limits);
    }

    public ChatBotSettings withUrl(String otherUrl) {
        return new ChatBotSettings(otherUrl, login, oauthToken, channel, announceEveryLines, limits);
    }

    @Override
    public String toString() {
        return "ChatBotSettings[url=" + url + ", login=" + login + ", channel=" + channel + ", announceEveryLines="
                + announceEveryLines + ", limits=" + limits + "]";
    }

    private static String checkedLogin(String value, String what) {
        String lower = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!LOGIN.matcher(lower).matches()) {
            throw new IllegalArgumentException("Not a Twitch " + what + ": " + value);
        }
        return lower;
    }
}
