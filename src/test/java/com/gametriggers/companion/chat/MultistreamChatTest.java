package com.gametriggers.companion.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static com.gametriggers.companion.chat.FakeTwitchServer.soon;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gametriggers.companion.chat.FakeTwitchServer.Connection;
import com.gametriggers.companion.chat.FakeTwitchServer.Received;

import okhttp3.OkHttpClient;

/** A stream on Twitch and on a second platform at once: one sponsor behaviour, two chats, each on its own. */
class MultistreamChatTest {

    private static final OkHttpClient HTTP = new OkHttpClient();
    private static final String PARTICIPATION = "0123456789abcdef01234567";
    private static final ChatCommand NOVA =
            new ChatCommand("!nova", PARTICIPATION, "Nova Energy", "https://gt.example/t/abc");
    /** A second platform's own limit, far below Twitch's: one post a minute. */
    private static final ChatRateLimiter.Limits ONE_PER_MINUTE =
            new ChatRateLimiter.Limits(Duration.ofMinutes(1), 1, 1, 10, Duration.ofMinutes(5));

    private final ManualTime time = new ManualTime();
    private final List<ChatClick> twitchClicks = new CopyOnWriteArrayList<>();
    private final List<ChatClick> youtubeClicks = new CopyOnWriteArrayList<>();
    private final FakeChatChannel youtubeChat = new FakeChatChannel(ChatPlatform.YOUTUBE);
    private FakeTwitchServer twitch;
    private ChatBot twitchBot;
    private SponsorChat youtube;

    @BeforeEach
    void start() throws IOException {
        twitch = new FakeTwitchServer(time);
        twitchBot = new ChatBot(ChatBotSettings.twitch("streamer_one", "t0k3n", "streamer_one")
                .withUrl(twitch.url()), () -> List.of(NOVA), twitchClicks::add, HTTP, time, time,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), () -> 0.5));
        youtube = new SponsorChat(youtubeChat, 30, ONE_PER_MINUTE, () -> List.of(NOVA), youtubeClicks::add, time,
                time);
        twitchBot.start();
        soon().until(() -> twitchBot.status().state() == ChatBotStatus.State.CONNECTED);
    }

    @AfterEach
    void stop() {
        twitchBot.close();
        youtube.close();
        twitch.close();
    }

    @Test
    void eachChatIsAnsweredOnItsOwnWithinItsOwnLimitAndEachClickCountedByItsOwnSource() {
        Connection twitchChat = twitch.connection(0);

        youtube.received(new ChatMessage("yt-1", "UCsameviewer", "Yuki", "!nova", time.instant(), false));
        youtube.received(new ChatMessage("yt-2", "UCother", "Ode", "!NOVA", time.instant(), false));
        twitchChat.send("@id=tw-1;user-id=4711;display-name=Tess :tess!tess@tess.tmi.twitch.tv "
                + "PRIVMSG #streamer_one :!nova");
        twitchChat.send("@id=tw-2;user-id=4712;display-name=Tom :tom!tom@tom.tmi.twitch.tv "
                + "PRIVMSG #streamer_one :!nova please");

        // Twitch answers both at once; the second platform's limit holds its second answer without delaying Twitch.
        soon().until(() -> twitchChat.privmsgs().size() == 2);
        twitchChat.roundTrip("read");
        assertThat(twitchChat.privmsgs()).extracting(Received::line).containsExactly(
                "PRIVMSG #streamer_one :@Tess Nova Energy: https://gt.example/t/abc",
                "PRIVMSG #streamer_one :@Tom Nova Energy: https://gt.example/t/abc");
        assertThat(youtubeChat.posted()).containsExactly("@Yuki Nova Energy: https://gt.example/t/abc");
        time.advance(Duration.ofMinutes(1).plusMillis(1));
        assertThat(youtubeChat.posted()).containsExactly("@Yuki Nova Energy: https://gt.example/t/abc",
                "@Ode Nova Energy: https://gt.example/t/abc");

        assertThat(twitchClicks).extracting(ChatClick::platform, ChatClick::messageId, ChatClick::viewerId)
                .containsExactly(tuple(ChatPlatform.TWITCH, "tw-1", "4711"),
                        tuple(ChatPlatform.TWITCH, "tw-2", "4712"));
        assertThat(youtubeClicks).extracting(ChatClick::platform, ChatClick::messageId, ChatClick::viewerId)
                .containsExactly(tuple(ChatPlatform.YOUTUBE, "yt-1", "UCsameviewer"),
                        tuple(ChatPlatform.YOUTUBE, "yt-2", "UCother"));
        assertThat(twitchBot.status().messagesSent()).isEqualTo(2);
        assertThat(youtube.sent()).isEqualTo(2);
    }

    @Test
    void anAnnouncementGoesToEachChatByItsOwnPacing() {
        Connection twitchChat = twitch.connection(0);
        for (int i = 0; i < 30; i++) {
            youtube.received(new ChatMessage("yt-" + i, "UC" + i, "V" + i, "hello", time.instant(), false));
        }

        assertThat(youtube.announce(NOVA)).isTrue();
        assertThat(twitchBot.announce(NOVA)).as("Twitch's chat has been quiet").isFalse();

        assertThat(youtubeChat.posted()).containsExactly("Nova Energy: https://gt.example/t/abc");
        twitchChat.roundTrip("quiet");
        assertThat(twitchChat.privmsgs()).isEmpty();
    }
}
