package com.gametriggers.companion.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.gametriggers.companion.concurrent.FakeTime;
import com.gametriggers.companion.youtube.YouTubeException.Kind;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import mockwebserver3.RecordedRequest;

class YouTubeApiTest {

    private final Instant now = Instant.parse("2030-05-01T19:00:00Z");
    private final FakeTime time = new FakeTime(now);
    private final GoogleServer google = new GoogleServer();
    private final List<String> renewed = new ArrayList<>();
    private final YouTubeTokens tokens = new YouTubeTokens() {
        @Override
        public String accessToken() {
            return GoogleServer.ACCESS_TOKEN;
        }

        @Override
        public String renewAfter(String rejected) throws YouTubeException {
            renewed.add(rejected);
            if (renewed.size() > 1) {
                throw new YouTubeException(Kind.SIGN_IN_EXPIRED, "Your YouTube sign-in expired; sign in again");
            }
            return "ya29.renewedTOKEN0123456789";
        }
    };
    private final QuotaBudget budget = QuotaBudget.withDefaults(time);
    private final YouTubeApi api = new YouTubeApi(google.http, google.youtubeUrl(), tokens, budget);

    YouTubeApiTest() throws IOException {
    }

    @AfterEach
    void close() {
        google.close();
    }

    @Test
    void noLiveBroadcastIsNone() throws Exception {
        google.enqueue(200, YouTubeJson.broadcasts(YouTubeJson.broadcast("old", "complete", "chat-old"),
                YouTubeJson.broadcast("next", "ready", "chat-next")));

        assertThat(api.activeBroadcast()).isEmpty();
        RecordedRequest request = google.take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/youtube/v3/liveBroadcasts");
        assertThat(request.getUrl().queryParameter("mine")).isEqualTo("true");
        assertThat(request.getUrl().queryParameter("broadcastType")).isEqualTo("all");
        assertThat(request.getUrl().queryParameter("part")).isEqualTo("snippet,status");
        assertThat(request.getUrl().queryParameter("broadcastStatus")).as("cannot be combined with mine").isNull();
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + GoogleServer.ACCESS_TOKEN);
        assertThat(budget.remaining()).isEqualTo(QuotaBudget.DEFAULT_DAILY_UNITS - 1);
    }

    @Test
    void theLiveBroadcastIsFoundWithItsChat() throws Exception {
        google.enqueue(200, YouTubeJson.broadcasts(YouTubeJson.broadcast("old", "complete", "chat-old"),
                YouTubeJson.broadcast("vid-1", "live", "chat-1")));

        assertThat(api.activeBroadcast()).contains(new LiveBroadcast("vid-1", "chat-1"));
    }

    @Test
    void aChatPageHasTheTextMessagesTheNextTokenAndTheInterval() throws Exception {
        Instant at = now.minusSeconds(3);
        google.enqueue(200, YouTubeJson.page("page-2", 6500,
                YouTubeJson.text("m1", "UCviewer", "Viewer One", "!nova", at),
                YouTubeJson.superChat("m2", at)));

        ChatPage page = api.chatPage("chat-1", "page-1");

        assertThat(page.messages()).containsExactly(new YouTubeChatMessage("m1", "UCviewer", "Viewer One", "!nova", at, false));
        assertThat(page.nextPageToken()).isEqualTo("page-2");
        assertThat(page.pollingInterval()).isEqualTo(Duration.ofMillis(6500));
        assertThat(page.ended()).isFalse();
        RecordedRequest request = google.take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/youtube/v3/liveChat/messages");
        assertThat(request.getUrl().queryParameter("liveChatId")).isEqualTo("chat-1");
        assertThat(request.getUrl().queryParameter("pageToken")).isEqualTo("page-1");
        assertThat(request.getUrl().queryParameter("part")).isEqualTo("id,snippet,authorDetails");
        assertThat(request.getUrl().queryParameter("maxResults")).isEqualTo("2000");
        assertThat(budget.remaining()).isEqualTo(QuotaBudget.DEFAULT_DAILY_UNITS - 5);
    }

    @Test
    void aPageWithOfflineAtEndsTheChat() throws Exception {
        google.enqueue(200, YouTubeJson.offlinePage(now));

        ChatPage page = api.chatPage("chat-1", null);

        assertThat(page.ended()).isTrue();
        assertThat(page.offlineAt()).contains(now);
        assertThat(google.take().getUrl().queryParameter("pageToken")).isNull();
    }

    @Test
    void anAnswerIsPostedAsATextMessage() throws Exception {
        google.enqueue(200, "{\"id\":\"posted\"}");

        api.insert("chat-1", "Nova: https://example.test/nova");

        RecordedRequest request = google.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().queryParameter("part")).isEqualTo("snippet");
        JsonObject snippet = JsonParser.parseString(request.getBody().utf8()).getAsJsonObject()
                .getAsJsonObject("snippet");
        assertThat(snippet.get("liveChatId").getAsString()).isEqualTo("chat-1");
        assertThat(snippet.get("type").getAsString()).isEqualTo("textMessageEvent");
        assertThat(snippet.getAsJsonObject("textMessageDetails").get("messageText").getAsString())
                .isEqualTo("Nova: https://example.test/nova");
        assertThat(budget.remaining()).isEqualTo(QuotaBudget.DEFAULT_DAILY_UNITS - 20);
    }

    @Test
    void viewerCountsAreReadFromTheirStrings() throws Exception {
        google.enqueue(200, YouTubeJson.video("vid-1", "1234", "chat-1"));

        assertThat(api.liveDetails("vid-1"))
                .isEqualTo(new LiveDetails(OptionalLong.of(1234), Optional.of("chat-1"), false));
        assertThat(google.take().getUrl().queryParameter("part")).isEqualTo("liveStreamingDetails");
    }

    @Test
    void aHiddenViewerCountIsUnknownNotZero() throws Exception {
        google.enqueue(200, YouTubeJson.video("vid-1", null, "chat-1"));
        google.enqueue(200, YouTubeJson.video("vid-1", null, null));

        LiveDetails hidden = api.liveDetails("vid-1");
        assertThat(hidden.concurrentViewers()).isEmpty();
        assertThat(hidden.over(true)).isFalse();
        assertThat(api.liveDetails("vid-1").over(true)).as("no active chat: the broadcast is over").isTrue();
    }

    @Test
    void aBroadcastWithoutChatIsOverOnlyAtItsEndTime() throws Exception {
        google.enqueue(200, YouTubeJson.video("vid-1", "7", null));
        google.enqueue(200, "{\"items\":[{\"id\":\"vid-1\",\"liveStreamingDetails\":{"
                + "\"actualStartTime\":\"2030-05-01T11:30:00Z\",\"actualEndTime\":\"2030-05-01T18:00:00Z\"}}]}");

        assertThat(api.liveDetails("vid-1").over(false)).isFalse();
        assertThat(api.liveDetails("vid-1").over(false)).isTrue();
    }

    @Test
    void a401IsRetriedOnceWithARenewedToken() throws Exception {
        google.enqueue(401, "{\"error\":{\"code\":401,\"errors\":[{\"reason\":\"authError\"}]}}");
        google.enqueue(200, YouTubeJson.broadcasts());

        assertThat(api.activeBroadcast()).isEmpty();
        assertThat(renewed).containsExactly(GoogleServer.ACCESS_TOKEN);
        google.take();
        assertThat(google.take().getHeaders().get("Authorization")).isEqualTo("Bearer ya29.renewedTOKEN0123456789");
    }

    @Test
    void twoRefusalsMeanTheSignInExpired() {
        google.enqueue(401, "{}");
        google.enqueue(401, "{}");

        assertThatThrownBy(api::activeBroadcast).isInstanceOfSatisfying(YouTubeException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.SIGN_IN_EXPIRED);
            assertThat(e.getMessage()).isEqualTo("Your YouTube sign-in expired; sign in again")
                    .doesNotContain(GoogleServer.ACCESS_TOKEN);
        });
    }

    @Test
    void googlesReasonsBecomeOneSentenceEach() {
        assertThat(failure(403, "quotaExceeded")).isEqualTo(Kind.QUOTA_EXCEEDED);
        assertThat(budget.remaining()).as("Google's word beats the count").isZero();
        assertThat(failure(403, "liveChatEnded")).isEqualTo(Kind.CHAT_ENDED);
        assertThat(failure(403, "liveChatDisabled")).isEqualTo(Kind.CHAT_ENDED);
        assertThat(failure(403, "forbidden")).isEqualTo(Kind.CHAT_ENDED);
        assertThat(failure(404, "liveChatNotFound")).isEqualTo(Kind.CHAT_ENDED);
        assertThat(failure(403, "rateLimitExceeded")).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure(500, "backendError")).isEqualTo(Kind.OTHER);
    }

    private Kind failure(int code, String reason) {
        google.enqueueError(code, reason);
        try {
            api.chatPage("chat-1", null);
            throw new AssertionError("no failure for " + reason);
        } catch (YouTubeException e) {
            assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(GoogleServer.ACCESS_TOKEN)
                    .doesNotContain("Exception");
            return e.kind();
        }
    }
}
