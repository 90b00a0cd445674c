package com.gametriggers.companion.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.chat.ChatClick;
import com.gametriggers.companion.chat.ChatClickSink;
import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackingEvent;
import com.gametriggers.companion.tracking.ViewerKeys;

/**
 * Counts the chat clicks of every platform's chat in the tracker. Ids are unique only within a platform, so the event
 * id and the click guard's viewer key say the platform: one viewer on Twitch and YouTube is two viewers, and two
 * platforms' equal message ids are two clicks.
 */
final class ChatClickRecorder implements ChatClickSink {

    private static final Logger log = LoggerFactory.getLogger(ChatClickRecorder.class);

    private final Tracker tracker;

    ChatClickRecorder(Tracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void chatCommandUsed(ChatClick click) {
        tracker.record(event(click)).whenComplete((outcome, failure) -> {
            if (failure != null) {
                log.warn("A {} chat command could not be recorded: {}", click.platform().displayName(),
                        failure.getMessage());
            }
        });
    }

    /** Twitch's ids are the ones journals and counters written before YouTube already hold, so they stay as they were. */
    static TrackingEvent event(ChatClick click) {
        String eventId = switch (click.platform()) {
            case TWITCH -> "chat:" + click.messageId();
            case YOUTUBE -> "chat:youtube:" + click.messageId();
        };
        String viewerKey = switch (click.platform()) {
            case TWITCH -> ViewerKeys.forChatUser(click.viewerId());
            case YOUTUBE -> "youtube:" + click.viewerId();
        };
        return TrackingEvent.click(eventId, click.participationId(), click.at(), ClickType.CHAT, viewerKey);
    }
}
