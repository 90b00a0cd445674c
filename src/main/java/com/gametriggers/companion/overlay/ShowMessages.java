package com.gametriggers.companion.overlay;

import java.time.Instant;

import com.gametriggers.companion.links.TrackingLinks;
import com.gametriggers.companion.domain.ClickType;
import com.google.gson.JsonObject;

/** The JSON the overlay page gets for a showing: everything it draws, and the ticket it returns when on air. */
final class ShowMessages {

    private final TrackingLinks links;

    ShowMessages(TrackingLinks links) {
        this.links = links;
    }

    /** {@code durationMs} is the time the showing still has at {@code now}. */
    String show(OverlayEntry entry, ShowTickets.Ticket ticket, Instant until, Instant now) {
        JsonObject message = new JsonObject();
        message.addProperty("ticket", ticket.value());
        message.addProperty("brand", entry.campaign().brandName());
        message.addProperty("campaign", entry.campaign().name());
        message.addProperty("mediaUrl", entry.campaign().mediaUrl());
        message.addProperty("mediaType", entry.campaign().mediaType().wireName());
        message.addProperty("qrUrl", "/qr/" + entry.token() + ".png");
        message.addProperty("trackingUrl", links.viewerUrl(entry.token(), ClickType.LINK, entry.campaign().id(),
                entry.campaign().landingUrl()));
        message.addProperty("chatCommand", entry.participation().chatCommand());
        message.addProperty("durationMs", Math.max(0, until.toEpochMilli() - now.toEpochMilli()));
        return message.toString();
    }

    /**
     * The countdown before a showing due at {@code at}: {@code inMs} is the time left at {@code now}, from which the
     * page counts down on its own clock, so a page that connects mid-countdown picks it up where it is.
     */
    String countdown(Instant at, Instant now) {
        JsonObject message = new JsonObject();
        message.addProperty("inMs", Math.max(0, at.toEpochMilli() - now.toEpochMilli()));
        return message.toString();
    }
}
