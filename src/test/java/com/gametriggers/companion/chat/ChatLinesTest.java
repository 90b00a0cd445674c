package com.gametriggers.companion.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatLinesTest {

    private static final String PREFIX = "PRIVMSG #chan :";

    @Test
    void cutsTheTextTo500CharactersWithoutSplittingASurrogatePair() {
        assertThat(ChatLines.privmsg("chan", "x".repeat(600))).isEqualTo(PREFIX + "x".repeat(500));
        String emojiAtTheEdge = "x".repeat(499) + "\uD83D\uDE00" + "tail";

        assertThat(ChatLines.privmsg("chan", emojiAtTheEdge)).isEqualTo(PREFIX + "x".repeat(499));
    }

    @Test
    void keepsTheTextOnOneIrcLine() {
        assertThat(ChatLines.privmsg("chan", "Brand\r\nJOIN #other"))
                .isEqualTo(PREFIX + "Brand  JOIN #other");
    }

    @Test
    void answersMentionTheViewer() {
        ChatCommand nova = new ChatCommand("!nova", "0123456789abcdef01234567", "Nova Energy", "https://t.example/n");

        assertThat(ChatLines.answer("Viewer", nova)).isEqualTo("@Viewer Nova Energy: https://t.example/n");
    }
}
