package com.gametriggers.companion.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class IrcParserTest {

    @Test
    void readsAPrivmsgWithTagsPrefixParamsAndTrailing() {
        IrcMessage message = IrcParser.parse("@badge-info=;badges=moderator/1,subscriber/12;display-name=Cool\\sViewer;"
                + "id=885196de-cb67-427a-baa8-82f9b0fcd05f;mod=1;user-id=4242;flag "
                + ":coolviewer!coolviewer@coolviewer.tmi.twitch.tv PRIVMSG #streamer :!nova please now\r\n").orElseThrow();

        assertThat(message.command()).isEqualTo("PRIVMSG");
        assertThat(message.prefix()).isEqualTo("coolviewer!coolviewer@coolviewer.tmi.twitch.tv");
        assertThat(message.nick()).contains("coolviewer");
        assertThat(message.params()).containsExactly("#streamer");
        assertThat(message.trailing()).isEqualTo("!nova please now");
        assertThat(message.tag("id")).contains("885196de-cb67-427a-baa8-82f9b0fcd05f");
        assertThat(message.tag("user-id")).contains("4242");
        assertThat(message.tag("badges")).contains("moderator/1,subscriber/12");
        assertThat(message.tag("display-name")).contains("Cool Viewer");
        assertThat(message.tag("badge-info")).contains("");
        assertThat(message.tag("flag")).contains("");
        assertThat(message.tag("color")).isEmpty();
    }

    @Test
    void unescapesTagValues() {
        assertThat(IrcParser.unescape("a\\sb\\:c\\\\d\\re\\nf")).isEqualTo("a b;c\\d\re\nf");
        assertThat(IrcParser.unescape("unknown\\xescape")).isEqualTo("unknownxescape");
        assertThat(IrcParser.unescape("lone\\")).isEqualTo("lone");
        assertThat(IrcParser.parse("@msg=semi\\:colon\\sand\\sspace :tmi.twitch.tv NOTICE #c :x").orElseThrow()
                .tag("msg")).contains("semi;colon and space");
    }

    @Test
    void readsLinesWithoutTagsOrPrefixAndNumerics() {
        IrcMessage ping = IrcParser.parse("PING :tmi.twitch.tv").orElseThrow();
        assertThat(ping.command()).isEqualTo("PING");
        assertThat(ping.prefix()).isNull();
        assertThat(ping.tags()).isEmpty();
        assertThat(ping.trailing()).isEqualTo("tmi.twitch.tv");

        IrcMessage welcome = IrcParser.parse(":tmi.twitch.tv 001 bot :Welcome, GLHF!").orElseThrow();
        assertThat(welcome.command()).isEqualTo("001");
        assertThat(welcome.nick()).isEmpty();
        assertThat(welcome.params()).containsExactly("bot");

        IrcMessage reconnect = IrcParser.parse(":tmi.twitch.tv RECONNECT").orElseThrow();
        assertThat(reconnect.params()).isEmpty();
        assertThat(reconnect.trailing()).isNull();

        IrcMessage cap = IrcParser.parse(":tmi.twitch.tv CAP * ACK :twitch.tv/tags twitch.tv/commands").orElseThrow();
        assertThat(cap.params()).isEqualTo(List.of("*", "ACK"));
        assertThat(IrcParser.parse("PRIVMSG #c :").orElseThrow().trailing()).isEmpty();
    }

    @Test
    void malformedLinesAreEmptyWithTheKindOfProblem() {
        assertThat(IrcParser.parse("")).isEmpty();
        assertThat(IrcParser.parse(null)).isEmpty();
        assertThat(IrcParser.read("   ").problem()).isEqualTo("empty line");
        assertThat(IrcParser.read("@id=1").problem()).isEqualTo("tags without a command");
        assertThat(IrcParser.read(":tmi.twitch.tv").problem()).isEqualTo("prefix without a command");
        assertThat(IrcParser.read("@id=1 :tmi.twitch.tv ").problem()).isEqualTo("no command");
        assertThat(IrcParser.read(":tmi.twitch.tv PRIV-MSG #c :x").problem()).isEqualTo("invalid command");
        assertThat(IrcParser.read(":tmi.twitch.tv 12 x").problem()).isEqualTo("invalid command");
        assertThat(IrcParser.read("\u0000\u0001").problem()).isEqualTo("invalid command");
    }
}
