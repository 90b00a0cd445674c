package com.gametriggers.companion.twitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.gametriggers.companion.concurrent.FakeTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

class StreamStatusPollerTest {

    private static final String UNAUTHORIZED = "{\"error\":\"Unauthorized\",\"status\":401,\"message\":\"Invalid OAuth token\"}";

    private final Instant start = Instant.parse("2030-05-01T12:00:00Z");
    private final FakeTime time = new FakeTime(start);
    private final TwitchServer twitch = new TwitchServer();
    private final CapturedLog log = new CapturedLog();
    private final HelixClient helix = new HelixClient(twitch.http, twitch.settings(), HelixClientTest::token, time, time);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final StreamStatusPoller poller = new StreamStatusPoller(helix, "streamer", scheduler, Duration.ofSeconds(60), time);
    private final RecordingListener listener = new RecordingListener();

    StreamStatusPollerTest() throws IOException {
        poller.addListener(listener);
    }

    @AfterEach
    void close() {
        poller.close();
        scheduler.shutdownNow();
        log.close();
        twitch.close();
    }

    @Test
    void tellsOfGoingLiveOnceEachSampleWhileLiveAndGoingOfflineOnce() {
        twitch.enqueue(200, HelixClientTest.OFFLINE);
        twitch.enqueue(200, live(100));
        twitch.enqueue(200, live(120));
        twitch.enqueue(200, live(90));
        twitch.enqueue(200, HelixClientTest.OFFLINE);
        twitch.enqueue(200, HelixClientTest.OFFLINE);

        for (int i = 0; i < 6; i++) {
            poller.poll();
            time.sleep(Duration.ofSeconds(60));
        }

        // The first answer is news too: until then listeners assume the stream is live.
        assertThat(listener.events).containsExactly("offline",
                "live", "sample 100 at 12:01:00Z", "sample 120 at 12:02:00Z", "sample 90 at 12:03:00Z", "offline");
        assertThat(poller.status()).isEqualTo(new PollerStatus(start.plusSeconds(300), null, false));
    }

    @Test
    void failuresShowInTheStatusAreLoggedOncePerChangeAndChangeNothingListenersKnow() {
        twitch.enqueue(200, live(100));
        twitch.enqueue(503, "");
        twitch.enqueue(503, "");
        twitch.enqueue(401, UNAUTHORIZED);
        twitch.enqueue(401, UNAUTHORIZED);
        twitch.enqueue(200, live(80));

        poller.poll();
        Instant firstSuccess = time.instant();
        time.sleep(Duration.ofSeconds(60));
        poller.poll();
        poller.poll();
        assertThat(poller.status()).isEqualTo(new PollerStatus(firstSuccess,
                "Twitch answered HTTP 503 for the stream status", false));
        poller.poll();
        poller.poll();
        assertThat(poller.status()).isEqualTo(new PollerStatus(firstSuccess,
                "Your Twitch sign-in expired; sign in again", true));
        poller.poll();

        assertThat(poller.status()).isEqualTo(new PollerStatus(time.instant(), null, false));
        assertThat(listener.events).containsExactly("live", "sample 100 at 12:00:00Z", "sample 80 at 12:01:00Z");
        assertThat(log.lines(Level.WARN)).containsExactly(
                "Stream status from Twitch unavailable: Twitch answered HTTP 503 for the stream status",
                "Stream status from Twitch unavailable: Your Twitch sign-in expired; sign in again");
        assertThat(log.lines(Level.INFO)).containsExactly("Stream status from Twitch is back");
        assertThat(log.lines()).noneMatch(line -> line.contains(HelixClientTest.ACCESS_TOKEN));
    }

    @Test
    void anUnreachableTwitchIsAProblemNotAnException() {
        twitch.server.close();

        poller.poll();

        assertThat(poller.status().lastSuccess()).isNull();
        assertThat(poller.status().problem()).startsWith("Twitch could not be reached");
        assertThat(listener.events).isEmpty();
    }

    @Test
    void anUnexpectedExceptionNeverReachesTheSchedulerAndIsLoggedOnce() {
        HelixClient broken = new HelixClient(twitch.http, twitch.settings(), () -> {
            throw new IllegalStateException("no token store");
        }, time, time);
        StreamStatusPoller brokenPoller = new StreamStatusPoller(broken, "streamer", scheduler, Duration.ofSeconds(60), time);

        brokenPoller.poll();
        brokenPoller.poll();

        assertThat(brokenPoller.status().problem()).contains("no token store");
        assertThat(log.lines(Level.ERROR)).hasSize(1);
    }

    @Test
    void aFailingListenerKeepsTheNewsFromNoOneElse() {
        RecordingListener second = new RecordingListener();
        poller.addListener(new RecordingListener() {
            @Override
            public void wentLive() {
                throw new IllegalStateException("listener bug");
            }
        });
        poller.addListener(second);
        twitch.enqueue(200, live(5));

        poller.poll();

        assertThat(second.events).containsExactly("live", "sample 5 at 12:00:00Z");
        assertThat(poller.status().problem()).isNull();
    }

    @Test
    void startPollsOnTheSchedulerUntilClosed() {
        twitch.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).body(live(7)).build();
            }
        });
        StreamStatusPoller fast = new StreamStatusPoller(helix, "streamer", scheduler, Duration.ofMillis(10), time);
        RecordingListener recorded = new RecordingListener();
        fast.addListener(recorded);

        fast.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> recorded.events.size() >= 4);
        fast.close();

        assertThat(recorded.events).startsWith("live", "sample 7 at 12:00:00Z", "sample 7 at 12:00:00Z");
        assertThat(recorded.events).filteredOn("live"::equals).hasSize(1);
    }

    private static String live(long viewers) {
        return "{\"data\":[{\"user_login\":\"streamer\",\"type\":\"live\",\"viewer_count\":" + viewers
                + ",\"started_at\":\"2030-05-01T11:30:00Z\"}]}";
    }

    private static class RecordingListener implements StreamListener {

        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void wentLive() {
            events.add("live");
        }

        @Override
        public void wentOffline() {
            events.add("offline");
        }

        @Override
        public void viewerSample(long viewers, Instant at) {
            events.add("sample " + viewers + " at " + at.toString().substring(11));
        }
    }
}
