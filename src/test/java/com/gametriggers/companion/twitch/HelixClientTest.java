package com.gametriggers.companion.twitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.gametriggers.companion.concurrent.FakeTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

class HelixClientTest {

    static final String ACCESS_TOKEN = "helixACCESStoken0123456789";
    static final String LIVE = "{\"data\":[{\"id\":\"40952121085\",\"user_login\":\"streamer\",\"type\":\"live\","
            + "\"viewer_count\":1234,\"started_at\":\"2030-05-01T11:30:00Z\"}],\"pagination\":{}}";
    static final String OFFLINE = "{\"data\":[],\"pagination\":{}}";

    private final Instant start = Instant.parse("2030-05-01T12:00:00Z");
    private final FakeTime time = new FakeTime(start);
    private final TwitchServer twitch = new TwitchServer();
    private final HelixClient helix = new HelixClient(twitch.http, twitch.settings(), () -> token(), time, time);

    HelixClientTest() throws IOException {
    }

    static TwitchToken token() {
        return new TwitchToken(ACCESS_TOKEN, "helixREFRESHtoken0123456789", "streamer", "42", List.of(),
                Instant.parse("2030-05-02T00:00:00Z"));
    }

    @AfterEach
    void close() {
        twitch.close();
    }

    @Test
    void aLiveChannelHasItsViewerCount() throws Exception {
        twitch.enqueue(200, LIVE);

        assertThat(helix.getStream("streamer"))
                .isEqualTo(new StreamStatus(true, 1234, Instant.parse("2030-05-01T11:30:00Z")));
        RecordedRequest request = twitch.take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/helix/streams");
        assertThat(request.getUrl().queryParameter("user_login")).isEqualTo("streamer");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
        assertThat(request.getHeaders().get("Client-Id")).isEqualTo(TwitchServer.CLIENT_ID);
    }

    @Test
    void aChannelMissingFromDataIsOffline() throws Exception {
        twitch.enqueue(200, OFFLINE);

        assertThat(helix.getStream("streamer")).isEqualTo(StreamStatus.offline());
    }

    @Test
    void anEmptyBucketMakesTheNextRequestWaitUntilTheReset() throws Exception {
        twitch.enqueue(withBudget(LIVE, 0, start.plusSeconds(42)));
        twitch.enqueue(withBudget(LIVE, 799, start.plusSeconds(102)));
        twitch.enqueue(200, LIVE);

        helix.getStream("streamer");
        assertThat(time.sleeps()).isEmpty();
        helix.getStream("streamer");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(42));
        helix.getStream("streamer");
        assertThat(time.sleeps()).as("budget left: no more waiting").containsExactly(Duration.ofSeconds(42));
    }

    @Test
    void aResetAlreadyPastNeedsNoWait() throws Exception {
        twitch.enqueue(withBudget(LIVE, 0, start.plusSeconds(10)));
        twitch.enqueue(200, LIVE);

        helix.getStream("streamer");
        time.sleep(Duration.ofSeconds(30));
        helix.getStream("streamer");

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void aResetFarAwayIsTakenForClockSkewAndWaitsAMinuteAtMost() throws Exception {
        twitch.enqueue(withBudget(LIVE, 0, start.plusSeconds(3600)));
        twitch.enqueue(200, LIVE);

        helix.getStream("streamer");
        helix.getStream("streamer");

        assertThat(time.sleeps()).containsExactly(Duration.ofMinutes(1));
    }

    @Test
    void a429IsRetriedOnceAfterTheReset() throws Exception {
        twitch.enqueue(tooMany(start.plusSeconds(7)));
        twitch.enqueue(200, LIVE);

        assertThat(helix.getStream("streamer").viewerCount()).isEqualTo(1234);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
        assertThat(twitch.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aSecond429GivesUpUntilTheNextCall() throws Exception {
        twitch.enqueue(tooMany(start.plusSeconds(7)));
        twitch.enqueue(tooMany(start.plusSeconds(20)));
        twitch.enqueue(200, LIVE);

        assertThatThrownBy(() -> helix.getStream("streamer")).isInstanceOf(TwitchException.class)
                .hasMessageContaining("limiting");
        assertThat(helix.getStream("streamer").live()).isTrue();
        // 7 s before the retry, then the rest of the way to the second reset before the next call.
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(13));
    }

    @Test
    void a401MeansTheSignInExpired() {
        twitch.enqueue(401, "{\"error\":\"Unauthorized\",\"status\":401,\"message\":\"Invalid OAuth token\"}");

        assertThatThrownBy(() -> helix.getStream("streamer")).isInstanceOf(SignInExpiredException.class)
                .hasMessage("Your Twitch sign-in expired; sign in again");
    }

    @Test
    void anUnreachableTwitchIsATwitchExceptionWithoutTheToken() {
        twitch.server.close();

        assertThatThrownBy(() -> helix.getStream("streamer")).isInstanceOf(TwitchException.class)
                .hasMessageStartingWith("Twitch could not be reached")
                .hasMessageNotContaining(ACCESS_TOKEN);
    }

    private static MockResponse withBudget(String body, int remaining, Instant reset) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .setHeader("Ratelimit-Limit", 800).setHeader("Ratelimit-Remaining", remaining)
                .setHeader("Ratelimit-Reset", reset.getEpochSecond()).body(body).build();
    }

    private static MockResponse tooMany(Instant reset) {
        return new MockResponse.Builder().code(429).setHeader("Content-Type", "application/json")
                .setHeader("Ratelimit-Limit", 800).setHeader("Ratelimit-Remaining", 0)
                .setHeader("Ratelimit-Reset", reset.getEpochSecond())
                .body("{\"error\":\"Too Many Requests\",\"status\":429,\"message\":\"\"}").build();
    }
}
