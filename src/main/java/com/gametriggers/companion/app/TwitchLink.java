package com.gametriggers.companion.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.concurrent.NamedThreads;
import com.gametriggers.companion.chat.ChatBot;
import com.gametriggers.companion.chat.ChatBotSettings;
import com.gametriggers.companion.chat.ChatBotStatus;
import com.gametriggers.companion.chat.ChatClickSink;
import com.gametriggers.companion.chat.ChatCommand;
import com.gametriggers.companion.chat.ChatPlatform;
import com.gametriggers.companion.concurrent.Sleeper;
import com.gametriggers.companion.links.TrackingLinks;
import com.gametriggers.companion.overlay.OverlayControl;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.twitch.DisclosureCheck;
import com.gametriggers.companion.twitch.DisclosureWarning;
import com.gametriggers.companion.twitch.HelixClient;
import com.gametriggers.companion.twitch.SignInExpiredException;
import com.gametriggers.companion.twitch.StreamListener;
import com.gametriggers.companion.twitch.StreamStatusPoller;
import com.gametriggers.companion.twitch.TokenValidation;
import com.gametriggers.companion.twitch.TwitchCredentials;
import com.gametriggers.companion.twitch.TwitchException;
import com.gametriggers.companion.twitch.TwitchToken;

import okhttp3.OkHttpClient;

/**
 * The streamer's Twitch channel, wired to the rest of the app: the chat bot answers sponsors' commands with their
 * tracking links and records each use as a chat click; the stream status poller tells the overlays when the stream is
 * live and records viewer-count samples for the sponsors on screen, and checks on the same polls that a live stream
 * with sponsors discloses them. It follows the sign-in while the services run:
 * signing in starts both at once, signing out (or a sign-in Twitch refuses for good) stops them. While they run, the
 * sign-in is validated at start and every hour, and renewed whenever Twitch answers 401.
 */
final class TwitchLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TwitchLink.class);
    static final Duration POLL_INTERVAL = Duration.ofSeconds(60);
    /** Twitch asks apps to validate their tokens at start and hourly. */
    static final Duration VALIDATE_EVERY = Duration.ofHours(1);
    static final String NOT_SIGNED_IN = "Sign in with Twitch in Settings first; the app changes your channel's label "
            + "through your sign-in.";

    /** Where chat is and how often Twitch is asked: Twitch's own in the app, a local stand-in in tests. */
    record Options(String chatUrl, Duration pollInterval, Duration validateEvery, Clock clock) {

    }

    /**
     * What the disclosure check needs from the rest of the app.
     *
     * @param sponsorsOnRotation whether a sponsor may be shown now
     * @param tags               the title tags that disclose sponsors, as the settings say now
     */
    record Disclosure(BooleanSupplier sponsorsOnRotation, Supplier<List<String>> tags) {

    }

    private final TwitchSignIn account;
    private final OkHttpClient http;
    private final StreamListener stream;
    private final Disclosure disclosure;
    private final Supplier<List<ChatCommand>> commands;
    private final ChatClickSink clicks;
    private final Runnable stopped;
    private final Options options;
    /** The poller's polls and the hourly validation; renewals run here too, off the chat bot's socket threads. */
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            NamedThreads.factory("twitch"));
    private final Runnable follow = this::follow;

    /* Guarded by this. */
    private Running running;
    private boolean closed;

    /**
     * Starts following {@code account} at once.
     *
     * @param stopped runs each time chat and the stream status stop, so the audience forgets Twitch's viewer count
     */
    TwitchLink(TwitchSignIn account, OkHttpClient http, StreamListener stream, Disclosure disclosure,
               Supplier<List<ChatCommand>> commands, ChatClickSink clicks, Runnable stopped, Options options) {
        this.account = account;
        this.http = http;
        this.stream = stream;
        this.disclosure = disclosure;
        this.commands = commands;
        this.clicks = clicks;
        this.stopped = stopped;
        this.options = options;
        account.addListener(follow);
        follow();
    }

    static TwitchLink start(TwitchSignIn account, OkHttpClient http, OverlayControl overlay, TrackingLinks links,
                            Tracker tracker, StreamToOverlay audience, Supplier<List<String>> disclosureTags,
                            Options options) {
        StreamToOverlay.Source stream = audience.source(ChatPlatform.TWITCH);
        TwitchLink link = new TwitchLink(account, http, stream,
                new Disclosure(() -> !overlay.showableSponsors().isEmpty(), disclosureTags),
                () -> SponsorCommands.now(overlay, links),
                new ChatClickRecorder(tracker),
                stream::stopped, options);
        SponsorCommands.announceOnShow(overlay, links, link::announce);
        return link;
    }

    /** Why the sign-in needs the streamer (Twitch refused it), empty while it works or nobody is signed in. */
    Optional<String> needsStreamer() {
        return account.needsStreamer();
    }

    /** The live stream's missing disclosure of its sponsors; empty while not signed in. */
    synchronized Optional<DisclosureWarning> disclosureWarning() {
        return Optional.ofNullable(running).flatMap(current -> current.disclosure.warning());
    }

    /** Turns on the channel's branded-content label: one sentence saying it is on, or why not. Blocks on Twitch. */
    String turnOnBrandedContent() {
        DisclosureCheck check;
        synchronized (this) {
            check = running == null ? null : running.disclosure;
        }
        return check == null ? NOT_SIGNED_IN : check.turnOnBrandedContent();
    }

    /** Empty while not signed in. */
    synchronized Optional<ChatBotStatus> chatBotStatus() {
        return Optional.ofNullable(running).map(current -> current.bot.status());
    }

    private void announce(ChatCommand command) {
        ChatBot bot;
        synchronized (this) {
            bot = running == null ? null : running.bot;
        }
        if (bot != null) {
            bot.announce(command);
        }
    }

    /** Runs chat and the stream status on the sign-in there is now, if it is not the one they run on already. */
    private synchronized void follow() {
        if (closed) {
            return;
        }
        TwitchCredentials now = account.credentials().orElse(null);
        if (running != null && running.credentials == now) {
            return;
        }
        if (running != null) {
            running.close();
            running = null;
            stopped.run();
            log.info("Twitch: chat bot and stream status stopped");
        }
        if (now != null) {
            running = new Running(now);
            log.info("Twitch: chat bot and stream status for channel {}", now.current().login());
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
            }
        }
        scheduler.shutdownNow();
    }

    /** Chat and the stream status on one sign-in. */
    private final class Running implements TwitchCredentials.Listener {

        final TwitchCredentials credentials;
        final ChatBot bot;
        final StreamStatusPoller poller;
        final DisclosureCheck disclosure;
        final ScheduledFuture<?> validation;
        /** Only the scheduler's thread uses it: the validation problem logged last, so each is logged once. */
        private String validationProblem;

        Running(TwitchCredentials credentials) {
            this.credentials = credentials;
            TwitchToken token = credentials.current();
            bot = ChatBot.open(ChatBotSettings.twitch(token.login(), token.accessToken(), token.login())
                    .withUrl(options.chatUrl()), commands, clicks, http, options.clock());
            bot.onLoginRejected(rejected -> scheduler.execute(() -> renewForChat(rejected)));
            credentials.addListener(this);
            HelixClient helix = new HelixClient(http, credentials.settings(), credentials, options.clock(),
                    Sleeper.system());
            poller = new StreamStatusPoller(helix, token.login(), scheduler, options.pollInterval(), options.clock());
            poller.addListener(stream);
            // On the poller's thread, after its own call: the channel is read in the same poll, without a timer.
            disclosure = new DisclosureCheck(helix, credentials, TwitchLink.this.disclosure.sponsorsOnRotation(),
                    TwitchLink.this.disclosure.tags(), DisclosureCheck.READ_EVERY);
            poller.addListener(disclosure);
            poller.start();
            validation = scheduler.scheduleWithFixedDelay(this::validate, 0, options.validateEvery().toMillis(),
                    TimeUnit.MILLISECONDS);
        }

        @Override
        public void renewed(TwitchToken token) {
            bot.useToken(token.accessToken());
        }

        private void renewForChat(String rejected) {
            try {
                bot.useToken(credentials.renewAfter(rejected).accessToken());
            } catch (SignInExpiredException e) {
                // The sign-in tells the link, which stops chat.
            } catch (TwitchException e) {
                log.warn("Chat waits for a renewed Twitch sign-in: {}", e.getMessage());
            }
        }

        /** Catches everything: an exception thrown into a scheduled executor silently ends all later runs. */
        private void validate() {
            try {
                TokenValidation answer = credentials.validate();
                String problem = answer instanceof TokenValidation.Unreachable unreachable ? unreachable.message() : null;
                if (problem != null && !problem.equals(validationProblem)) {
                    log.warn("The Twitch sign-in could not be checked: {}", problem);
                }
                validationProblem = problem;
            } catch (RuntimeException e) {
                log.error("Checking the Twitch sign-in failed unexpectedly", e);
            }
        }

        void close() {
            credentials.removeListener(this);
            validation.cancel(false);
            poller.close();
            bot.close();
        }
    }
}
