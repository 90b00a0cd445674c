package com.gametriggers.companion.youtube;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** A MockWebServer standing in for Google's YouTube API and token endpoint, with a client that gives up quickly. */
final class GoogleServer implements AutoCloseable {

    static final String ACCESS_TOKEN = "ya29.accessTOKEN0123456789";

    final MockWebServer server = new MockWebServer();
    final OkHttpClient http = new OkHttpClient.Builder()
            .connectTimeout(2, TimeUnit.SECONDS).readTimeout(2, TimeUnit.SECONDS).build();

    GoogleServer() throws IOException {
        server.start();
    }

    HttpUrl youtubeUrl() {
        return server.url("/youtube/v3/");
    }

    HttpUrl tokenUrl() {
        return server.url("/token");
    }

    void enqueue(int code, String json) {
        server.enqueue(new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body(json).build());
    }

    /** Google's error shape: {@code {"error":{"code":…,"errors":[{"reason":…}]}}}. */
    void enqueueError(int code, String reason) {
        enqueue(code, "{\"error\":{\"code\":" + code + ",\"message\":\"" + reason + " happened\",\"errors\":[{"
                + "\"domain\":\"youtube.liveChat\",\"reason\":\"" + reason + "\",\"message\":\"text\"}]}}");
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(2, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no request reached the server");
        }
        return request;
    }

    int requestCount() {
        return server.getRequestCount();
    }

    @Override
    public void close() {
        server.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
