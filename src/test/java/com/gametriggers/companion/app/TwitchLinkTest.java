package com.gametriggers.companion.app;

import static com.gametriggers.companion.chat.FakeTwitchServer.soon;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.chat.ChatBotStatus;
import com.gametriggers.companion.chat.ChatCommand;
import com.gametriggers.companion.chat.FakeTwitchServer;
import com.gametriggers.companion.chat.FakeTwitchServer.Connection;
import com.gametriggers.companion.concurrent.FakeTime;
import com.gametriggers.companion.twitch.DisclosureCheck;
import com.gametriggers.companion.twitch.MissingScopeException;
import com.gametriggers.companion.twitch.StreamListener;
import com.gametriggers.companion.twitch.TwitchCredentials;
import com.gametriggers.companion.twitch.TwitchToken;

import okhttp3.OkHttpClient;

/**
 * Twitch over a whole stream, against local stand-ins for Twitch's APIs and chat: the sign-in renewed when its token
 * expires, viewer counts and chat carrying on past that, a refused sign-in, and signing in and out while it runs.
 */
class TwitchLinkTest {

    private static final String PARTICIPATION = "0123456789abcdef01234567";
    private static final ChatCommand NOVA = new ChatCommand("!nova", PARTICIPATION, "Nova Energy", "https://gt.example/t/abc");

    @TempDir
    Path dataDir;

    private final FakeTime time = new FakeTime(Instant.parse("2030-05-01T12:00:00Z"));
    private final OkHttpClient http = AppHttp.create();
    private final TwitchApiStandIn twitch = new TwitchApiStandIn(time);
    private final FakeTwitchServer chat = new FakeTwitchServer(time);
    private final List<Long> samples = new CopyOnWriteArrayList<>();
    private final List<String> clicks = new CopyOnWriteArrayList<>();
    private final AtomicInteger stops = new AtomicInteger();
    private final AtomicBoolean sponsorsOnRotation = new AtomicBoolean();
    private TwitchSignIn account;
    private TwitchLink link;

    TwitchLinkTest() throws IOException {
    }

    @AfterEach
    void close() {
        if (link != null) {
            link.close();
        }
        chat.close();
        twitch.close();
        AppHttp.release(http);
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndViewerCountsAndChatCarryOnPastIt() throws Exception {
        TwitchToken first = signedIn();
        startLink();
        Connection firstChat = awaitChat(0);
        soon().until(() -> samples.size() >= 2);

        // Four hours into the stream the first token expires: Helix answers 401, and so would a new chat login.
        time.sleep(TwitchApiStandIn.TOKEN_LIFETIME.plusMinutes(1));
        chat.refuseToken(first.accessToken());
        int before = samples.size();
        soon().until(() -> samples.size() >= before + 3);

        assertThat(twitch.refreshes()).isEqualTo(1);
        TwitchToken renewed = new TwitchAccountStore(dataDir).load().orElseThrow().token();
        assertThat(renewed.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(twitch.served().get(twitch.served().size() - 1).accessToken()).isEqualTo(renewed.accessToken());
        assertThat(twitch.served()).extracting(TwitchApiStandIn.Served::viewers).doesNotHaveDuplicates();

        // The chat connection made with the first token stays; when it drops, the bot logs in with the renewed one.
        firstChat.send("@id=m1;user-id=1 :v!v@v.tmi.twitch.tv PRIVMSG #streamer_one :!nova");
        soon().until(() -> firstChat.privmsgs().size() == 1);
        firstChat.drop();
        Connection secondChat = awaitChat(1);
        assertThat(secondChat.lines()).contains("PASS oauth:" + renewed.accessToken());
        secondChat.send("@id=m2;user-id=2 :v!v@v.tmi.twitch.tv PRIVMSG #streamer_one :!nova");
        soon().until(() -> secondChat.privmsgs().size() == 1);
        assertThat(clicks).containsExactly("m1", "m2");
        assertThat(twitch.refreshes()).isEqualTo(1);
    }

    @Test
    void aTokenExpiredBeforeTheStartIsRenewedOnceThoughValidationPollAndChatAllFindOut() throws Exception {
        TwitchToken expired = signedIn();
        time.sleep(TwitchApiStandIn.TOKEN_LIFETIME.plusHours(2));
        chat.refuseToken(expired.accessToken());

        startLink();

        soon().until(() -> samples.size() >= 2);
        // Chat's first login may go out before or after the renewal: if before, Twitch refuses it and the bot logs in
        // again with the renewed token.
        soon().until(() -> link.chatBotStatus().map(ChatBotStatus::state).orElse(null) == ChatBotStatus.State.CONNECTED);
        Connection loggedIn = chat.connection(chat.connectionCount() - 1);
        String renewed = new TwitchAccountStore(dataDir).load().orElseThrow().token().accessToken();
        assertThat(loggedIn.lines()).contains("PASS oauth:" + renewed);
        assertThat(twitch.refreshes()).as("validation, the poller and perhaps chat all met a 401").isEqualTo(1);
    }

    @Test
    void aRefusedSignInStopsChatAndCountsWithOneSentenceAndStaysMarked() throws Exception {
        signedIn();
        List<Optional<String>> told = new CopyOnWriteArrayList<>();
        startLink();
        account.addListener(() -> told.add(account.needsStreamer()));
        awaitChat(0);

        twitch.refuseRefreshes();
        time.sleep(TwitchApiStandIn.TOKEN_LIFETIME.plusMinutes(1));

        // The listeners are told one after the other: chat stops in the link's, before this test's hears of it.
        soon().until(() -> link.chatBotStatus().isEmpty() && !told.isEmpty());
        assertThat(account.needsStreamer()).contains(TwitchCredentials.TURNED_DOWN);
        assertThat(told).containsExactly(Optional.of(TwitchCredentials.TURNED_DOWN));
        assertThat(stops).hasValue(1);
        int requests = twitch.refreshes();
        assertThat(requests).isEqualTo(1);
        TwitchSignIn afterRestart = TwitchSignIn.onTwitch(dataDir, () -> Optional.of("test-client-id"), TwitchEndpoints.twitch(), http,
                Clock.systemUTC());
        assertThat(afterRestart.needsStreamer()).contains(TwitchCredentials.TURNED_DOWN);
        assertThat(afterRestart.credentials()).isEmpty();
    }

    @Test
    void signingInAndOutStartsAndStopsChatAndViewerCountsAtOnce() throws Exception {
        account = new TwitchSignIn(dataDir, () -> Optional.of(twitch.settings()), http, time, time);
        startLink();
        assertThat(link.chatBotStatus()).isEmpty();
        assertThat(account.needsStreamer()).isEmpty();

        assertThat(account.finishSignIn(account.startSignIn())).isEqualTo(TwitchApiStandIn.LOGIN);

        awaitChat(0);
        soon().until(() -> samples.size() >= 1);
        assertThat(account.signedInAs()).contains(TwitchApiStandIn.LOGIN);

        account.signOut();

        assertThat(link.chatBotStatus()).isEmpty();
        assertThat(stops).hasValue(1);
        assertThat(account.signedInAs()).isEmpty();
        assertThat(dataDir.resolve(TwitchAccountStore.FILE_NAME)).doesNotExist();
    }

    @Test
    void aLiveStreamWithSponsorsAndNoDisclosureIsWarnedOnceAndAnOlderSignInIsAskedToSignInAgain() throws Exception {
        sponsorsOnRotation.set(true);
        signedIn();
        startLink();

        soon().until(() -> link.disclosureWarning().isPresent());
        int before = samples.size();
        soon().until(() -> samples.size() >= before + 3);
        assertThat(twitch.channelReads()).as("read at the stream's start, not at every poll").isEqualTo(1);
        assertThat(link.disclosureWarning().orElseThrow().streamSeen()).isEqualTo(time.instant());

        assertThat(link.turnOnBrandedContent()).isEqualTo(MissingScopeException.MESSAGE);
        assertThat(twitch.refreshes()).as("a missing scope is not a reason to renew").isZero();
    }

    private TwitchToken signedIn() throws IOException {
        TwitchToken token = twitch.issue();
        new TwitchAccountStore(dataDir).keep(token);
        account = new TwitchSignIn(dataDir, () -> Optional.of(twitch.settings()), http, time, time);
        return token;
    }

    private void startLink() {
        link = new TwitchLink(account, http, new StreamListener() {
            @Override
            public void wentLive() {
            }

            @Override
            public void wentOffline() {
            }

            @Override
            public void viewerSample(long viewers, Instant at) {
                samples.add(viewers);
            }
        }, new TwitchLink.Disclosure(sponsorsOnRotation::get, () -> DisclosureCheck.DEFAULT_TAGS), () -> List.of(NOVA), click -> clicks.add(click.messageId()), stops::incrementAndGet,
                new TwitchLink.Options(chat.url(), Duration.ofMillis(50), Duration.ofHours(1), time));
    }

    private Connection awaitChat(int index) {
        Connection connection = chat.connection(index);
        soon().until(() -> link.chatBotStatus().map(ChatBotStatus::state).orElse(null) == ChatBotStatus.State.CONNECTED
                && chat.connectionCount() == index + 1);
        return connection;
    }
}
