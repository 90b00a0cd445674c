package com.gametriggers.companion.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.gametriggers.companion.chat.ChatBotStatus;
import com.gametriggers.companion.chat.ChatBotStatus.State;

class ChannelStatusTest {

    @Test
    void withoutTwitchChatIsOffAndTheStreamUnknown() {
        assertThat(ChannelStatus.UNKNOWN.chatText()).isEqualTo("Chat: off");
        assertThat(ChannelStatus.UNKNOWN.streamText()).isEqualTo("Stream: not known");
    }

    @Test
    void theChannelAndTheViewersShowWhenTwitchTellsThem() {
        ChannelStatus live = new ChannelStatus(Optional.of(new ChatBotStatus(State.CONNECTED, "nova_streams", 3, 0)),
                Optional.of(true), 1234);
        assertThat(live.chatText()).isEqualTo("Chat: #nova_streams");
        assertThat(live.streamText()).isEqualTo("Live, %,d viewers".formatted(1234));
        assertThat(new ChannelStatus(Optional.of(new ChatBotStatus(State.RECONNECTING, "x", 0, 0)), Optional.of(false), 0)
                .chatText()).isEqualTo("Chat: reconnecting…");
        assertThat(new ChannelStatus(Optional.empty(), Optional.of(false), 0).streamText()).isEqualTo("Offline");
        assertThat(new ChannelStatus(Optional.empty(), Optional.of(true), 1).streamText()).isEqualTo("Live, 1 viewer");
    }

    @Test
    void youTubeShowsBesideTwitchOrAlone() {
        YouTubeStatus youtubeLive = new YouTubeStatus(true, 56, Optional.empty());
        assertThat(new ChannelStatus(Optional.empty(), Optional.of(true), 1234, Optional.empty(),
                Optional.of(youtubeLive)).streamText())
                .isEqualTo("Twitch: live, %,d viewers · YouTube: live, 56 viewers".formatted(1234));
        assertThat(new ChannelStatus(Optional.empty(), Optional.empty(), 0, Optional.empty(),
                Optional.of(new YouTubeStatus(false, 0, Optional.empty()))).streamText())
                .as("not signed in to Twitch").isEqualTo("YouTube: offline");
        assertThat(new ChannelStatus(Optional.empty(), Optional.of(false), 0, Optional.empty(),
                Optional.of(new YouTubeStatus(true, 1, Optional.empty()))).streamText())
                .isEqualTo("Twitch: offline · YouTube: live, 1 viewer");
    }

    @Test
    void aSlowedYouTubeChatSaysWhyInsteadOfTheCount() {
        String slowed = "YouTube chat slowed to every 13 s to last the day's quota";
        assertThat(new YouTubeStatus(true, 40, Optional.of(slowed)).text()).isEqualTo(slowed);
        assertThat(new YouTubeStatus(true, 1_500, Optional.empty()).text())
                .isEqualTo("YouTube: live, %,d viewers".formatted(1_500));
    }
}
