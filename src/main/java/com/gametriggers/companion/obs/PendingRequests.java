package com.gametriggers.companion.obs;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.google.gson.JsonObject;

/**
 * Requests sent and not answered yet, by {@code requestId}. Once the connection has ended, every open request fails
 * and so does every request opened after, so no caller waits for an answer that cannot come.
 */
final class PendingRequests {

    private record Waiting(String requestType, CompletableFuture<JsonObject> answer) {
    }

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private volatile ObsException ended;

    CompletableFuture<JsonObject> open(String requestId, String requestType) {
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        waiting.put(requestId, new Waiting(requestType, answer));
        // Checked after the put: an end that came in between has either drained this entry or is seen here.
        ObsException why = ended;
        if (why != null) {
            fail(requestId, ObsFailures.lostDuring(requestType, why));
        }
        return answer;
    }

    /** @return whether a request with this id was waiting */
    boolean answer(String requestId, JsonObject responseData) {
        Waiting request = waiting.remove(requestId);
        return request != null && request.answer().complete(responseData);
    }

    void fail(String requestId, ObsException why) {
        Waiting request = waiting.remove(requestId);
        if (request != null) {
            request.answer().completeExceptionally(why);
        }
    }

    /** The connection has ended: fails everything waiting now and anything opened later. The first reason stays. */
    void end(ObsException why) {
        if (ended == null) {
            synchronized (this) {
                if (ended == null) {
                    ended = why;
                }
            }
        }
        ObsException first = ended;
        waiting.forEach((id, request) -> fail(id, ObsFailures.lostDuring(request.requestType(), first)));
    }

    int size() {
        return waiting.size();
    }
}
