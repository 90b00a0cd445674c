package com.gametriggers.companion.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sponsor behaviour over a chat in memory, as any platform's transport drives it. */
class SponsorChatTest {

    private static final String PARTICIPATION = "0123456789abcdef01234567";
    private static final ChatCommand NOVA =
            new ChatCommand("!nova", PARTICIPATION, "Nova Energy", "https://gt.example/t/abc");
    private static final ChatRateLimiter.Limits TWO_PER_30_SECONDS =
            new ChatRateLimiter.Limits(Duration.ofSeconds(30), 2, 2, 10, Duration.ofSeconds(60));

    private final ManualTime time = new ManualTime();
    private final FakeChatChannel channel = new FakeChatChannel(ChatPlatform.YOUTUBE);
    private final List<ChatClick> clicks = new CopyOnWriteArrayList<>();
    private SponsorChat chat;

    @AfterEach
    void close() {
        if (chat != null) {
            chat.close();
        }
    }

    private SponsorChat start(int announceEveryLines, ChatRateLimiter.Limits limits) {
        chat = new SponsorChat(channel, announceEveryLines, limits, () -> List.of(NOVA), clicks::add, time, time);
        return chat;
    }

    private ChatMessage from(String messageId, String viewerId, String text) {
        return new ChatMessage(messageId, viewerId, "Viewer " + viewerId, text, time.instant(), false);
    }

    @Test
    void aCommandIsAnsweredOnceOnItsOwnChatAndCountedAsItsPlatformsClick() {
        start(30, ChatRateLimiter.Limits.twitch());
        Instant sentAt = time.instant().minusSeconds(2);

        chat.received(new ChatMessage("yt-msg-1", "UCviewer1", "Cool Viewer", "  !NOVA where do I get it?", sentAt,
                false));
        chat.received(from("yt-msg-2", "UCviewer2", "I like !nova"));
        chat.received(from("yt-msg-3", "UCviewer3", "!other"));

        assertThat(channel.posted()).containsExactly("@Cool Viewer Nova Energy: https://gt.example/t/abc");
        assertThat(clicks).containsExactly(
                new ChatClick(ChatPlatform.YOUTUBE, PARTICIPATION, "yt-msg-1", "UCviewer1", sentAt));
        assertThat(chat.sent()).isEqualTo(1);
        assertThat(chat.platform()).isEqualTo(ChatPlatform.YOUTUBE);
    }

    @Test
    void theBotsOwnMessagesAreNeitherCommandsNorLinesOfChat() {
        start(1, ChatRateLimiter.Limits.twitch());

        chat.received(new ChatMessage("own-1", "UCbot", "Bot", "!nova", time.instant(), true));

        assertThat(channel.posted()).isEmpty();
        assertThat(clicks).isEmpty();
        assertThat(chat.announce(NOVA)).as("no viewer spoke since").isFalse();
    }

    @Test
    void aCommandWithoutTheIdsIsAnsweredButNotCounted() {
        start(30, ChatRateLimiter.Limits.twitch());

        chat.received(from(" ", "UCviewer1", "!nova"));
        chat.received(from("yt-msg-2", null, "!nova"));

        assertThat(channel.posted()).hasSize(2);
        assertThat(clicks).isEmpty();
    }

    @Test
    void announcesTheSponsorOnScreenOnlyAfterEnoughLinesSinceTheBotLastPosted() {
        start(3, ChatRateLimiter.Limits.twitch());

        assertThat(chat.announce(NOVA)).isFalse();
        chat.received(from("m1", "v1", "hi"));
        chat.received(from("m2", "v2", "hello"));
        assertThat(chat.announce(NOVA)).isFalse();
        chat.received(from("m3", "v3", "gg"));

        assertThat(chat.announce(NOVA)).isTrue();
        assertThat(chat.announce(NOVA)).as("the announcement resets the count").isFalse();
        chat.received(from("m4", "v4", "!nova"));
        chat.received(from("m5", "v5", "a"));
        chat.received(from("m6", "v6", "b"));
        assertThat(chat.announce(NOVA)).as("an answer is a post too").isFalse();

        assertThat(channel.posted()).containsExactly("Nova Energy: https://gt.example/t/abc",
                "@Viewer v4 Nova Energy: https://gt.example/t/abc");
    }

    @Test
    void postsNoFasterThanItsLimitsAllowAndSendsTheRestWhenTheWindowMoves() {
        start(30, TWO_PER_30_SECONDS);

        for (int i = 1; i <= 3; i++) {
            chat.received(from("m" + i, "v" + i, "!nova"));
        }

        assertThat(channel.posted()).hasSize(2);
        assertThat(clicks).as("every use counts, whenever its answer goes").hasSize(3);
        time.advance(Duration.ofSeconds(30));
        assertThat(channel.posted()).hasSize(2);
        time.advance(Duration.ofMillis(1));
        assertThat(channel.posted()).hasSize(3).last().asString().startsWith("@Viewer v3 ");
        assertThat(chat.sent()).isEqualTo(3);
        assertThat(chat.notSent()).isZero();
    }

    @Test
    void answersWaitWhileTheChatCannotSendAndGoOnceItCanOrAreCountedAsNotSentAtClose() {
        start(30, ChatRateLimiter.Limits.twitch());
        channel.online(false);

        chat.received(from("m1", "v1", "!nova"));
        assertThat(channel.posted()).isEmpty();
        channel.online(true);
        chat.canSendAgain();
        assertThat(channel.posted()).hasSize(1);

        channel.online(false);
        chat.received(from("m2", "v2", "!nova"));
        chat.close();
        assertThat(chat.sent()).isEqualTo(1);
        assertThat(chat.notSent()).isEqualTo(1);
        assertThat(clicks).hasSize(2);
    }
}
