package com.gametriggers.companion.tracking;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

import com.gametriggers.companion.domain.ClickType;

/**
 * Something a viewer saw or did, with an id made where it happened: the overlay page's own id for a beacon, Twitch's
 * message id for a chat command, a server-made id for a redirect. The same id sent twice counts once.
 *
 * @param viewerKey who clicked (a chat user id, or a salted hash of the client address), for the click guard; null
 *                  when unknown or for impressions
 */
public record TrackingEvent(String eventId, EventType type, String participationId, Instant occurredAt, long count,
                            String viewerKey) {

    /** Long enough for a UUID with a prefix, short enough that a forged id cannot bloat the journal. */
    public static final int MAX_ID_LENGTH = 128;
    private static final Pattern PARTICIPATION_ID = Pattern.compile("[0-9a-f]{24}");
    private static final String ON_AIR_MARK = "#on-air:";

    public TrackingEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (eventId == null || eventId.isBlank() || eventId.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("An event id must have 1 to " + MAX_ID_LENGTH + " characters");
        }
        if (participationId == null || !PARTICIPATION_ID.matcher(participationId).matches()) {
            throw new IllegalArgumentException("Not a participation id: " + participationId);
        }
        if (count < 0 || (type != EventType.VIEWER_SAMPLE && count < 1)) {
            throw new IllegalArgumentException("Invalid count " + count + " for " + type);
        }
        if (viewerKey != null && viewerKey.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("A viewer key has at most " + MAX_ID_LENGTH + " characters");
        }
    }

    public static TrackingEvent impression(String eventId, String participationId, Instant occurredAt, long viewers) {
        return new TrackingEvent(eventId, EventType.IMPRESSION, participationId, occurredAt, viewers, null);
    }

    public static TrackingEvent viewerSample(String eventId, String participationId, Instant occurredAt, long viewers) {
        return new TrackingEvent(eventId, EventType.VIEWER_SAMPLE, participationId, occurredAt, viewers, null);
    }

    /**
     * A showing's time on air, reported by its page once the showing ends. One event per reported length: a page that
     * reloads mid-showing reports again with a longer time, and the longest one stands.
     */
    public static TrackingEvent onAir(String showingEventId, String participationId, Instant occurredAt, long seconds) {
        return new TrackingEvent(showingEventId + ON_AIR_MARK + seconds, EventType.ON_AIR, participationId, occurredAt,
                seconds, null);
    }

    /** The showing an {@link EventType#ON_AIR} event tells about. */
    public String showingEventId() {
        if (type != EventType.ON_AIR) {
            throw new IllegalStateException(type + " is about no showing");
        }
        return eventId.substring(0, eventId.lastIndexOf(ON_AIR_MARK));
    }

    public static TrackingEvent click(String eventId, String participationId, Instant occurredAt, ClickType type,
                                      String viewerKey) {
        return new TrackingEvent(eventId, EventType.of(type), participationId, occurredAt, 1, viewerKey);
    }

    public boolean isClick() {
        return type.clickType().isPresent();
    }
}
