package com.gametriggers.companion.twitch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.gametriggers.companion.concurrent.FakeTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** The disclosure check against a Twitch stand-in: it reads Get Channel Information and sends Modify Channel Information. */
class DisclosureCheckTest {

    static final String BROADCASTER_ID = "42";

    private final Instant start = Instant.parse("2030-05-01T12:00:00Z");
    private final FakeTime time = new FakeTime(start);
    private final TwitchServer twitch = new TwitchServer();
    private final AtomicBoolean onRotation = new AtomicBoolean(true);
    private List<String> scopes = List.of("chat:read", "chat:edit", DisclosureCheck.SCOPE);
    private final TokenSource tokens = () -> new TwitchToken(HelixClientTest.ACCESS_TOKEN, "refresh0123456789",
            "streamer", BROADCASTER_ID, scopes, start.plus(Duration.ofHours(4)));
    private final DisclosureCheck check = new DisclosureCheck(new HelixClient(twitch.http, twitch.settings(), tokens,
            time, time), tokens, onRotation::get, () -> DisclosureCheck.DEFAULT_TAGS, DisclosureCheck.READ_EVERY);

    DisclosureCheckTest() throws IOException {
    }

    @AfterEach
    void close() {
        twitch.close();
    }

    static String channel(String title, boolean branded) {
        return "{\"data\":[{\"broadcaster_id\":\"" + BROADCASTER_ID + "\",\"broadcaster_login\":\"streamer\","
                + "\"title\":\"" + title + "\",\"is_branded_content\":" + branded + ",\"tags\":[]}]}";
    }

    /** One poll of the stream status poller while live, {@code after} the start. */
    private void poll(Duration after) {
        check.viewerSample(100, start.plus(after));
    }

    @Test
    void theBrandedContentLabelDisclosesTheSponsors() throws Exception {
        twitch.enqueue(200, channel("Speedrun practice", true));

        check.wentLive();
        poll(Duration.ZERO);

        assertThat(check.warning()).isEmpty();
        RecordedRequest request = twitch.take();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/helix/channels");
        assertThat(request.getUrl().queryParameter("broadcaster_id")).isEqualTo(BROADCASTER_ID);
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + HelixClientTest.ACCESS_TOKEN);
        assertThat(request.getHeaders().get("Client-Id")).isEqualTo(TwitchServer.CLIENT_ID);
    }

    @Test
    void adInTheTitleDisclosesThemWithoutTheLabel() {
        twitch.enqueue(200, channel("Speedrun practice #AD with my sponsor", false));

        check.wentLive();
        poll(Duration.ZERO);

        assertThat(check.warning()).isEmpty();
    }

    @Test
    void aTagMustStandOnItsOwn() {
        assertThat(DisclosureCheck.tagged("#adventure time", DisclosureCheck.DEFAULT_TAGS)).isFalse();
        assertThat(DisclosureCheck.tagged("Fun (#sponsored)", DisclosureCheck.DEFAULT_TAGS)).isTrue();
        assertThat(DisclosureCheck.tagged("Fun #ad", DisclosureCheck.DEFAULT_TAGS)).isTrue();
        assertThat(DisclosureCheck.tagged("Fun #werbung", List.of("#Werbung"))).isTrue();
    }

    @Test
    void neitherWarnsOncePerStreamAndANewStreamWarnsAgain() throws Exception {
        twitch.enqueue(200, channel("Speedrun practice", false));
        twitch.enqueue(200, channel("Speedrun practice", false));
        twitch.enqueue(200, channel("Day two", false));

        check.wentLive();
        poll(Duration.ZERO);
        DisclosureWarning first = check.warning().orElseThrow();
        assertThat(first.sentence()).contains("branded-content label").contains("#ad or #sponsored");

        poll(Duration.ofMinutes(1));
        assertThat(check.warning()).as("the next poll neither reads the channel again nor warns anew").contains(first);
        poll(DisclosureCheck.READ_EVERY);
        assertThat(check.warning()).as("read again after a while, still the same stream's warning").contains(first);
        assertThat(twitch.server.getRequestCount()).isEqualTo(2);

        check.wentOffline();
        assertThat(check.warning()).isEmpty();
        check.wentLive();
        poll(Duration.ofHours(3));
        DisclosureWarning next = check.warning().orElseThrow();
        assertThat(next.streamSeen()).isNotEqualTo(first.streamSeen());
        assertThat(twitch.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void withoutSponsorsOnRotationTheChannelIsNotRead() throws Exception {
        onRotation.set(false);

        check.wentLive();
        poll(Duration.ZERO);

        assertThat(check.warning()).isEmpty();
        assertThat(twitch.server.takeRequest(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void theFixSendsModifyChannelInformationAndEndsTheWarning() throws Exception {
        twitch.enqueue(200, channel("Speedrun practice", false));
        twitch.enqueue(new MockResponse.Builder().code(204).build());
        check.wentLive();
        poll(Duration.ZERO);
        twitch.take();

        assertThat(check.turnOnBrandedContent()).isEqualTo(DisclosureCheck.TURNED_ON);

        RecordedRequest request = twitch.take();
        assertThat(request.getMethod()).isEqualTo("PATCH");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/helix/channels");
        assertThat(request.getUrl().queryParameter("broadcaster_id")).isEqualTo(BROADCASTER_ID);
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + HelixClientTest.ACCESS_TOKEN);
        assertThat(request.getHeaders().get("Client-Id")).isEqualTo(TwitchServer.CLIENT_ID);
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(request.getBody().utf8()).isEqualTo("{\"is_branded_content\":true}");
        assertThat(check.warning()).isEmpty();
    }

    @Test
    void aSignInWithoutTheScopeIsAskedToSignInAgainAndTwitchIsNotAsked() throws Exception {
        scopes = List.of("chat:read", "chat:edit");

        assertThat(check.turnOnBrandedContent()).isEqualTo(MissingScopeException.MESSAGE);
        assertThat(twitch.server.takeRequest(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void twitchSayingTheScopeIsMissingIsAskedToSignInAgainWithoutRenewing() {
        twitch.enqueue(401, "{\"error\":\"Unauthorized\",\"status\":401,\"message\":\"Missing scope: "
                + "channel:manage:broadcast\"}");

        assertThat(check.turnOnBrandedContent()).isEqualTo(MissingScopeException.MESSAGE);
        assertThat(twitch.server.getRequestCount()).isEqualTo(1);
    }
}
