package com.gametriggers.companion.twitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.gametriggers.companion.concurrent.FakeTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** Renewing the sign-in when Twitch answers 401: once, kept before use, and one sentence when Twitch refuses. */
class TwitchCredentialsTest {

    static final String OLD_ACCESS = "oldACCESStoken0123456789";
    static final String OLD_REFRESH = "oldREFRESHtoken0123456789";
    static final String NEW_ACCESS = "newACCESStoken0123456789";
    static final String NEW_REFRESH = "newREFRESHtoken0123456789";
    static final String RENEWED = "{\"access_token\":\"" + NEW_ACCESS + "\",\"refresh_token\":\"" + NEW_REFRESH
            + "\",\"expires_in\":14400,\"scope\":[\"chat:read\",\"chat:edit\"],\"token_type\":\"bearer\"}";
    static final String UNAUTHORIZED = "{\"error\":\"Unauthorized\",\"status\":401,\"message\":\"Invalid OAuth token\"}";
    static final String INVALID_REFRESH = "{\"error\":\"Bad Request\",\"status\":400,\"message\":\"Invalid refresh token\"}";

    private final Instant start = Instant.parse("2030-05-01T12:00:00Z");
    private final FakeTime time = new FakeTime(start);
    private final TwitchServer twitch = new TwitchServer();
    private final CapturedLog log = new CapturedLog();
    private final RecordingKeeper keeper = new RecordingKeeper();
    private final TwitchCredentials credentials = new TwitchCredentials(twitch.http, twitch.settings(), oldToken(),
            keeper, time);

    TwitchCredentialsTest() throws IOException {
    }

    static TwitchToken oldToken() {
        return new TwitchToken(OLD_ACCESS, OLD_REFRESH, "streamer", "42", List.of("chat:read", "chat:edit"),
                Instant.parse("2030-05-01T12:00:00Z"));
    }

    @AfterEach
    void close() {
        log.close();
        twitch.close();
    }

    @Test
    void a401IsRenewedWithTheRefreshTokenKeptBeforeUseAndTheRequestSentOnceMore() throws Exception {
        HelixClient helix = new HelixClient(twitch.http, twitch.settings(), credentials, time, time);
        List<String> keptBeforeRetry = new CopyOnWriteArrayList<>();
        twitch.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals("/oauth2/token")) {
                    return json(200, RENEWED);
                }
                if (("Bearer " + OLD_ACCESS).equals(request.getHeaders().get("Authorization"))) {
                    return json(401, UNAUTHORIZED);
                }
                keeper.kept.forEach(token -> keptBeforeRetry.add(token.accessToken()));
                return json(200, HelixClientTest.LIVE);
            }
        });

        assertThat(helix.getStream("streamer").viewerCount()).isEqualTo(1234);

        RecordedRequest first = twitch.take();
        RecordedRequest refresh = twitch.take();
        RecordedRequest retry = twitch.take();
        assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + OLD_ACCESS);
        assertThat(refresh.getMethod()).isEqualTo("POST");
        assertThat(refresh.getBody().utf8()).as("a public client: no secret")
                .isEqualTo("client_id=test-client-id&grant_type=refresh_token&refresh_token=" + OLD_REFRESH);
        assertThat(retry.getHeaders().get("Authorization")).isEqualTo("Bearer " + NEW_ACCESS);
        assertThat(keptBeforeRetry).containsExactly(NEW_ACCESS);
        assertThat(keeper.kept).containsExactly(new TwitchToken(NEW_ACCESS, NEW_REFRESH, "streamer", "42",
                List.of("chat:read", "chat:edit"), start.plusSeconds(14_400)));
        assertThat(credentials.current().accessToken()).isEqualTo(NEW_ACCESS);
        assertThat(log.lines()).noneMatch(line -> line.contains(NEW_ACCESS) || line.contains(NEW_REFRESH)
                || line.contains(OLD_REFRESH));
    }

    @Test
    void aRenewedTokenTwitchAlsoRefusesIsAnExpiredSignInNotALoop() {
        HelixClient helix = new HelixClient(twitch.http, twitch.settings(), credentials, time, time);
        twitch.enqueue(401, UNAUTHORIZED);
        twitch.enqueue(200, RENEWED);
        twitch.enqueue(401, UNAUTHORIZED);

        assertThatThrownBy(() -> helix.getStream("streamer")).isInstanceOf(SignInExpiredException.class);
        assertThat(twitch.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void twoCallersTurnedDownAtOnceCauseOneRefresh() throws Exception {
        AtomicInteger refreshes = new AtomicInteger();
        CountDownLatch answer = new CountDownLatch(1);
        twitch.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                refreshes.incrementAndGet();
                answer.await(10, TimeUnit.SECONDS);
                return json(200, RENEWED);
            }
        });

        // The poller and the chat bot, both turned down with the same token.
        CompletableFuture<TwitchToken> poller = CompletableFuture.supplyAsync(() -> renew(OLD_ACCESS));
        await().atMost(Duration.ofSeconds(10)).until(() -> refreshes.get() == 1);
        Thread[] chat = new Thread[1];
        CompletableFuture<TwitchToken> chatBot = new CompletableFuture<>();
        chat[0] = new Thread(() -> chatBot.complete(renew(OLD_ACCESS)));
        chat[0].start();
        await().atMost(Duration.ofSeconds(10)).until(() -> chat[0].getState() == Thread.State.BLOCKED);
        answer.countDown();

        assertThat(poller.get(10, TimeUnit.SECONDS).accessToken()).isEqualTo(NEW_ACCESS);
        assertThat(chatBot.get(10, TimeUnit.SECONDS).accessToken()).isEqualTo(NEW_ACCESS);
        assertThat(refreshes.get()).isEqualTo(1);
        assertThat(keeper.kept).hasSize(1);
    }

    @Test
    void aRefusedRefreshTokenIsOneSentenceAndMarksTheSignInAsNeedingTheStreamer() {
        List<String> told = new CopyOnWriteArrayList<>();
        credentials.addListener(new TwitchCredentials.Listener() {
            @Override
            public void needsStreamer(String sentence) {
                told.add(sentence);
            }
        });
        twitch.enqueue(400, INVALID_REFRESH);

        assertThatThrownBy(() -> credentials.renewAfter(OLD_ACCESS)).isInstanceOf(SignInExpiredException.class)
                .hasMessage(TwitchCredentials.TURNED_DOWN);
        assertThatThrownBy(() -> credentials.renewAfter(OLD_ACCESS)).as("no second try with a spent refresh token")
                .hasMessage(TwitchCredentials.TURNED_DOWN);

        assertThat(twitch.server.getRequestCount()).isEqualTo(1);
        assertThat(credentials.needsStreamer()).contains(TwitchCredentials.TURNED_DOWN);
        assertThat(told).containsExactly(TwitchCredentials.TURNED_DOWN);
        assertThat(keeper.turnedDown).hasValue(1);
        assertThat(keeper.kept).isEmpty();
        assertThat(log.lines(Level.WARN)).containsExactly("Twitch refused to renew the sign-in of streamer "
                + "(Invalid refresh token): " + TwitchCredentials.TURNED_DOWN);
    }

    @Test
    void aTwitchThatCannotBeReachedLeavesTheSignInToTryAgain() throws Exception {
        twitch.enqueue(503, "");
        twitch.enqueue(200, RENEWED);

        assertThatThrownBy(() -> credentials.renewAfter(OLD_ACCESS)).isNotInstanceOf(SignInExpiredException.class)
                .isInstanceOf(TwitchException.class).hasMessage("Twitch could not renew the sign-in: HTTP 503");
        assertThat(credentials.renewAfter(OLD_ACCESS).accessToken()).isEqualTo(NEW_ACCESS);
        assertThat(credentials.needsStreamer()).isEmpty();
    }

    @Test
    void validationRenewsAnExpiredToken() {
        twitch.enqueue(401, UNAUTHORIZED);
        twitch.enqueue(200, RENEWED);
        twitch.enqueue(200, "{\"client_id\":\"test-client-id\",\"login\":\"streamer\",\"user_id\":\"42\",\"expires_in\":14399}");

        assertThat(credentials.validate()).isEqualTo(new TokenValidation.Valid("streamer", "42", Duration.ofSeconds(14_399)));
        assertThat(keeper.kept).extracting(TwitchToken::accessToken).containsExactly(NEW_ACCESS);
    }

    @Test
    void validationSaysExpiredOnceTheRefreshTokenIsRefused() {
        twitch.enqueue(401, UNAUTHORIZED);
        twitch.enqueue(400, INVALID_REFRESH);

        assertThat(credentials.validate()).isEqualTo(new TokenValidation.Expired());
        assertThat(credentials.needsStreamer()).isPresent();
    }

    private TwitchToken renew(String rejected) {
        try {
            return credentials.renewAfter(rejected);
        } catch (TwitchException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    /** The keeper a test can read: what was kept, in order, and how often the sign-in was marked as refused. */
    static final class RecordingKeeper implements TwitchCredentials.Keeper {

        final List<TwitchToken> kept = new CopyOnWriteArrayList<>();
        final AtomicInteger turnedDown = new AtomicInteger();

        @Override
        public void keep(TwitchToken renewed) {
            kept.add(renewed);
        }

        @Override
        public void turnedDown() {
            turnedDown.incrementAndGet();
        }
    }
}
