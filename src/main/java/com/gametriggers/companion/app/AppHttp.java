package com.gametriggers.companion.app;

import java.time.Duration;

import okhttp3.OkHttpClient;

/**
 * The app's one HTTP client, made once by the wiring and handed to everything that talks over the network (Twitch's
 * APIs, Twitch chat, OBS), so they share one pool of threads and connections.
 */
final class AppHttp {

    private AppHttp() {
    }

    static OkHttpClient create() {
        // WebSocket pings find a half-open chat connection that Twitch's own PING (every ~5 minutes) would find late.
        return new OkHttpClient.Builder().pingInterval(Duration.ofMinutes(1)).build();
    }

    /** Ends the client's idle threads, which would otherwise keep the process alive for a minute after it stopped. */
    static void release(OkHttpClient http) {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
