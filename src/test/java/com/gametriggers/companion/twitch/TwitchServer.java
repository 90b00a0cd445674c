package com.gametriggers.companion.twitch;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;

/** A MockWebServer standing in for both id.twitch.tv and api.twitch.tv, with a client that gives up quickly. */
final class TwitchServer implements AutoCloseable {

    static final String CLIENT_ID = "test-client-id";

    final MockWebServer server = new MockWebServer();
    final OkHttpClient http = new OkHttpClient.Builder()
            .connectTimeout(2, TimeUnit.SECONDS).readTimeout(2, TimeUnit.SECONDS).build();

    TwitchServer() throws IOException {
        server.start();
    }

    TwitchSettings settings() {
        return new TwitchSettings(CLIENT_ID, server.url("/"), server.url("/helix/"));
    }

    void enqueue(int code, String json) {
        server.enqueue(new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body(json).build());
    }

    void enqueue(MockResponse response) {
        server.enqueue(response);
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(2, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no request reached the server");
        }
        return request;
    }

    @Override
    public void close() {
        server.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
