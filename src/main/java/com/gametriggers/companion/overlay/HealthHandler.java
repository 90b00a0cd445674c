package com.gametriggers.companion.overlay;

import java.io.IOException;

import com.gametriggers.companion.web.Responses;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.WriterStatus;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code /health}: the server answers, and whether tracked counts reach the store. It answers 503 while the journal
 * cannot be written, since events are then held in memory only and a crash would lose them; a store that is offline
 * is not a fault here, since the events wait safely on disk for it.
 */
final class HealthHandler implements HttpHandler {

    private final Tracker tracker;

    HealthHandler(Tracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!Responses.methodIn(exchange, "GET", "HEAD")) {
            return;
        }
        if (!exchange.getRequestURI().getRawPath().equals("/health")) {
            Responses.error(exchange, 404);
            return;
        }
        WriterStatus status = tracker.status();
        JsonObject store = new JsonObject();
        store.addProperty("online", status.online());
        store.addProperty("eventsWaiting", status.eventsWaiting());
        JsonObject journal = new JsonObject();
        journal.addProperty("writing", status.journalWriting());
        journal.addProperty("eventsHeld", status.eventsHeld());
        JsonObject health = new JsonObject();
        health.addProperty("status", status.journalWriting() ? "ok" : "journal-failing");
        if (!status.journalWriting()) {
            health.addProperty("problem", status.sentence());
        }
        health.add("store", store);
        health.add("journal", journal);
        Responses.json(exchange, status.journalWriting() ? 200 : 503, health.toString());
    }
}
