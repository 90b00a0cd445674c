package com.gametriggers.companion.youtube;

import java.util.Optional;

import okhttp3.HttpUrl;

/**
 * Where and as whom the app signs in with Google. The client id is the app's "Desktop app" client, set at build time
 * like Twitch's. Google's token endpoint calls the client secret optional and says installed apps cannot keep it
 * secret; whether a Desktop client is always given one is unconfirmed, so it is sent only when the build has one.
 */
public record GoogleOAuthSettings(String clientId, Optional<String> clientSecret, HttpUrl authUrl, HttpUrl tokenUrl) {

    /** Reading the chat, the broadcast and the viewer count, and posting answers; see docs/ARCHITECTURE.md. */
    public static final String SCOPE = "https://www.googleapis.com/auth/youtube";

    public static GoogleOAuthSettings google(String clientId, Optional<String> clientSecret) {
        return new GoogleOAuthSettings(clientId, clientSecret,
                HttpUrl.get("https://accounts.google.com/o/oauth2/v2/auth"),
                HttpUrl.get("https://oauth2.googleapis.com/token"));
    }

    @Override
    public String toString() {
        return "GoogleOAuthSettings[clientId=" + clientId + ", clientSecret="
                + clientSecret.map(GoogleToken::mask).orElse("none") + ", authUrl=" + authUrl + ", tokenUrl="
                + tokenUrl + "]";
    }
}
