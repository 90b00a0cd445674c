package com.gametriggers.companion.chat;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.core.ConditionFactory;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * Twitch's IRC WebSocket as far as the bot needs it: every connection upgrades to a WebSocket, answers NICK with
 * {@code 001} and JOIN with a USERSTATE, and records what the bot sends with the test's clock.
 */
public final class FakeTwitchServer implements AutoCloseable {

    record Received(String line, Instant at) {
    }

    private final MockWebServer server = new MockWebServer();
    private final Clock clock;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private volatile String userStateTags = "@badges=;mod=0";

    public FakeTwitchServer(Clock clock) throws IOException {
        this.clock = clock;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    return new MockResponse.Builder().code(503).build();
                }
                return new MockResponse.Builder().webSocketUpgrade(new Connection()).build();
            }
        });
        server.start();
    }

    /** Polls every few milliseconds: a local socket answers at once, and the default 100 ms adds up. */
    static ConditionFactory soon() {
        return await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(10));
    }

    public String url() {
        return "ws://" + server.getHostName() + ":" + server.getPort() + "/";
    }

    /** Tags of the USERSTATE sent after JOIN, such as {@code @badges=moderator/1;mod=1}. */
    void userStateTags(String tags) {
        userStateTags = tags;
    }

    /** The next {@code count} connection attempts fail their WebSocket handshake, as when Twitch is unreachable. */
    void refuseNextConnections(int count) {
        refusals.set(count);
    }

    public int connectionCount() {
        return connections.size();
    }

    public Connection connection(int index) {
        soon().until(() -> connections.size() > index);
        return connections.get(index);
    }

    @Override
    public void close() {
        connections.forEach(Connection::drop);
        server.close();
    }

    public final class Connection extends WebSocketListener {

        private final List<Received> received = new CopyOnWriteArrayList<>();
        private volatile WebSocket socket;

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            socket = webSocket;
            connections.add(this);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            received.add(new Received(text, clock.instant()));
            if (text.startsWith("NICK ")) {
                webSocket.send(":tmi.twitch.tv 001 " + text.substring(5) + " :Welcome, GLHF!");
            } else if (text.startsWith("JOIN ")) {
                webSocket.send(userStateTags + " :tmi.twitch.tv USERSTATE " + text.substring(5));
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
        }

        public void send(String lines) {
            socket.send(lines);
        }

        /**
         * Twitch goes away. A server-side OkHttp WebSocket cannot be cut without a close frame, so this is a clean
         * close; a broken handshake is {@link #refuseNextConnections}.
         */
        public void drop() {
            socket.close(1001, "going away");
        }

        public List<String> lines() {
            return received.stream().map(Received::line).toList();
        }

        List<Received> privmsgs() {
            return received.stream().filter(r -> r.line().startsWith("PRIVMSG ")).toList();
        }

        /** Waits until the bot has read everything sent before, which it answers in order. */
        public void roundTrip(String token) {
            send("PING :" + token);
            soon().until(() -> lines().contains("PONG :" + token));
        }
    }
}
