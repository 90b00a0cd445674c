package com.gametriggers.companion.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.chat.ChatChannel;
import com.gametriggers.companion.chat.ChatClickSink;
import com.gametriggers.companion.chat.ChatCommand;
import com.gametriggers.companion.chat.ChatMessage;
import com.gametriggers.companion.chat.ChatPlatform;
import com.gametriggers.companion.chat.ChatRateLimiter;
import com.gametriggers.companion.chat.ChatScheduler;
import com.gametriggers.companion.chat.SponsorChat;
import com.gametriggers.companion.concurrent.NamedThreads;
import com.gametriggers.companion.concurrent.Sleeper;
import com.gametriggers.companion.links.TrackingLinks;
import com.gametriggers.companion.overlay.OverlayControl;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.ui.YouTubeStatus;
import com.gametriggers.companion.youtube.GoogleCredentials;
import com.gametriggers.companion.youtube.LiveChatPoller;
import com.gametriggers.companion.youtube.QuotaBudget;
import com.gametriggers.companion.youtube.YouTubeApi;
import com.gametriggers.companion.youtube.YouTubeChatMessage;
import com.gametriggers.companion.youtube.YouTubeException;
import com.gametriggers.companion.youtube.YouTubeListener;
import com.gametriggers.companion.youtube.YouTubeLiveStatus;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The streamer's YouTube channel, wired to the rest of the app like {@link TwitchLink}: while signed in, a
 * {@link LiveChatPoller} follows the live broadcast; its chat goes to a {@link SponsorChat} that answers sponsors'
 * commands through {@code liveChatMessages.insert} and records each use as a chat click, and its live status and viewer
 * counts go to the audience's YouTube source. Signing out, or a sign-in Google refuses for good, stops both and the
 * audience forgets YouTube's viewers.
 */
final class YouTubeLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(YouTubeLink.class);
    /** YouTube's chat box takes 200 characters; a longer insert is refused. */
    static final int MAX_LENGTH = 200;
    /**
     * YouTube documents no send rate, only {@code rateLimitExceeded} when a user sends too many, and each answer costs
     * 20 of the day's 10,000 units: 5 per 30 s (one every 6 s on average) answers a busy chat's commands without a
     * burst that YouTube's spam filter hides or that eats the quota's reserve of 50 answers in a minute.
     */
    static final ChatRateLimiter.Limits LIMITS = new ChatRateLimiter.Limits(Duration.ofSeconds(30), 5, 5, 20,
            Duration.ofSeconds(60));
    /** As on Twitch: an announcement only after this many chat lines since the bot last spoke. */
    static final int ANNOUNCE_EVERY_LINES = 30;
    static final String REFUSED = "YouTube: sign in again in Settings";

    /** Where YouTube is and the day's quota: YouTube's own in the app, a local stand-in in tests. */
    record Options(HttpUrl apiUrl, QuotaBudget budget, Clock clock, Sleeper sleeper) {

        static Options youtube(Clock clock) {
            return new Options(YouTubeApi.DEFAULT_BASE_URL, QuotaBudget.withDefaults(clock), clock, Sleeper.system());
        }
    }

    private final YouTubeSignIn account;
    private final OkHttpClient http;
    private final StreamToOverlay.Source stream;
    private final Supplier<List<ChatCommand>> commands;
    private final ChatClickSink clicks;
    private final Options options;
    /** The send limit's wake-ups. */
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            NamedThreads.factory("youtube"));
    private final Runnable follow = this::follow;

    /* Guarded by this. */
    private Running running;
    private boolean closed;

    /** Starts following {@code account} at once. */
    YouTubeLink(YouTubeSignIn account, OkHttpClient http, StreamToOverlay.Source stream,
                Supplier<List<ChatCommand>> commands, ChatClickSink clicks, Options options) {
        this.account = account;
        this.http = http;
        this.stream = stream;
        this.commands = commands;
        this.clicks = clicks;
        this.options = options;
        account.addListener(follow);
        follow();
    }

    static YouTubeLink start(YouTubeSignIn account, OkHttpClient http, OverlayControl overlay, TrackingLinks links,
                             Tracker tracker, StreamToOverlay audience, Options options) {
        YouTubeLink link = new YouTubeLink(account, http, audience.source(ChatPlatform.YOUTUBE),
                () -> SponsorCommands.now(overlay, links), new ChatClickRecorder(tracker), options);
        SponsorCommands.announceOnShow(overlay, links, link::announce);
        return link;
    }

    /** For the status bar: empty while not signed in with Google. */
    Optional<YouTubeStatus> status() {
        Optional<String> refused = account.needsStreamer().map(sentence -> REFUSED);
        Optional<String> problem;
        synchronized (this) {
            if (running == null) {
                return refused.map(sentence -> new YouTubeStatus(false, 0, Optional.of(sentence)));
            }
            problem = running.poller.status();
        }
        OptionalLong viewers = stream.viewers();
        return Optional.of(new YouTubeStatus(viewers.isPresent(), viewers.orElse(0), problem));
    }

    /** Whether YouTube chat and viewer counts run (signed in and accepted). */
    synchronized boolean running() {
        return running != null;
    }

    private void announce(ChatCommand command) {
        SponsorChat chat;
        synchronized (this) {
            chat = running == null ? null : running.chat;
        }
        if (chat != null) {
            chat.announce(command);
        }
    }

    /** Runs chat and the viewer counts on the sign-in there is now, if it is not the one they run on already. */
    private synchronized void follow() {
        if (closed) {
            return;
        }
        GoogleCredentials now = account.credentials().orElse(null);
        if (running != null && running.credentials == now) {
            return;
        }
        if (running != null) {
            running.close();
            running = null;
            stream.stopped();
            log.info("YouTube: chat and viewer counts stopped");
        }
        if (now != null) {
            running = new Running(now);
            log.info("YouTube: following your live broadcast's chat and viewer count");
        }
    }

    @Override
    public void close() {
        account.removeListener(follow);
        synchronized (this) {
            closed = true;
            if (running != null) {
                running.close();
                running = null;
                stream.stopped();
            }
        }
        scheduler.shutdownNow();
    }

    /** The live chat and the viewer count on one sign-in. */
    private final class Running implements YouTubeListener, ChatChannel {

        final GoogleCredentials credentials;
        final LiveChatPoller poller;
        final SponsorChat chat;
        /** Each kind of failure to post is logged once; the chat's status counts every message not sent. */
        private final Set<YouTubeException.Kind> notSentLogged = ConcurrentHashMap.newKeySet();
        /** Only the poller's thread touches it. */
        private boolean live;

        Running(GoogleCredentials credentials) {
            this.credentials = credentials;
            YouTubeApi api = new YouTubeApi(http, options.apiUrl(), account.tokens(credentials), options.budget());
            chat = new SponsorChat(this, ANNOUNCE_EVERY_LINES, LIMITS, commands, clicks, options.clock(),
                    ChatScheduler.using(scheduler));
            poller = new LiveChatPoller(api, options.budget(), options.clock(), options.sleeper(), this);
            poller.start();
        }

        @Override
        public ChatPlatform platform() {
            return ChatPlatform.YOUTUBE;
        }

        /** Blocks on YouTube; a message that cannot go now waits for the next live chat, within the send limit. */
        @Override
        public boolean send(String text) {
            try {
                poller.send(ChatChannel.fitted(text, MAX_LENGTH));
                return true;
            } catch (YouTubeException e) {
                if (notSentLogged.add(e.kind())) {
                    log.warn("A YouTube chat answer waits: {}", e.getMessage());
                }
                return false;
            }
        }

        @Override
        public void chatMessage(YouTubeChatMessage message) {
            chat.received(new ChatMessage(message.messageId(), message.channelId(), message.displayName(),
                    message.text(), message.publishedAt() != null ? message.publishedAt() : options.clock().instant(),
                    message.byChatOwner()));
        }

        @Override
        public void liveStatus(YouTubeLiveStatus status) {
            if (status.live() && !live) {
                stream.wentLive();
                chat.canSendAgain();
            } else if (!status.live()) {
                stream.wentOffline();
            }
            live = status.live();
            status.viewers().ifPresent(count -> stream.viewerSample(count, status.at()));
        }

        void close() {
            poller.close();
            chat.close();
        }
    }
}
