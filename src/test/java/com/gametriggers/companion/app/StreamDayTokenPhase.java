package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import com.gametriggers.companion.chat.FakeTwitchServer;

/**
 * The stream-day phase for issue 14's "Twitch that stays signed in": the access token expires mid-stream, and the
 * app refreshes it on the {@code 401} (one {@code POST /oauth2/token} with the refresh token), saves the new pair,
 * retries, and goes on hearing viewer counts; the chat bot logs in with the new token when it connects again.
 *
 * <p>{@link StreamDayTest} calls it after the viewers have started changing. Like every phase, it starts and ends
 * between two showings.
 */
final class StreamDayTokenPhase {

    private static final Duration REFRESHED = Duration.ofSeconds(15);

    private StreamDayTokenPhase() {
    }

    static void tokenExpiresAndIsRefreshed(StreamDay day) throws Exception {
        String oldAccess = day.twitch.accessToken();
        String oldRefresh = day.twitch.refreshToken();
        // The showings go on meanwhile; they count the viewers the app heard last, as no count is handed over here.
        day.twitch.expireAccessToken();

        await("the app refreshed its Twitch token").atMost(REFRESHED).until(() -> !day.twitch.refreshes().isEmpty());
        Map<String, String> refresh = day.twitch.refreshes().get(0);
        assertThat(refresh).containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", oldRefresh)
                .containsEntry("client_id", TwitchStandIn.CLIENT_ID);
        assertThat(day.twitch.accessToken()).isNotEqualTo(oldAccess);
        await("the new pair is saved, as device-flow refresh tokens work once").atMost(REFRESHED)
                .untilAsserted(() -> assertThat(day.savedSignIn()).satisfies(saved -> {
                    assertThat(saved.accessToken()).isEqualTo(day.twitch.accessToken());
                    assertThat(saved.refreshToken()).isEqualTo(day.twitch.refreshToken());
                }));

        // Viewer counts come again, polled with the new token (the stand-in refuses the old one).
        int[] counted = {0};
        day.showings(4, (d, showing) -> {
            if (showing.onAir() && d.viewers(showing, 500 + counted[0])) {
                counted[0]++;
            }
        });
        assertThat(counted[0]).as("viewer counts heard after the refresh").isPositive();

        // Twitch closes the chat connection; the bot logs in again with the new token, and commands count.
        FakeTwitchServer.Connection reopened = day.chatDroppedAndReopened();
        assertThat(reopened.lines()).contains("PASS oauth:" + day.twitch.accessToken());
        day.showings(1, (d, showing) -> d.chatCommand("!quantum", "token-phase-viewer", false));

        assertThat(day.twitch.refreshes()).as("one refresh for the one expiry").hasSize(1);
    }
}
