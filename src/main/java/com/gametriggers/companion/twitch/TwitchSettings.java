package com.gametriggers.companion.twitch;

import okhttp3.HttpUrl;

/**
 * Where Twitch is and who the app is to it. The app is a public client: it has a client id and no client secret,
 * because a secret shipped in a desktop app is no secret. The base URLs are settings so tests can point them at a
 * local server.
 */
public record TwitchSettings(String clientId, HttpUrl idBaseUrl, HttpUrl helixBaseUrl) {

    public static TwitchSettings production(String clientId) {
        return new TwitchSettings(clientId, HttpUrl.get("https://id.twitch.tv/"), HttpUrl.get("https://api.twitch.tv/helix/"));
    }

    HttpUrl idUrl(String path) {
        return idBaseUrl.newBuilder().addPathSegments(path).build();
    }

    HttpUrl helixUrl(String path) {
        return helixBaseUrl.newBuilder().addPathSegments(path).build();
    }
}
