package com.gametriggers.companion.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.gametriggers.companion.concurrent.FakeTime;
import com.gametriggers.companion.youtube.YouTubeException.Kind;

import mockwebserver3.RecordedRequest;

class LiveChatPollerTest {

    /** Noon in Los Angeles: twelve hours of quota day left. */
    private final Instant start = Instant.parse("2030-05-01T19:00:00Z");
    private final FakeTime time = new FakeTime(start);
    private final GoogleServer google = new GoogleServer();
    /** A one-hour stream has units to spare, so YouTube's own interval sets the pace. */
    private final QuotaBudget budget = new QuotaBudget(time, QuotaBudget.DEFAULT_DAILY_UNITS, Duration.ofHours(1),
            QuotaBudget.DEFAULT_ANSWER_RESERVE);
    private final YouTubeApi api = new YouTubeApi(google.http, google.youtubeUrl(), new YouTubeTokens() {
        @Override
        public String accessToken() {
            return GoogleServer.ACCESS_TOKEN;
        }

        @Override
        public String renewAfter(String rejected) throws YouTubeException {
            throw new YouTubeException(Kind.SIGN_IN_EXPIRED, "Your YouTube sign-in expired; sign in again");
        }
    }, budget);
    private final Recorder heard = new Recorder();
    private final LiveChatPoller poller = new LiveChatPoller(api, budget, time, time, heard);

    LiveChatPollerTest() throws IOException {
    }

    @AfterEach
    void close() {
        poller.close();
        google.close();
    }

    @Test
    void withoutALiveBroadcastItLooksAgainInTwoMinutes() {
        poller.begin();
        google.enqueue(200, YouTubeJson.broadcasts(YouTubeJson.broadcast("old", "complete", "chat-old")));

        assertThat(poller.step()).contains(LiveChatPoller.BROADCAST_RETRY);
        assertThat(heard.live).containsExactly(new YouTubeLiveStatus(false, OptionalLong.empty(), start));
        assertThat(heard.messages).isEmpty();
    }

    @Test
    void theHistoryIsSkippedAndPagesFollowTheirTokens() throws Exception {
        poller.begin();
        goLive("12");
        google.enqueue(200, YouTubeJson.page("page-2", 5000,
                YouTubeJson.text("old", "UCold", "Old", "!nova", start.minusSeconds(30)),
                YouTubeJson.text("new", "UCnew", "New", "!nova", start.plusMillis(1))));
        google.enqueue(200, YouTubeJson.page("page-3", 5000,
                YouTubeJson.text("next", "UCnext", "Next", "hello", start.minusSeconds(1))));

        assertThat(poller.step()).contains(Duration.ofSeconds(5));
        assertThat(poller.step()).contains(Duration.ofSeconds(5));

        assertThat(heard.messages).extracting(YouTubeChatMessage::messageId)
                .as("only the first page holds history").containsExactly("new", "next");
        assertThat(heard.live).containsExactly(new YouTubeLiveStatus(true, OptionalLong.of(12), start));
        google.take();
        google.take();
        assertThat(google.take().getUrl().queryParameter("pageToken")).isNull();
        assertThat(google.take().getUrl().queryParameter("pageToken")).isEqualTo("page-2");
    }

    @Test
    void theThreadWaitsAsLongAsYouTubeAsks() {
        google.enqueue(200, YouTubeJson.broadcasts(YouTubeJson.broadcast("vid-1", "live", "chat-1")));
        google.enqueue(200, YouTubeJson.video("vid-1", "3", "chat-1"));
        google.enqueue(200, YouTubeJson.page("page-2", 7000));
        google.enqueue(200, YouTubeJson.page("page-3", 9500));
        google.enqueue(200, YouTubeJson.offlinePage(start.plusSeconds(17)));

        poller.start();

        await().until(() -> time.sleeps().size() >= 4);
        assertThat(time.sleeps().subList(0, 4)).containsExactly(Duration.ZERO, Duration.ofSeconds(7),
                Duration.ofMillis(9500), LiveChatPoller.BROADCAST_RETRY);
        assertThat(heard.statuses).contains(Optional.of("The YouTube live chat has ended"));
        assertThat(heard.live).extracting(YouTubeLiveStatus::live).containsExactly(true, false);
    }

    @Test
    void aSpentQuotaStopsTheChatUntilMidnightPacificTimeAndSaysSo() {
        poller.begin();
        goLive("12");
        google.enqueueError(403, "quotaExceeded");

        Duration untilReset = Duration.ofHours(12);
        assertThat(poller.step()).contains(untilReset);
        String sentence = "YouTube's daily quota is used up; chat reading resumes at 07:00 (midnight Pacific time)";
        assertThat(poller.status()).contains(sentence);
        assertThat(heard.statuses).containsExactly(Optional.of(sentence));
        int asked = google.requestCount();
        assertThat(poller.step()).as("no call while nothing is left").contains(untilReset);
        assertThat(google.requestCount()).isEqualTo(asked);

        time.sleep(untilReset);
        google.enqueue(200, YouTubeJson.video("vid-1", "40", "chat-1"));
        google.enqueue(200, YouTubeJson.page("page-2", 5000,
                YouTubeJson.text("m1", "UCviewer", "Viewer", "!nova", time.instant())));
        // The one-hour stream is past its planned end, so the new day's units are spread over the whole day.
        assertThat(poller.step()).contains(Duration.ofSeconds(58));
        assertThat(poller.status()).contains("YouTube chat slowed to every 58 s to last the day's quota");
        assertThat(heard.messages).extracting(YouTubeChatMessage::text).containsExactly("!nova");
    }

    @Test
    void anEndedChatIsReportedAndTheNextBroadcastLookedFor() {
        poller.begin();
        goLive("12");
        google.enqueueError(403, "liveChatEnded");

        assertThat(poller.step()).contains(LiveChatPoller.BROADCAST_RETRY);
        assertThat(poller.status()).contains("The YouTube live chat has ended");
        assertThat(heard.live).extracting(YouTubeLiveStatus::live).containsExactly(true, false);
        assertThatThrownBy(() -> poller.send("hi")).hasMessage("There is no live YouTube chat to answer in");

        google.enqueue(200, YouTubeJson.broadcasts());
        assertThat(poller.step()).contains(LiveChatPoller.BROADCAST_RETRY);
    }

    @Test
    void viewerCountsComeOnceAMinuteAndAHiddenOneIsUnknown() {
        poller.begin();
        goLive(null);
        google.enqueue(200, YouTubeJson.page("page-2", 5000));
        google.enqueue(200, YouTubeJson.page("page-3", 5000));

        poller.step();
        time.sleep(Duration.ofSeconds(30));
        poller.step();

        assertThat(heard.live).containsExactly(new YouTubeLiveStatus(true, OptionalLong.empty(), start));
    }

    @Test
    void answersArePostedToTheLiveChat() throws Exception {
        poller.begin();
        google.enqueue(200, YouTubeJson.broadcasts(YouTubeJson.broadcast("vid-1", "live", "chat-1")));
        poller.step();
        google.enqueue(200, "{\"id\":\"posted\"}");

        poller.send("Nova: https://example.test/nova");

        google.take();
        RecordedRequest insert = google.take();
        assertThat(insert.getMethod()).isEqualTo("POST");
        assertThat(insert.getBody().utf8()).contains("\"liveChatId\":\"chat-1\"")
                .contains("\"messageText\":\"Nova: https://example.test/nova\"");
    }

    @Test
    void failuresWaitLongerEachTimeAndAnExpiredSignInStops() {
        poller.begin();
        google.enqueue(503, "{}");
        google.enqueueError(403, "rateLimitExceeded");
        google.enqueue(401, "{}");

        assertThat(poller.step()).contains(Duration.ofSeconds(5));
        assertThat(poller.status()).contains("YouTube answered HTTP 503 for your live broadcast; trying again in 5 s");
        assertThat(poller.step()).contains(Duration.ofSeconds(10));
        assertThat(poller.step()).isEmpty();
        assertThat(poller.status()).contains("Your YouTube sign-in expired; sign in again");
    }

    /**
     * The broadcast is found; the next step asks for its viewer count (enqueued here) and then the chat's first page,
     * which is the test's to enqueue.
     */
    private void goLive(String viewers) {
        google.enqueue(200, YouTubeJson.broadcasts(YouTubeJson.broadcast("vid-1", "live", "chat-1")));
        google.enqueue(200, YouTubeJson.video("vid-1", viewers, "chat-1"));
        assertThat(poller.step()).contains(Duration.ZERO);
    }

    private static final class Recorder implements YouTubeListener {
        final List<YouTubeChatMessage> messages = new CopyOnWriteArrayList<>();
        final List<YouTubeLiveStatus> live = new CopyOnWriteArrayList<>();
        final List<Optional<String>> statuses = new CopyOnWriteArrayList<>();

        @Override
        public void chatMessage(YouTubeChatMessage message) {
            messages.add(message);
        }

        @Override
        public void liveStatus(YouTubeLiveStatus status) {
            live.add(status);
        }

        @Override
        public void status(Optional<String> sentence) {
            statuses.add(sentence);
        }
    }
}
