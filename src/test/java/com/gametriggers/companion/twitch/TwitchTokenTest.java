package com.gametriggers.companion.twitch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class TwitchTokenTest {

    @Test
    void toStringShowsOnlyTheFirstCharactersOfTheTokens() {
        TwitchToken token = new TwitchToken("access0123456789secret", "refresh0123456789secret", "streamer", "42",
                List.of("user:read:chat"), Instant.parse("2030-01-01T00:00:00Z"));

        assertThat(token.toString())
                .contains("acce…", "refr…", "streamer", "42", "user:read:chat")
                .doesNotContain("access0123456789secret", "refresh0123456789secret", "secret");
    }

    @Test
    void aShortTokenIsHiddenCompletely() {
        TwitchToken token = new TwitchToken("abc12", null, "streamer", "42", List.of(), Instant.EPOCH);

        assertThat(token.toString()).doesNotContain("abc");
    }

    @Test
    void deviceCodeHidesTheDeviceCodeButShowsWhatTheStreamerTypes() {
        DeviceCode code = new DeviceCode("device0123456789secret", "ABCD-EFGH", "https://www.twitch.tv/activate",
                Instant.EPOCH, Duration.ofSeconds(5));

        assertThat(code.toString()).contains("ABCD-EFGH", "https://www.twitch.tv/activate")
                .doesNotContain("device0123456789secret");
    }
}
