package com.gametriggers.companion.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static com.gametriggers.companion.chat.FakeTwitchServer.soon;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.chat.ChatBotStatus.State;
import com.gametriggers.companion.chat.FakeTwitchServer.Connection;
import com.gametriggers.companion.chat.FakeTwitchServer.Received;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import okhttp3.OkHttpClient;

class ChatBotTest {

    private static final OkHttpClient HTTP = new OkHttpClient();
    private static final String TOKEN = "s3cr3tt0k3n";
    private static final String PARTICIPATION = "0123456789abcdef01234567";
    private static final ChatCommand NOVA =
            new ChatCommand("!nova", PARTICIPATION, "Nova Energy", "https://gt.example/t/abc");

    /** Logback's ListAppender is not safe to read while OkHttp's threads log. */
    static final class RecordingAppender extends AppenderBase<ILoggingEvent> {
        final List<ILoggingEvent> list = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            list.add(event);
        }
    }

    record Click(String participationId, String messageId, String userId, Instant at) {
    }

    private final ManualTime time = new ManualTime();
    private final List<Click> clicks = new CopyOnWriteArrayList<>();
    private final RecordingAppender logs = new RecordingAppender();
    private final Logger botLog = (Logger) LoggerFactory.getLogger(ChatBot.class);
    private List<ChatCommand> commands = List.of(NOVA);
    private FakeTwitchServer twitch;
    private ChatBot bot;

    @BeforeEach
    void start() throws IOException {
        logs.start();
        botLog.addAppender(logs);
        twitch = new FakeTwitchServer(time);
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        twitch.close();
        botLog.detachAppender(logs);
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(line -> line.contains(TOKEN));
    }

    private Connection startBot(int announceEveryLines) {
        ChatBotSettings settings = new ChatBotSettings(twitch.url(), "GT_Bot", "oauth:" + TOKEN, "#StreamerOne",
                announceEveryLines, ChatRateLimiter.Limits.twitch());
        bot = new ChatBot(settings, () -> commands, click -> {
            assertThat(click.platform()).isEqualTo(ChatPlatform.TWITCH);
            clicks.add(new Click(click.participationId(), click.messageId(), click.viewerId(), click.at()));
        }, HTTP, time, time,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), () -> 0.5));
        bot.start();
        return awaitLoggedIn(0);
    }

    private Connection awaitLoggedIn(int connectionIndex) {
        Connection connection = twitch.connection(connectionIndex);
        soon().until(() -> bot.status().state() == State.CONNECTED);
        return connection;
    }

    @Test
    void logsInInOrderAndAnswersPings() {
        Connection connection = startBot(30);

        assertThat(connection.lines()).startsWith("CAP REQ :twitch.tv/tags twitch.tv/commands", "PASS oauth:" + TOKEN,
                "NICK gt_bot", "JOIN #streamerone");
        connection.send("PING :tmi.twitch.tv");
        soon().until(() -> connection.lines().contains("PONG :tmi.twitch.tv"));
        assertThat(bot.status()).isEqualTo(new ChatBotStatus(State.CONNECTED, "streamerone", 0, 0));
        assertThat(bot.toString() + new ChatBotSettings(twitch.url(), "a", TOKEN, "b", 1,
                ChatRateLimiter.Limits.twitch())).doesNotContain(TOKEN);
    }

    @Test
    void reconnectsAndLogsInAgainAfterTheSocketDrops() {
        startBot(30).drop();

        soon().until(() -> bot.status().state() == State.RECONNECTING);
        time.advance(Duration.ofSeconds(1));
        Connection second = awaitLoggedIn(1);

        assertThat(second.lines()).startsWith("CAP REQ :twitch.tv/tags twitch.tv/commands", "PASS oauth:" + TOKEN,
                "NICK gt_bot", "JOIN #streamerone");
        second.roundTrip("after-reconnect");
    }

    @Test
    void reconnectsWhenTwitchSaysReconnect() {
        startBot(30).send(":tmi.twitch.tv RECONNECT");

        soon().until(() -> bot.status().state() == State.RECONNECTING);
        time.advance(Duration.ofSeconds(1));
        Connection second = awaitLoggedIn(1);

        assertThat(second.lines()).contains("JOIN #streamerone");
        assertThat(twitch.connectionCount()).isEqualTo(2);
    }

    @Test
    void backsOffLongerAfterEachFailedAttemptUntilOneLogsIn() {
        startBot(30).drop();
        soon().until(() -> bot.status().state() == State.RECONNECTING);
        twitch.refuseNextConnections(1);

        time.advance(Duration.ofMillis(750));
        soon().until(() -> loggedLines("reconnecting in 1500 ms") == 1);
        time.advance(Duration.ofMillis(1_499));
        assertThat(twitch.connectionCount()).isEqualTo(1);
        time.advance(Duration.ofMillis(1));
        awaitLoggedIn(1);

        twitch.connection(1).drop();
        soon().until(() -> loggedLines("reconnecting in 750 ms") == 2);
    }

    @Test
    void answersAChatCommandAndReportsTheClickWithTwitchsIds() {
        Connection connection = startBot(30);

        connection.send("@badge-info=;badges=subscriber/12;color=#FF0000;display-name=Cool\\sViewer;emotes=;"
                + "id=885196de-cb67-427a-baa8-82f9b0fcd05f;mod=0;room-id=1;subscriber=1;tmi-sent-ts=1700000000000;"
                + "turbo=0;user-id=4242;user-type= :coolviewer!coolviewer@coolviewer.tmi.twitch.tv "
                + "PRIVMSG #streamerone :!NOVA where do I get it?");
        connection.send("@id=m2;user-id=7 :other!other@other.tmi.twitch.tv PRIVMSG #streamerone :I like !nova");

        soon().until(() -> connection.privmsgs().size() == 1);
        assertThat(connection.privmsgs().get(0).line())
                .isEqualTo("PRIVMSG #streamerone :@Cool Viewer Nova Energy: https://gt.example/t/abc");
        connection.roundTrip("done");
        assertThat(clicks).containsExactly(new Click(PARTICIPATION, "885196de-cb67-427a-baa8-82f9b0fcd05f", "4242",
                Instant.ofEpochMilli(1_700_000_000_000L)));
        assertThat(bot.status().messagesSent()).isEqualTo(1);
    }

    @Test
    void readsTheCommandsAtEachMessage() {
        Connection connection = startBot(30);
        commands = List.of(new ChatCommand("!new", PARTICIPATION, "New Brand", "https://gt.example/t/new"));

        connection.send("@id=m1;user-id=1 :v!v@v.tmi.twitch.tv PRIVMSG #streamerone :!new");

        soon().until(() -> connection.privmsgs().size() == 1);
        assertThat(connection.privmsgs().get(0).line()).endsWith("New Brand: https://gt.example/t/new");
    }

    @Test
    void cutsALongAnswerTo500Characters() {
        commands = List.of(new ChatCommand("!nova", PARTICIPATION, "Nova Energy", "https://gt.example/" + "x".repeat(600)));
        Connection connection = startBot(30);

        connection.send("@id=m1;user-id=1 :v!v@v.tmi.twitch.tv PRIVMSG #streamerone :!nova");

        soon().until(() -> connection.privmsgs().size() == 1);
        String line = connection.privmsgs().get(0).line();
        assertThat(line.substring("PRIVMSG #streamerone :".length())).hasSize(500).startsWith("@v Nova Energy: https");
    }

    @Test
    void ignoresMalformedLinesWithOneLogLinePerKind() {
        Connection connection = startBot(30);

        for (int i = 0; i < 3; i++) {
            connection.send("@id=broken-" + i);
        }
        connection.send(":tmi.twitch.tv\r\n:tmi.twitch.tv");
        connection.roundTrip("still-alive");

        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .filteredOn(line -> line.contains("not IRC"))
                .hasSize(2)
                .anyMatch(line -> line.contains("tags without a command") && line.contains("@id=broken-0"))
                .anyMatch(line -> line.contains("prefix without a command"));
        assertThat(logs.list).allMatch(event -> event.getThrowableProxy() == null);
    }

    @Test
    void aBurstOf200CommandsStaysWithinTwentyPerThirtySecondsAndAccountsForEveryAnswer() {
        Connection connection = startBot(30);

        for (int frame = 0; frame < 4; frame++) {
            StringBuilder lines = new StringBuilder();
            for (int i = frame * 50; i < frame * 50 + 50; i++) {
                lines.append("@id=m").append(i).append(";user-id=").append(i).append(" :v").append(i).append("!v")
                        .append(i).append("@v.tmi.twitch.tv PRIVMSG #streamerone :!nova\r\n");
            }
            connection.send(lines.toString());
        }
        soon().until(() -> clicks.size() == 200);

        for (int step = 0; step < 30 && accountedFor() < 200; step++) {
            soon().until(() -> connection.privmsgs().size() == bot.status().messagesSent());
            time.advance(Duration.ofSeconds(5));
        }
        soon().until(() -> connection.privmsgs().size() == bot.status().messagesSent());

        ChatBotStatus status = bot.status();
        assertThat(accountedFor()).isEqualTo(200);
        assertThat(status.messagesSent()).isGreaterThanOrEqualTo(40);
        assertThat(status.messagesNotSent()).isPositive();
        List<Received> sent = connection.privmsgs();
        for (int i = 20; i < sent.size(); i++) {
            assertThat(Duration.between(sent.get(i - 20).at(), sent.get(i).at())).isGreaterThan(Duration.ofSeconds(30));
        }
        assertThat(clicks).extracting(Click::messageId).doesNotHaveDuplicates().contains("m0", "m199");
    }

    @Test
    void asModeratorTheBotMaySendOneHundred() {
        twitch.userStateTags("@badges=moderator/1;mod=1");
        Connection connection = startBot(30);
        connection.roundTrip("userstate-read");

        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            lines.append("@id=m").append(i).append(";user-id=").append(i)
                    .append(" :v!v@v.tmi.twitch.tv PRIVMSG #streamerone :!nova\r\n");
        }
        connection.send(lines.toString());

        soon().until(() -> connection.privmsgs().size() == 60);
    }

    @Test
    void announcesTheOnScreenSponsorOnlyAfterEnoughChatLines() {
        Connection connection = startBot(3);
        assertThat(bot.announce(NOVA)).isFalse();

        for (int i = 0; i < 3; i++) {
            connection.send(":v!v@v.tmi.twitch.tv PRIVMSG #streamerone :hello " + i);
        }
        connection.roundTrip("lines-read");

        assertThat(bot.announce(NOVA)).isTrue();
        assertThat(bot.announce(NOVA)).isFalse();
        soon().until(() -> connection.privmsgs().size() == 1);
        assertThat(connection.privmsgs().get(0).line())
                .isEqualTo("PRIVMSG #streamerone :Nova Energy: https://gt.example/t/abc");
    }

    @Test
    void aRefusedLoginAsksForANewTokenAndLogsInWithItAnsweringTheCommandReadBefore() {
        List<String> refused = new CopyOnWriteArrayList<>();
        Connection first = startBot(30);
        bot.onLoginRejected(refused::add);
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            burst.append("@id=m").append(i).append(";user-id=").append(i)
                    .append(" :v!v@v.tmi.twitch.tv PRIVMSG #streamerone :!nova\r\n");
        }
        first.send(burst.toString());
        first.roundTrip("burst-read");
        // Twenty answers fill the 30-second window; the twenty-first waits in the queue.
        soon().until(() -> first.privmsgs().size() == 20);

        twitch.refuseToken(TOKEN);
        first.drop();
        soon().until(() -> bot.status().state() == State.RECONNECTING);
        time.advance(Duration.ofSeconds(1));
        Connection refusedLogin = twitch.connection(1);
        soon().until(() -> refused.size() == 1);
        assertThat(refused).containsExactly(TOKEN);
        assertThat(refusedLogin.lines()).contains("PASS oauth:" + TOKEN);
        assertThat(bot.status().state()).isEqualTo(State.RECONNECTING);

        long timersBefore = time.scheduledSoFar();
        bot.useToken("oauth:fr3sht0k3n");
        Connection second = awaitLoggedIn(2);
        assertThat(second.lines()).startsWith("CAP REQ :twitch.tv/tags twitch.tv/commands", "PASS oauth:fr3sht0k3n");
        // On login the bot's own thread sets the waiting answer's timer again. Moving the clock before it has would
        // leave that timer behind the moved clock, a race of this test's clock, not of the bot.
        soon().until(() -> time.scheduledSoFar() > timersBefore);
        time.advance(Duration.ofSeconds(31));

        soon().until(() -> second.privmsgs().size() == 1);
        assertThat(second.privmsgs().get(0).line()).isEqualTo("PRIVMSG #streamerone :@v Nova Energy: https://gt.example/t/abc");
        second.send("@id=m21;user-id=21 :v!v@v.tmi.twitch.tv PRIVMSG #streamerone :!nova");
        soon().until(() -> second.privmsgs().size() == 2);
        assertThat(clicks).extracting(Click::messageId).doesNotHaveDuplicates().hasSize(22);
        assertThat(bot.status().messagesNotSent()).isZero();
        assertThat(twitch.connectionCount()).isEqualTo(3);
    }

    @Test
    void aNewTokenLeavesALoggedInConnectionAndServesTheNextLogin() {
        Connection first = startBot(30);

        bot.useToken("fr3sht0k3n");
        first.roundTrip("still-here");
        assertThat(twitch.connectionCount()).isEqualTo(1);
        first.drop();
        soon().until(() -> bot.status().state() == State.RECONNECTING);
        time.advance(Duration.ofSeconds(1));

        assertThat(awaitLoggedIn(1).lines()).contains("PASS oauth:fr3sht0k3n");
    }

    @Test
    void closingStopsTheBot() {
        Connection connection = startBot(30);

        bot.close();

        assertThat(bot.status().state()).isEqualTo(State.STOPPED);
        time.advance(Duration.ofMinutes(5));
        assertThat(twitch.connectionCount()).isEqualTo(1);
        assertThat(connection.lines()).hasSize(4);
    }

    private long loggedLines(String part) {
        return logs.list.stream().filter(event -> event.getFormattedMessage().contains(part)).count();
    }

    private long accountedFor() {
        ChatBotStatus status = bot.status();
        return status.messagesSent() + status.messagesNotSent();
    }
}
