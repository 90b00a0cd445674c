package com.gametriggers.companion.chat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One IRC line as Twitch sends it: {@code @tags :prefix COMMAND middle params :trailing}.
 *
 * @param tags     IRCv3 tags, values unescaped; a tag without a value maps to ""
 * @param prefix   who sent it ({@code nick!nick@nick.tmi.twitch.tv} or {@code tmi.twitch.tv}); null when absent
 * @param command  a word ({@code PRIVMSG}) or a three-digit numeric ({@code 001})
 * @param params   the middle parameters, such as the channel
 * @param trailing the parameter after {@code " :"}, which may hold spaces (the chat text); null when absent
 */
public record IrcMessage(Map<String, String> tags, String prefix, String command, List<String> params,
                         String trailing) {

    public IrcMessage {
        tags = Map.copyOf(tags);
        params = List.copyOf(params);
        Objects.requireNonNull(command, "command");
    }

    public Optional<String> tag(String name) {
        return Optional.ofNullable(tags.get(name));
    }

    /** The nick of a user prefix; empty for a server prefix such as {@code tmi.twitch.tv}. */
    public Optional<String> nick() {
        if (prefix == null) {
            return Optional.empty();
        }
        int bang = prefix.indexOf('!');
        return bang > 0 ? Optional.of(prefix.substring(0, bang)) : Optional.empty();
    }
}
