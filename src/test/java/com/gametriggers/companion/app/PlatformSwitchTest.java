package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.bench.DelayingTcpProxy;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.links.TrackingLinks;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.store.ConnectionCode;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.PlatformWireServer;
import com.gametriggers.companion.store.StoreSettings;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The running services moving between the app's own store and the streamer's GameTriggers account, as Settings'
 * "Connect to GameTriggers" and "Disconnect" do, with viewers clicking throughout: every click reaches the store it was
 * recorded for, also when that store was unreachable at the moment of the move, and none reaches another.
 */
class PlatformSwitchTest {

    private static final String USER = new ObjectId().toHexString();

    @TempDir
    Path dataDir;

    private final Clock clock = Clock.systemUTC();
    private final OkHttpClient http = AppHttp.create();
    private final OkHttpClient viewer = new OkHttpClient.Builder().followRedirects(false).build();
    private final List<CompanionServices> started = new ArrayList<>();
    private int viewers;

    @AfterEach
    void release() {
        AppHttp.release(http);
        AppHttp.release(viewer);
    }

    private SwitchingSession session(Optional<ConnectionCode> platform) {
        // Public links, so each click counts; the demo gives each store campaigns the streamer has joined.
        AppOptions options = new AppOptions(Optional.empty(), dataDir, true, true, 0, 0,
                Optional.of(URI.create("https://links.example.net")), Optional.empty(), false,
                RotationSettings.defaults(), TwitchEndpoints.twitch());
        TwitchSignIn twitch = TwitchSignIn.onTwitch(dataDir, Optional::empty, TwitchEndpoints.twitch(), http, clock);
        return new SwitchingSession(connection -> {
            CompanionServices services = CompanionServices.start(options.withPlatform(connection), http, twitch,
                    new YouTubeSignIn(dataDir, Optional::empty, http, clock), clock);
            started.add(services);
            return services;
        }, platform);
    }

    /** One viewer, arriving through the tunnel, clicks the sponsor's tracking link. */
    private void click(CompanionServices services, Participation sponsor) throws IOException {
        viewers++;
        Request request = new Request.Builder()
                .url(services.links().baseUrl() + "t/" + TrackingLinks.code(sponsor.browserSourceToken()) + "?src=link")
                .header("X-Forwarded-For", "203.0.113." + viewers).build();
        try (Response response = viewer.newCall(request).execute()) {
            assertThat(response.code()).as("the viewer is sent on to the sponsor").isEqualTo(302);
        }
    }

    private static long clicks(CompanionServices services, Participation sponsor) {
        return services.store().participations().byId(sponsor.id()).orElseThrow().clicks();
    }

    @Test
    void clicksRecordedWhileThePlatformWasAwayReachItAfterTheAppWentElsewhereAndCameBack() throws Exception {
        try (PlatformWireServer platform = new PlatformWireServer()) {
            InetSocketAddress platformAddress = new InetSocketAddress("127.0.0.1", platform.port());
            DelayingTcpProxy way = new DelayingTcpProxy(platformAddress, Duration.ZERO);
            int port = way.port();
            ConnectionCode code = new ConnectionCode("mongodb://127.0.0.1:" + port
                    + "/platform?directConnection=true&serverSelectionTimeoutMS=1000", USER, "Alice");
            SwitchingSession session = session(Optional.of(code));
            try {
                CompanionServices onPlatform = started.get(0);
                assertThat(onPlatform.streamerId()).isEqualTo(USER);
                assertThat(onPlatform.data().connectedAs()).contains("Alice");
                Participation platformSponsor = onPlatform.store().participations().forStreamer(USER).get(0);

                way.close(); // the platform's MongoDB goes away mid-stream
                click(onPlatform, platformSponsor);
                click(onPlatform, platformSponsor);

                session.switchTo(Optional.empty());
                CompanionServices own = started.get(1);
                assertThat(own.streamerId()).isNotEqualTo(USER);
                assertThat(own.data().connectedAs()).isEmpty();
                assertThat(session.streamerId()).as("the window's session follows").isEqualTo(own.streamerId());
                Participation ownSponsor = own.store().participations().forStreamer(own.streamerId()).get(0);
                click(own, ownSponsor);
                await().atMost(Duration.ofSeconds(20)).until(() -> clicks(own, ownSponsor) == 1);
                assertThat(own.store().participations().forStreamer(USER)).as("nothing of the platform's here").isEmpty();

                way = new DelayingTcpProxy(platformAddress, Duration.ZERO, port); // back, at the same address
                session.switchTo(Optional.of(code));
                CompanionServices back = started.get(2);
                await().atMost(Duration.ofSeconds(30)).until(() -> clicks(back, platformSponsor) == 2);
                assertThat(back.store().participations().forStreamer(USER)).extracting(Participation::clicks)
                        .as("the two clicks, once each, on the sponsor they were for").containsOnly(2L, 0L);
                assertThat(back.store().participations().byId(ownSponsor.id())).isEmpty();
            } finally {
                session.close();
                way.close();
            }
            try (MongoStore own = MongoStore.open(StoreSettings.embedded(dataDir))) {
                assertThat(own.participations().forStreamer(USER)).isEmpty();
                assertThat(own.participations().forStreamer(started.get(1).streamerId()))
                        .extracting(Participation::clicks).as("the one click made there, no more").containsOnly(1L, 0L);
            }
        }
    }
}
