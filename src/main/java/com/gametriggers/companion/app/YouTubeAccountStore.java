package com.gametriggers.companion.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

import com.gametriggers.companion.youtube.GoogleCredentials;
import com.gametriggers.companion.youtube.GoogleToken;

/**
 * The streamer's Google sign-in for YouTube, kept in {@code youtube.properties} in the data folder like the Twitch
 * one: readable by the user only, replaced in one step, never logged ({@link GoogleToken#toString()} masks it).
 */
final class YouTubeAccountStore implements GoogleCredentials.Keeper {

    static final String FILE_NAME = "youtube.properties";
    private static final String COMMENT = "GameTriggers Companion: your YouTube (Google) sign-in. Keep it private.";

    private final Path file;

    YouTubeAccountStore(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    Optional<GoogleToken> load() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = PrivateFiles.read(file);
        String access = properties.getProperty("accessToken", "");
        String refresh = properties.getProperty("refreshToken", "");
        if (access.isBlank() && refresh.isBlank()) {
            throw new IOException(file + " has no YouTube sign-in; remove it and sign in again");
        }
        String expires = properties.getProperty("expiresAt", "");
        return Optional.of(new GoogleToken(access, refresh, expires.isBlank() ? null : Instant.parse(expires)));
    }

    @Override
    public void keep(GoogleToken token) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("accessToken", token.accessToken() == null ? "" : token.accessToken());
        properties.setProperty("refreshToken", token.refreshToken() == null ? "" : token.refreshToken());
        properties.setProperty("expiresAt", token.expiresAt() == null ? "" : token.expiresAt().toString());
        PrivateFiles.write(file, properties, COMMENT);
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
