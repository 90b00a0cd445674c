package com.gametriggers.companion.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

import com.gametriggers.companion.concurrent.NamedThreads;

/**
 * The streamer's chat bot on Twitch IRC over WebSocket: the transport under a {@link SponsorChat}, which answers
 * sponsors' commands, counts their clicks as Twitch's and announces sponsors. It reads IRC lines into
 * {@link ChatMessage}s, posts the sponsor chat's messages as {@code PRIVMSG}s and tells it when the bot is broadcaster
 * or moderator, which raises Twitch's send limit (going over it silences the account for 30 minutes). It logs in again
 * after a dropped socket or a {@code RECONNECT}, with exponential backoff.
 *
 * <p>When Twitch refuses the login (the user token expired), the bot tells {@link #onLoginRejected} listeners and
 * waits to reconnect; {@link #useToken} with a renewed token reconnects at once. Answers waiting for the rate limit
 * stay queued meanwhile, so a command read before the connection went is still answered after it is back.
 */
public final class ChatBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChatBot.class);
    private static final int NORMAL_CLOSE = 1000;

    /** What Twitch says, in a NOTICE, when it refuses the login's token. */
    private static final Set<String> LOGIN_REFUSED = Set.of("Login authentication failed", "Improperly formatted auth");

    private final ChatBotSettings settings;
    private final OkHttpClient http;
    private final Clock clock;
    private final ChatScheduler scheduler;
    private final Backoff backoff;
    private final Runnable releaseOwned;
    private final SponsorChat sponsors;
    private final OncePerKind malformed = new OncePerKind();
    private volatile Consumer<String> loginRejected = token -> { };

    private final Object lock = new Object();
    private WebSocket socket;
    /** The token the next login uses; {@link #useToken} replaces it. */
    private String oauthToken;
    private ChatBotStatus.State state = ChatBotStatus.State.STOPPED;
    private boolean started;
    private int failedAttempts;
    private ChatScheduler.Cancellable pendingReconnect;

    /**
     * For tests and for an app that shares its HTTP client and scheduler. Call {@link #start()} to connect.
     *
     * @param clock     for the send limit and for clicks without Twitch's timestamp
     * @param scheduler for rate limit wake-ups and reconnects
     */
    public ChatBot(ChatBotSettings settings, Supplier<List<ChatCommand>> commands, ChatClickSink sink,
                   OkHttpClient http, Clock clock, ChatScheduler scheduler, Backoff backoff) {
        this(settings, commands, sink, http, clock, scheduler, backoff, () -> { });
    }

    private ChatBot(ChatBotSettings settings, Supplier<List<ChatCommand>> commands, ChatClickSink sink,
                    OkHttpClient http, Clock clock, ChatScheduler scheduler, Backoff backoff, Runnable releaseOwned) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.releaseOwned = releaseOwned;
        this.oauthToken = settings.oauthToken();
        this.sponsors = new SponsorChat(new TwitchChannel(), settings.announceEveryLines(), settings.limits(), commands,
                sink, clock, scheduler);
    }

    /**
     * A bot on the app's HTTP client with a scheduler thread of its own, released by {@link #close()}; already
     * connecting.
     */
    public static ChatBot open(ChatBotSettings settings, Supplier<List<ChatCommand>> commands, ChatClickSink sink,
                               OkHttpClient http, Clock clock) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(NamedThreads.factory("chat-bot"));
        ChatBot bot = new ChatBot(settings, commands, sink, http, clock, ChatScheduler.using(executor),
                Backoff.standard(), executor::shutdownNow);
        bot.start();
        return bot;
    }

    public void start() {
        synchronized (lock) {
            if (started) {
                return;
            }
            started = true;
            state = ChatBotStatus.State.CONNECTING;
            connect();
        }
    }

    /**
     * Called with the token Twitch refused a login with, on a WebSocket thread: renew it elsewhere and hand the new
     * one to {@link #useToken}.
     */
    public void onLoginRejected(Consumer<String> listener) {
        loginRejected = listener;
    }

    /**
     * The token for the next login, such as one renewed after Twitch refused the last. A bot waiting to reconnect
     * does so at once; a logged-in connection stays, as Twitch keeps it after its token expires, and leaving it would
     * lose the chat lines sent meanwhile.
     */
    public void useToken(String token) {
        String checked = settings.withOauthToken(token).oauthToken();
        synchronized (lock) {
            oauthToken = checked;
            // Only a bot waiting for its reconnect timer goes now; an attempt under way ends by itself, and if
            // Twitch refuses its token, the next attempt has the new one.
            if (state != ChatBotStatus.State.RECONNECTING || socket != null || pendingReconnect == null) {
                return;
            }
            pendingReconnect.cancel();
            pendingReconnect = null;
            connect();
        }
    }

    public ChatBotStatus status() {
        synchronized (lock) {
            return new ChatBotStatus(state, settings.channel(), sponsors.sent(), sponsors.notSent());
        }
    }

    /** @see SponsorChat#announce */
    public boolean announce(ChatCommand command) {
        return sponsors.announce(command);
    }

    /** Leaves chat; messages still waiting for the rate limit are counted as not sent. */
    @Override
    public void close() {
        WebSocket closing;
        synchronized (lock) {
            state = ChatBotStatus.State.STOPPED;
            if (pendingReconnect != null) {
                pendingReconnect.cancel();
            }
            closing = socket;
            socket = null;
        }
        if (closing != null) {
            closing.close(NORMAL_CLOSE, "bye");
        }
        sponsors.close();
        releaseOwned.run();
    }

    private void connect() {
        synchronized (lock) {
            pendingReconnect = null;
            // A reconnect timer that fired as useToken connected finds that attempt under way.
            if (state == ChatBotStatus.State.STOPPED || socket != null) {
                return;
            }
            // Made under the lock, so the listener's first callback already finds this socket current.
            socket = http.newWebSocket(new Request.Builder().url(settings.url()).build(), new Connection(oauthToken));
        }
    }

    private void connectionLost(WebSocket lost, String why) {
        Duration delay;
        synchronized (lock) {
            if (socket != lost || state == ChatBotStatus.State.STOPPED) {
                return;
            }
            socket = null;
            state = ChatBotStatus.State.RECONNECTING;
            delay = backoff.delay(failedAttempts++);
            pendingReconnect = scheduler.schedule(this::connect, delay);
        }
        log.info("Chat connection to #{} lost ({}); reconnecting in {} ms", settings.channel(), why, delay.toMillis());
    }

    private boolean isCurrent(WebSocket candidate) {
        synchronized (lock) {
            return socket == candidate;
        }
    }

    private boolean sendIfLoggedIn(String line) {
        WebSocket current;
        synchronized (lock) {
            current = state == ChatBotStatus.State.CONNECTED ? socket : null;
        }
        return current != null && current.send(line);
    }

    private void handle(WebSocket from, String token, String line) {
        IrcParser.Outcome outcome = IrcParser.read(line);
        if (outcome.message() == null) {
            if (malformed.firstTime(outcome.problem())) {
                log.warn("Ignoring a chat line Twitch sent that is not IRC ({}): {}", outcome.problem(), shortened(line));
            }
            return;
        }
        IrcMessage message = outcome.message();
        switch (message.command()) {
            case "PING" -> from.send("PONG :" + Optional.ofNullable(message.trailing()).orElse("tmi.twitch.tv"));
            case "001" -> loggedIn(from);
            case "RECONNECT" -> {
                from.close(NORMAL_CLOSE, "reconnect");
                connectionLost(from, "Twitch asked to reconnect");
            }
            case "USERSTATE" -> sponsors.elevated(isElevated(message));
            case "NOTICE" -> notice(from, token, message.trailing());
            case "PRIVMSG" -> chatLine(message);
            default -> { }
        }
    }

    private void notice(WebSocket from, String token, String text) {
        if (text == null || !LOGIN_REFUSED.contains(text.strip())) {
            log.info("Twitch chat notice: {}", text);
            return;
        }
        log.warn("Twitch chat refused the bot's login ({}); it logs in again with a renewed token", text.strip());
        from.close(NORMAL_CLOSE, "login refused");
        connectionLost(from, "login refused");
        loginRejected.accept(token);
    }

    private void loggedIn(WebSocket from) {
        synchronized (lock) {
            if (socket != from || state == ChatBotStatus.State.STOPPED) {
                return;
            }
            state = ChatBotStatus.State.CONNECTED;
            failedAttempts = 0;
        }
        log.info("Chat bot {} is in #{}", settings.login(), settings.channel());
        sponsors.canSendAgain();
    }

    private void chatLine(IrcMessage message) {
        String sender = message.nick().orElse("");
        boolean fromBot = sender.equals(settings.login());
        if (fromBot) {
            // The bot's own account chatting from elsewhere: its badges tell the limit.
            sponsors.elevated(isElevated(message));
        }
        String viewer = message.tag("display-name").filter(name -> !name.isBlank()).orElse(sender);
        sponsors.received(new ChatMessage(message.tag("id").orElse(null), message.tag("user-id").orElse(null), viewer,
                message.trailing(), sentAt(message), fromBot));
    }

    private Instant sentAt(IrcMessage message) {
        try {
            return message.tag("tmi-sent-ts").map(Long::parseLong).map(Instant::ofEpochMilli).orElseGet(clock::instant);
        } catch (NumberFormatException e) {
            return clock.instant();
        }
    }

    /** Broadcaster or moderator in the channel, from the bot's own USERSTATE or message: the 100-message limit. */
    private boolean isElevated(IrcMessage message) {
        Set<String> badges = message.tag("badges").stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(badge -> badge.split("/", 2)[0])
                .collect(Collectors.toSet());
        return badges.contains("broadcaster") || badges.contains("moderator")
                || message.tag("mod").filter("1"::equals).isPresent()
                || settings.login().equals(settings.channel());
    }

    private static String shortened(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }

    /** Posts the sponsor chat's messages in the channel while the bot is logged in. */
    private final class TwitchChannel implements ChatChannel {

        @Override
        public ChatPlatform platform() {
            return ChatPlatform.TWITCH;
        }

        @Override
        public boolean send(String text) {
            return sendIfLoggedIn(ChatLines.privmsg(settings.channel(), text));
        }
    }

    /** Listens to one socket; events from a socket that is no longer current are ignored. */
    private final class Connection extends WebSocketListener {

        private final String token;

        Connection(String token) {
            this.token = token;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            if (!isCurrent(webSocket)) {
                return;
            }
            webSocket.send("CAP REQ :twitch.tv/tags twitch.tv/commands");
            webSocket.send("PASS oauth:" + token);
            webSocket.send("NICK " + settings.login());
            webSocket.send("JOIN #" + settings.channel());
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            if (!isCurrent(webSocket)) {
                return;
            }
            for (String line : text.split("\r?\n")) {
                if (!line.isEmpty()) {
                    handle(webSocket, token, line);
                }
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(NORMAL_CLOSE, null);
            connectionLost(webSocket, "closed by Twitch, code " + code);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            connectionLost(webSocket, "closed, code " + code);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            connectionLost(webSocket, t.getClass().getSimpleName() + ": " + t.getMessage());
        }
    }
}
