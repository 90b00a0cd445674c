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
}
