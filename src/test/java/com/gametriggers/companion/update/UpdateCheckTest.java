package com.gametriggers.companion.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.gametriggers.companion.concurrent.FakeTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;


import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;

/** The update check against a release feed served by MockWebServer, its days driven by a clock the test moves. */
class UpdateCheckTest {

    private static final Version RUNNING = Version.parse("0.9.1").orElseThrow();
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final MockWebServer feed = new MockWebServer();
    private final OkHttpClient http = new OkHttpClient();
    private final FakeTime clock = new FakeTime(Clock.systemUTC().instant());
    private final Remembered state = new Remembered();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void start() throws IOException {
        feed.start();
        logs.start();
        ((Logger) LoggerFactory.getLogger(UpdateCheck.class)).addAppender(logs);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(UpdateCheck.class)).detachAppender(logs);
        feed.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void aNewerReleaseIsOfferedWithItsDownloadPage() {
        feed.enqueue(release("v0.10.0", "https://example.org/releases/v0.10.0"));

        Optional<Release> offered = check().runIfDue();

        assertThat(offered).hasValueSatisfying(release -> {
            assertThat(release.version()).isEqualTo(Version.parse("0.10.0").orElseThrow());
            assertThat(release.downloadPage()).isEqualTo(URI.create("https://example.org/releases/v0.10.0"));
            assertThat(release.name()).isEqualTo("Companion v0.10.0");
            assertThat(release.sentence()).isEqualTo("Version 0.10.0 is available");
        });
        assertThat(feed.getRequestCount()).isEqualTo(1);
        assertThat(state.last).contains(clock.instant());
    }

    @Test
    void theSameOrAnOlderReleaseIsNotOffered() {
        feed.enqueue(release("v0.9.1", "https://example.org/a"));
        assertThat(check().runIfDue()).isEmpty();

        clock.sleep(Duration.ofDays(1));
        feed.enqueue(release("0.9.0", "https://example.org/b"));
        assertThat(check().runIfDue()).isEmpty();
        assertThat(feed.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aPreReleaseIsNeverOffered() {
        feed.enqueue(release("v0.11.0-rc.1", "https://example.org/rc"));

        assertThat(check().runIfDue()).isEmpty();
    }

    @Test
    void aFeedThatIsDownIsSilentWithOneLogLine() throws IOException {
        feed.enqueue(new MockResponse.Builder().code(503).build());
        assertThat(check().runIfDue()).isEmpty();
        assertThat(oneLogLine()).contains("HTTP 503");

        logs.list.clear();
        clock.sleep(Duration.ofDays(1));
        URI gone = feed.url("/latest").uri();
        feed.close();
        assertThat(new UpdateCheck(RUNNING, Optional.of(new ReleaseFeed(http, gone, TIMEOUT)), state, clock).runIfDue())
                .isEmpty();
        assertThat(oneLogLine()).contains("could not be read");
    }

    @Test
    void aSlowFeedIsGivenUpAfterTheTimeoutSilentlyWithOneLogLine() {
        feed.enqueue(new MockResponse.Builder().body(json("v1.0.0", "https://example.org/slow"))
                .headersDelay(5, TimeUnit.SECONDS).build());

        assertThat(check().runIfDue()).isEmpty();
        assertThat(oneLogLine()).contains("could not be read", "timeout");
    }

    @Test
    void aMalformedFeedIsSilentWithOneLogLine() {
        String[] bodies = {"<html>rate limited</html>", "[]", "{\"tag_name\": \"latest\", \"html_url\": \"https://x\"}",
                "{\"tag_name\": \"v1.0.0\"}", "{\"tag_name\": \"v1.0.0\", \"html_url\": \"file:///etc/passwd\"}"};
        for (String body : bodies) {
            logs.list.clear();
            feed.enqueue(new MockResponse.Builder().body(body).build());
            assertThat(check().runIfDue()).as(body).isEmpty();
            assertThat(oneLogLine()).as(body).contains("is not a release");
            clock.sleep(Duration.ofDays(1));
        }
    }

    @Test
    void theFeedIsAskedAtMostOnceADayAcrossRestarts() {
        feed.enqueue(release("v0.10.0", "https://example.org/1"));
        feed.enqueue(release("v0.10.0", "https://example.org/2"));
        assertThat(check().runIfDue()).isPresent();

        clock.sleep(Duration.ofHours(23).plusMinutes(59));
        // A new UpdateCheck is a restart: only the remembered time carries over.
        assertThat(check().runIfDue()).isEmpty();
        assertThat(feed.getRequestCount()).isEqualTo(1);

        clock.sleep(Duration.ofMinutes(1));
        assertThat(check().runIfDue()).isPresent();
        assertThat(feed.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aFailedCheckIsAlsoNotRepeatedWithinTheDay() {
        feed.enqueue(new MockResponse.Builder().code(500).build());
        check().runIfDue();
        clock.sleep(Duration.ofHours(12));
        check().runIfDue();

        assertThat(feed.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRememberedTimeAheadOfTheClockDoesNotStopTheCheck() {
        state.last = Optional.of(clock.instant().plus(Duration.ofDays(300)));
        feed.enqueue(release("v0.10.0", "https://example.org/1"));

        assertThat(check().runIfDue()).isPresent();
    }

    @Test
    void turnedOffOrWithoutAFeedNothingIsAsked() {
        state.enabled = false;
        assertThat(check().runIfDue()).isEmpty();
        state.enabled = true;
        assertThat(new UpdateCheck(RUNNING, Optional.empty(), state, clock).runIfDue()).isEmpty();

        assertThat(feed.getRequestCount()).isZero();
        assertThat(state.last).isEmpty();
        assertThat(logs.list).isEmpty();
    }

    private UpdateCheck check() {
        return new UpdateCheck(RUNNING, Optional.of(new ReleaseFeed(http, feed.url("/latest").uri(), TIMEOUT)), state,
                clock);
    }

    private String oneLogLine() {
        assertThat(logs.list).hasSize(1);
        return logs.list.get(0).getFormattedMessage();
    }

    private static MockResponse release(String tag, String page) {
        return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(json(tag, page)).build();
    }

    private static String json(String tag, String page) {
        return """
                {"url": "https://api.github.com/repos/o/r/releases/1", "tag_name": "%s", "html_url": "%s",
                 "name": "Companion %s", "draft": false, "prerelease": false, "assets": []}""".formatted(tag, page, tag);
    }

    private static final class Remembered implements UpdateCheck.State {

        volatile boolean enabled = true;
        volatile Optional<Instant> last = Optional.empty();

        @Override
        public boolean enabled() {
            return enabled;
        }

        @Override
        public Optional<Instant> lastCheck() {
            return last;
        }

        @Override
        public void rememberCheck(Instant at) {
            last = Optional.of(at);
        }
    }

    /** A clock the test moves by hand, from the suite's clock's now. */
}
