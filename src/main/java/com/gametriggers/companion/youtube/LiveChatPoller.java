package com.gametriggers.companion.youtube;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.concurrent.NamedThreads;
import com.gametriggers.companion.concurrent.Sleeper;
import com.gametriggers.companion.youtube.YouTubeException.Kind;

/**
 * Follows the streamer's YouTube live chat on its own thread ({@code youtube-chat}): finds the live broadcast, reads
 * the chat page after page with {@code nextPageToken}, waiting as long as YouTube asks and longer when the
 * {@link QuotaBudget} says so, and asks for the viewer count once a minute. Messages sent before the poller started
 * are history, not commands to answer now, so the first page's older messages are skipped. When the chat ends it
 * says so and looks for the next broadcast; errors are retried with a growing wait, and an expired sign-in stops it.
 */
public final class LiveChatPoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveChatPoller.class);
    /** Between looks for a live broadcast: 720 units a day at most, at the unconfirmed cost of 1. */
    static final Duration BROADCAST_RETRY = Duration.ofMinutes(2);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
    static final Duration LONGEST_BACKOFF = Duration.ofMinutes(5);

    private final YouTubeApi api;
    private final QuotaBudget budget;
    private final Clock clock;
    private final Sleeper sleeper;
    private final YouTubeListener listener;

    // Touched by the polling thread only (or by a test calling step()).
    private Instant startedAt;
    private LiveBroadcast broadcast;
    private String pageToken;
    private boolean firstPage;
    private Instant viewersDue;
    private Boolean live;
    private Duration backoff;

    /** The chat answers go to; read by whoever sends them. */
    private volatile String liveChatId;
    private volatile Optional<String> status = Optional.empty();
    private volatile boolean closed;
    private Thread thread;

    public LiveChatPoller(YouTubeApi api, QuotaBudget budget, Clock clock, Sleeper sleeper, YouTubeListener listener) {
        this.api = api;
        this.budget = budget;
        this.clock = clock;
        this.sleeper = sleeper;
        this.listener = listener;
    }

    public synchronized void start() {
        if (thread == null && !closed) {
            begin();
            thread = NamedThreads.start("youtube-chat", this::run);
        }
    }

    /** The status bar's sentence, empty while all is well. */
    public Optional<String> status() {
        return status;
    }

    /**
     * Posts {@code text} to the live chat (20 units), on the caller's thread.
     *
     * @throws YouTubeException when there is no live chat, the quota cannot pay for it, or YouTube refuses it
     */
    public void send(String text) throws YouTubeException {
        String chat = liveChatId;
        if (chat == null) {
            throw new YouTubeException(Kind.CHAT_ENDED, "There is no live YouTube chat to answer in");
        }
        if (!budget.canAfford(YouTubeCall.CHAT_INSERT)) {
            throw new YouTubeException(Kind.QUOTA_EXCEEDED,
                    "YouTube's daily quota is used up; the answer was not posted");
        }
        api.insert(chat, text);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    void begin() {
        startedAt = clock.instant();
    }

    private void run() {
        while (!closed) {
            Optional<Duration> wait = step();
            if (wait.isEmpty()) {
                return;
            }
            try {
                sleeper.sleep(wait.get());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One round of work; how long to wait before the next, or empty when only a new sign-in can go on. */
    Optional<Duration> step() {
        try {
            if (budget.remaining() < YouTubeCall.CHAT_LIST.units()) {
                return Optional.of(paced(Duration.ZERO));
            }
            if (broadcast == null) {
                return Optional.of(findBroadcast());
            }
            if (!clock.instant().isBefore(viewersDue)) {
                pollViewers();
                if (broadcast == null) {
                    return Optional.of(BROADCAST_RETRY);
                }
            }
            return Optional.of(readChat());
        } catch (YouTubeException e) {
            return failed(e);
        } catch (RuntimeException e) {
            log.error("Following the YouTube chat failed unexpectedly", e);
            return Optional.of(backOff("YouTube chat stopped on an unexpected error (see the log)"));
        }
    }

    private Duration findBroadcast() throws YouTubeException {
        Optional<LiveBroadcast> found = api.activeBroadcast();
        backoff = null;
        if (found.isEmpty()) {
            tellLive(false, OptionalLong.empty());
            report(Optional.empty());
            return BROADCAST_RETRY;
        }
        broadcast = found.get();
        liveChatId = broadcast.liveChatId();
        pageToken = null;
        firstPage = true;
        viewersDue = clock.instant();
        budget.streamStarted();
        report(Optional.empty());
        return Duration.ZERO;
    }

    private void pollViewers() throws YouTubeException {
        LiveDetails details = api.liveDetails(broadcast.id());
        viewersDue = clock.instant().plus(QuotaBudget.VIEWER_INTERVAL);
        if (details.over(broadcast.liveChatId() != null)) {
            ended("The YouTube broadcast has ended");
        } else {
            tellLive(true, details.concurrentViewers());
        }
    }

    private Duration readChat() throws YouTubeException {
        if (liveChatId == null) {
            // Live without a chat: only the viewer count to follow.
            return Duration.between(clock.instant(), viewersDue);
        }
        ChatPage page = api.chatPage(liveChatId, pageToken);
        backoff = null;
        for (YouTubeChatMessage message : page.messages()) {
            boolean history = firstPage && message.publishedAt() != null && message.publishedAt().isBefore(startedAt);
            if (!history) {
                tell(message);
            }
        }
        firstPage = false;
        pageToken = page.nextPageToken();
        if (page.ended()) {
            ended("The YouTube live chat has ended");
            return BROADCAST_RETRY;
        }
        return paced(page.pollingInterval());
    }

    private Duration paced(Duration asked) {
        ChatPace pace = budget.chatPace(asked);
        report(pace.status());
        return pace.delay();
    }

    private Optional<Duration> failed(YouTubeException e) {
        return switch (e.kind()) {
            case SIGN_IN_EXPIRED -> {
                report(Optional.of(e.getMessage()));
                yield Optional.empty();
            }
            case QUOTA_EXCEEDED -> Optional.of(paced(Duration.ZERO));
            case CHAT_ENDED -> {
                ended(e.getMessage());
                yield Optional.of(BROADCAST_RETRY);
            }
            case RATE_LIMITED, OTHER -> Optional.of(backOff(e.getMessage()));
        };
    }

    /** Waits twice as long as last time, up to five minutes, so a YouTube outage is not hammered. */
    private Duration backOff(String problem) {
        backoff = backoff == null ? FIRST_BACKOFF : min(backoff.multipliedBy(2), LONGEST_BACKOFF);
        report(Optional.of(problem + "; trying again in " + backoff.toSeconds() + " s"));
        return backoff;
    }

    private void ended(String sentence) {
        broadcast = null;
        liveChatId = null;
        tellLive(false, OptionalLong.empty());
        report(Optional.of(sentence));
    }

    /** One message's failure must not cost the rest of the page, which is never read again. */
    private void tell(YouTubeChatMessage message) {
        try {
            listener.chatMessage(message);
        } catch (RuntimeException e) {
            log.error("A YouTube chat listener failed", e);
        }
    }

    private void tellLive(boolean nowLive, OptionalLong viewers) {
        if (!nowLive && Boolean.FALSE.equals(live)) {
            return;
        }
        live = nowLive;
        try {
            listener.liveStatus(new YouTubeLiveStatus(nowLive, viewers, clock.instant()));
        } catch (RuntimeException e) {
            log.error("A YouTube listener failed", e);
        }
    }

    private void report(Optional<String> sentence) {
        if (Objects.equals(status, sentence)) {
            return;
        }
        status = sentence;
        sentence.ifPresent(text -> log.warn("YouTube chat: {}", text));
        try {
            listener.status(sentence);
        } catch (RuntimeException e) {
            log.error("A YouTube listener failed", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
