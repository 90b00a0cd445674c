package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.chat.ChatCommand;
import com.gametriggers.companion.chat.ChatPlatform;
import com.gametriggers.companion.concurrent.Sleeper;
import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignStatus;
import com.gametriggers.companion.domain.MediaType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.store.StoreFixture;
import com.gametriggers.companion.store.TestIds;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackerOptions;
import com.gametriggers.companion.youtube.GoogleOAuthSettings;
import com.gametriggers.companion.youtube.GoogleToken;
import com.gametriggers.companion.youtube.QuotaBudget;
import com.gametriggers.companion.youtube.YouTubeJson;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;

/**
 * The app's side of YouTube against a stand-in speaking Google's JSON: a signed-in streamer's live broadcast, a
 * viewer's command answered in YouTube chat and counted, and the viewer count reaching the audience.
 */
class YouTubeLinkTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();
    private final MockWebServer google = new MockWebServer();
    private final OkHttpClient http = new OkHttpClient();
    private final List<String> answers = new CopyOnWriteArrayList<>();
    private final AtomicInteger chatReads = new AtomicInteger();

    @AfterEach
    void close() {
        google.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void aViewersCommandIsAnsweredOnceInYouTubeChatCountedAsAChatClickAndTheViewerCountReachesTheAudience()
            throws Exception {
        Instant now = clock.instant();
        serve(YouTubeJson.text("yt-msg-1", "UCviewer", "Viewer One", "!nova please", now.plusSeconds(5)),
                YouTubeJson.text("yt-msg-2", "UCother", "Other", "nice stream", now.plusSeconds(6)));
        new YouTubeAccountStore(dir).keep(new GoogleToken("ya29.access", "1//refresh", now.plus(Duration.ofHours(1))));
        YouTubeSignIn account = new YouTubeSignIn(dir, () -> Optional.of(new GoogleOAuthSettings("client",
                Optional.empty(), google.url("/auth"), google.url("/token"))), http, clock);
        try (StoreFixture fixture = StoreFixture.open(dir.resolve("store"));
             Tracker tracker = Tracker.start(fixture.store(), dir.resolve("journal"),
                     TrackerOptions.defaults().withFlushInterval(Duration.ofMillis(20)))) {
            Campaign campaign = new Campaign(TestIds.newId(), "Launch", "Nova Energy", "", CampaignStatus.ACTIVE,
                    PaymentType.CPM, new BigDecimal("4.50"), BigDecimal.TEN, "/m.svg", MediaType.IMAGE,
                    "https://example.com", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));
            fixture.addCampaign(campaign);
            Participation shown = fixture.updates().join(campaign.id(), TestIds.newId());
            ChatCommand nova = new ChatCommand("!nova", shown.id(), "Nova Energy", "https://links.example/c/nova");
            AtomicLong viewers = new AtomicLong();
            StreamToOverlay audience = new StreamToOverlay(() -> { }, () -> { }, () -> Set.of(shown.id()), tracker,
                    viewers);
            // A one-hour stream leaves units to spare, so chat is read every few seconds.
            QuotaBudget budget = new QuotaBudget(clock, QuotaBudget.DEFAULT_DAILY_UNITS, Duration.ofHours(1),
                    QuotaBudget.DEFAULT_ANSWER_RESERVE);

            try (YouTubeLink link = new YouTubeLink(account, http, audience.source(ChatPlatform.YOUTUBE), () -> List.of(nova),
                    new ChatClickRecorder(tracker), new YouTubeLink.Options(google.url("/youtube/v3/"), budget, clock,
                    Sleeper.system()))) {
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    assertThat(answers).hasSize(1);
                    assertThat(viewers.get()).isEqualTo(1_234);
                });
                // YouTube asks for a read every 100 ms, which the day's quota cannot pay for: the status bar says so.
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                        assertThat(link.status()).hasValueSatisfying(status -> {
                            assertThat(status.live()).isTrue();
                            assertThat(status.viewers()).isEqualTo(1_234);
                            assertThat(status.text()).startsWith("YouTube chat slowed to every ");
                        }));
                assertThat(answers.get(0)).contains("@Viewer One Nova Energy: https://links.example/c/nova")
                        .contains("\"liveChatId\":\"chat-1\"");
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    Participation after = fixture.store().participations().byId(shown.id()).orElseThrow();
                    assertThat(after.chatClicks()).isEqualTo(1);
                    assertThat(after.peakViewerCount()).isEqualTo(1_234);
                });
                int reads = chatReads.get();
                await().atMost(Duration.ofSeconds(20)).until(() -> chatReads.get() > reads);
                assertThat(answers).as("later pages hold no command").hasSize(1);

                account.signOut();

                assertThat(link.running()).isFalse();
                assertThat(link.status()).as("signed out: nothing to show").isEmpty();
                assertThat(viewers.get()).as("signed out: YouTube's viewers are forgotten").isZero();
            }
        }
    }

    @Test
    void aSignInGoogleRefusesForGoodStopsYouTubeAndAsksForANewOne() throws Exception {
        Instant now = clock.instant();
        serve();
        // Expired, and Google refuses the refresh token (revoked).
        new YouTubeAccountStore(dir).keep(new GoogleToken("ya29.old", "1//revoked", now.minus(Duration.ofHours(1))));
        YouTubeSignIn account = new YouTubeSignIn(dir, () -> Optional.of(new GoogleOAuthSettings("client",
                Optional.empty(), google.url("/auth"), google.url("/token"))), http, clock);
        AtomicLong viewers = new AtomicLong();
        StreamToOverlay audience = new StreamToOverlay(() -> { }, () -> { }, Set::of, null, viewers);

        try (YouTubeLink link = new YouTubeLink(account, http, audience.source(ChatPlatform.YOUTUBE), List::of,
                click -> { }, new YouTubeLink.Options(google.url("/youtube/v3/"), QuotaBudget.withDefaults(clock),
                clock, Sleeper.system()))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> !link.running());

            assertThat(account.needsStreamer()).contains(YouTubeSignIn.TURNED_DOWN);
            assertThat(link.status()).hasValueSatisfying(status ->
                    assertThat(status.text()).isEqualTo(YouTubeLink.REFUSED));
        }
    }

    @Test
    void withoutAClientIdYouTubeIsOffAndSaysSo() {
        YouTubeSignIn account = new YouTubeSignIn(dir, Optional::empty, http, clock);

        assertThat(account.unavailable()).contains(YouTubeSignIn.NO_CLIENT_ID);
        assertThat(account.credentials()).isEmpty();
    }

    /** YouTube with one live broadcast whose first chat page holds {@code firstPage}; later pages are empty. */
    private void serve(String... firstPage) throws IOException {
        google.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.endsWith("/liveBroadcasts")) {
                    return json(YouTubeJson.broadcasts(YouTubeJson.broadcast("vid-1", "live", "chat-1")));
                }
                if (path.endsWith("/videos")) {
                    return json(YouTubeJson.video("vid-1", "1234", "chat-1"));
                }
                if (path.endsWith("/liveChat/messages") && "POST".equals(request.getMethod())) {
                    answers.add(request.getBody().utf8());
                    return json("{\"kind\":\"youtube#liveChatMessage\",\"id\":\"answer\"}");
                }
                if (path.endsWith("/liveChat/messages")) {
                    boolean first = request.getUrl().queryParameter("pageToken") == null;
                    chatReads.incrementAndGet();
                    return json(first ? YouTubeJson.page("p2", 100, firstPage) : YouTubeJson.page("p3", 100));
                }
                if (path.equals("/token")) {
                    return new MockResponse.Builder().code(400).setHeader("Content-Type", "application/json")
                            .body("{\"error\":\"invalid_grant\"}").build();
                }
                return new MockResponse.Builder().code(404).build();
            }
        });
        google.start();
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }
}
