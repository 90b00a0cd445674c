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

import mockwebserver3.RecordedRequest;

class DeviceLoginTest {

    private static final String ACCESS_TOKEN = "accessTOKENvalue0123456789";
    private static final String REFRESH_TOKEN = "refreshTOKENvalue0123456789";
    private static final String DEVICE_CODE = "deviceCODEvalue0123456789";
    private static final String PENDING = "{\"status\":400,\"message\":\"authorization_pending\"}";
    private static final String SLOW_DOWN = "{\"status\":400,\"message\":\"slow_down\"}";
    private static final String GRANTED = "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"refresh_token\":\"" + REFRESH_TOKEN
            + "\",\"expires_in\":14400,\"scope\":[\"user:read:chat\"],\"token_type\":\"bearer\"}";
    private static final String VALID = "{\"client_id\":\"test-client-id\",\"login\":\"streamer\",\"scopes\":[\"user:read:chat\"],"
            + "\"user_id\":\"141981764\",\"expires_in\":14399}";

    private final Instant start = Instant.parse("2030-05-01T12:00:00Z");
    private final FakeTime time = new FakeTime(start);
    private final TwitchServer twitch = new TwitchServer();
    private final CapturedLog log = new CapturedLog();
    private final DeviceLogin login = new DeviceLogin(twitch.http, twitch.settings(), List.of("user:read:chat"), time, time);

    DeviceLoginTest() throws IOException {
    }

    @AfterEach
    void close() {
        log.close();
        twitch.close();
    }

    @Test
    void startAsksForACodeAsAPublicClient() throws Exception {
        twitch.enqueue(200, "{\"device_code\":\"" + DEVICE_CODE + "\",\"expires_in\":1800,\"interval\":5,"
                + "\"user_code\":\"ABCDEFGH\",\"verification_uri\":\"https://www.twitch.tv/activate?device-code=ABCDEFGH\"}");

        DeviceCode code = login.start();

        assertThat(code).isEqualTo(new DeviceCode(DEVICE_CODE, "ABCDEFGH",
                "https://www.twitch.tv/activate?device-code=ABCDEFGH", start.plusSeconds(1800), Duration.ofSeconds(5)));
        RecordedRequest request = twitch.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/oauth2/device");
        assertThat(request.getBody().utf8()).isEqualTo("client_id=test-client-id&scopes=user%3Aread%3Achat")
                .doesNotContain("secret");
    }

    @Test
    void startReportsWhatTwitchSaidWhenItRefuses() {
        twitch.enqueue(400, "{\"status\":400,\"message\":\"invalid client\"}");

        assertThatThrownBy(login::start).isInstanceOf(TwitchException.class).hasMessageContaining("invalid client");
    }

    @Test
    void pollWaitsThroughPendingAndSlowsDownThenValidatesTheToken() throws Exception {
        twitch.enqueue(400, PENDING);
        twitch.enqueue(400, SLOW_DOWN);
        twitch.enqueue(400, PENDING);
        twitch.enqueue(200, GRANTED);
        twitch.enqueue(200, VALID);

        DeviceLoginResult result = login.poll(code(Duration.ofSeconds(5)));

        assertThat(result).isEqualTo(new DeviceLoginResult.Success(new TwitchToken(ACCESS_TOKEN, REFRESH_TOKEN,
                "streamer", "141981764", List.of("user:read:chat"), start.plusSeconds(5 + 5 + 10 + 10 + 14400))));
        // Pending keeps the interval; slow_down adds five seconds to every later wait.
        assertThat(time.sleeps()).extracting(Duration::toSeconds).containsExactly(5L, 5L, 10L, 10L);
        for (int i = 0; i < 4; i++) {
            RecordedRequest poll = twitch.take();
            assertThat(poll.getUrl().encodedPath()).isEqualTo("/oauth2/token");
            assertThat(poll.getBody().utf8()).contains("client_id=test-client-id", "device_code=" + DEVICE_CODE,
                    "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code");
        }
        RecordedRequest validate = twitch.take();
        assertThat(validate.getUrl().encodedPath()).isEqualTo("/oauth2/validate");
        assertThat(validate.getHeaders().get("Authorization")).isEqualTo("OAuth " + ACCESS_TOKEN);
        assertThat(log.lines()).isNotEmpty().noneMatch(line -> line.contains(ACCESS_TOKEN) || line.contains(REFRESH_TOKEN)
                || line.contains(DEVICE_CODE));
        assertThat(result.toString()).doesNotContain(ACCESS_TOKEN, REFRESH_TOKEN);
    }

    @Test
    void anExpiredCodeEndsThePolling() throws Exception {
        twitch.enqueue(400, PENDING);
        twitch.enqueue(400, "{\"status\":400,\"message\":\"expired_token\"}");

        assertThat(login.poll(code(Duration.ofSeconds(5)))).isEqualTo(new DeviceLoginResult.Expired());
        assertThat(twitch.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void twitchsInvalidDeviceCodeMeansExpiredToo() throws Exception {
        twitch.enqueue(400, "{\"status\":400,\"message\":\"invalid device code\"}");

        assertThat(login.poll(code(Duration.ofSeconds(5)))).isEqualTo(new DeviceLoginResult.Expired());
    }

    @Test
    void pollingStopsWhenTheCodeRunsOutEvenIfTwitchKeepsSayingPending() throws Exception {
        for (int i = 0; i < 3; i++) {
            twitch.enqueue(400, PENDING);
        }
        DeviceCode code = new DeviceCode(DEVICE_CODE, "ABCDEFGH", "https://www.twitch.tv/activate",
                start.plusSeconds(15), Duration.ofSeconds(5));

        assertThat(login.poll(code)).isEqualTo(new DeviceLoginResult.Expired());
        assertThat(twitch.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aDeclinedRequestIsDenied() throws Exception {
        twitch.enqueue(400, "{\"status\":400,\"message\":\"access_denied\"}");

        assertThat(login.poll(code(Duration.ofSeconds(5)))).isEqualTo(new DeviceLoginResult.Denied());
    }

    @Test
    void anUnexpectedAnswerFailsWithTwitchsMessage() throws Exception {
        twitch.enqueue(400, "{\"status\":400,\"message\":\"invalid client\"}");

        assertThat(login.poll(code(Duration.ofSeconds(5))))
                .isEqualTo(new DeviceLoginResult.Failed("Twitch refused the sign-in: invalid client"));
    }

    @Test
    void aTokenThatDoesNotValidateIsAFailure() throws Exception {
        twitch.enqueue(200, GRANTED);
        twitch.enqueue(401, "{\"status\":401,\"message\":\"invalid access token\"}");

        assertThat(login.poll(code(Duration.ofSeconds(5)))).isInstanceOf(DeviceLoginResult.Failed.class);
    }

    @Test
    void validateNamesTheAccount() {
        twitch.enqueue(200, VALID);

        assertThat(login.validate(ACCESS_TOKEN))
                .isEqualTo(new TokenValidation.Valid("streamer", "141981764", Duration.ofSeconds(14399)));
    }

    @Test
    void validateSaysExpiredOn401() {
        twitch.enqueue(401, "{\"status\":401,\"message\":\"invalid access token\"}");

        assertThat(login.validate(ACCESS_TOKEN)).isEqualTo(new TokenValidation.Expired());
    }

    @Test
    void validateSaysUnreachableWhenTwitchDoesNotAnswer() {
        twitch.server.close();

        assertThat(login.validate(ACCESS_TOKEN)).isInstanceOfSatisfying(TokenValidation.Unreachable.class,
                unreachable -> assertThat(unreachable.message()).startsWith("Twitch could not be reached")
                        .doesNotContain(ACCESS_TOKEN));
    }

    @Test
    void validateSaysUnreachableOnAServerError() {
        twitch.enqueue(503, "");

        assertThat(login.validate(ACCESS_TOKEN))
                .isEqualTo(new TokenValidation.Unreachable("Twitch could not check the sign-in: HTTP 503"));
    }

    private DeviceCode code(Duration interval) {
        return new DeviceCode(DEVICE_CODE, "ABCDEFGH", "https://www.twitch.tv/activate", start.plusSeconds(1800),
                interval);
    }
}
