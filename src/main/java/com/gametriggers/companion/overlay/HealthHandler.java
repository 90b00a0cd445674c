package com.gametriggers.companion.overlay;

import java.io.IOException;

import com.gametriggers.companion.web.Responses;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.WriterStatus;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/** {@code /health}: the server answers, and whether tracked counts reach the store. */
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
        JsonObject health = new JsonObject();
        health.addProperty("status", "ok");
        health.add("store", store);
        Responses.json(exchange, 200, health.toString());
    }
}
