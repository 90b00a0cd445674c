package com.gametriggers.companion.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.chat.ChatBot;
import com.gametriggers.companion.chat.ChatBotStatus;
import com.gametriggers.companion.chat.ChatCommand;
import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.links.TrackingLinks;
import com.gametriggers.companion.overlay.OverlayControl;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackingEvent;
import com.gametriggers.companion.tracking.ViewerKeys;
import com.gametriggers.companion.twitch.HelixClient;
import com.gametriggers.companion.twitch.Sleeper;
import com.gametriggers.companion.twitch.StreamStatusPoller;
import com.gametriggers.companion.twitch.TwitchSettings;
import com.gametriggers.companion.twitch.TwitchToken;

import okhttp3.OkHttpClient;

/**
 * The streamer's Twitch channel, wired to the rest of the app: the chat bot answers sponsors' commands with their
 * tracking links and records each use as a chat click; the stream status poller tells the overlays when the stream is
 * live and records viewer-count samples for the sponsors on screen.
 */
final class TwitchLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TwitchLink.class);

    private final ChatBot chatBot;
    private final StreamStatusPoller poller;
    private final ScheduledExecutorService scheduler;

    private TwitchLink(ChatBot chatBot, StreamStatusPoller poller, ScheduledExecutorService scheduler) {
        this.chatBot = chatBot;
        this.poller = poller;
        this.scheduler = scheduler;
    }

    static TwitchLink start(TwitchEndpoints endpoints, TwitchSettings settings, TwitchToken token, OverlayControl overlay,
                            TrackingLinks links, Tracker tracker, AtomicLong viewers) {
        ChatBot chatBot = ChatBot.open(endpoints.chat(token),
                () -> chatCommands(overlay, links),
                (participationId, messageId, userId, at) -> tracker.record(TrackingEvent.click("chat:" + messageId,
                        participationId, at, ClickType.CHAT, ViewerKeys.forChatUser(userId))).whenComplete((outcome, failure) -> {
                            if (failure != null) {
                                log.warn("A chat command could not be recorded: {}", failure.getMessage());
                            }
                        }));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "twitch-stream-status");
            thread.setDaemon(true);
            return thread;
        });
        HelixClient helix = new HelixClient(new OkHttpClient(), settings, () -> token, Clock.systemUTC(), Sleeper.system());
        StreamStatusPoller poller = new StreamStatusPoller(helix, token.login(), scheduler, endpoints.pollInterval(),
                Clock.systemUTC());
        poller.addListener(new StreamToOverlay(overlay::streamWentLive, overlay::streamWentOffline,
                overlay::participationsOnScreen, tracker, viewers));
        poller.start();
        // While a sponsor is on screen, chat hears its link too, unless the bot spoke within the last lines.
        overlay.onShow(participationId -> chatCommands(overlay, links).stream()
                .filter(command -> command.participationId().equals(participationId))
                .findFirst()
                .ifPresent(chatBot::announce));
        log.info("Twitch: chat bot and stream status for channel {}", token.login());
        return new TwitchLink(chatBot, poller, scheduler);
    }

    /** The commands chat can use now, answered with the tracking link that counts a chat click. */
    private static List<ChatCommand> chatCommands(OverlayControl overlay, TrackingLinks links) {
        return overlay.showableSponsors().stream()
                .filter(sponsor -> sponsor.chatCommand() != null)
                .map(sponsor -> new ChatCommand(sponsor.chatCommand(), sponsor.participationId(), sponsor.brand(),
                        links.viewerUrl(sponsor.browserSourceToken(), ClickType.CHAT,
                                sponsor.campaignId(), sponsor.landingUrl())))
                .toList();
    }

    ChatBotStatus chatBotStatus() {
        return chatBot.status();
    }

    @Override
    public void close() {
        poller.close();
        scheduler.shutdownNow();
        chatBot.close();
    }
}
