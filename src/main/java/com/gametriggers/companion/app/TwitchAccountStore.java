package com.gametriggers.companion.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import com.gametriggers.companion.twitch.TwitchCredentials;
import com.gametriggers.companion.twitch.TwitchToken;

/**
 * The streamer's Twitch sign-in, kept in {@code twitch.properties} in the data folder, readable by the user only and
 * replaced in one step (a renewed pair must never be half written: the refresh token before it no longer works).
 * The token never goes to logs; {@link TwitchToken#toString()} masks it.
 */
final class TwitchAccountStore implements TwitchCredentials.Keeper {

    static final String FILE_NAME = "twitch.properties";
    private static final String COMMENT = "GameTriggers Companion: your Twitch sign-in. Keep it private.";
    private static final String REFUSED = "refusedByTwitch";

    /** The kept sign-in; {@code refused} once Twitch refused its refresh token, so only signing in again helps. */
    record Saved(TwitchToken token, boolean refused) {
    }

    private final Path file;

    TwitchAccountStore(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    Optional<Saved> load() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = PrivateFiles.read(file);
        String access = properties.getProperty("accessToken");
        String login = properties.getProperty("login");
        if (access == null || access.isBlank() || login == null || login.isBlank()) {
            throw new IOException(file + " has no Twitch sign-in; remove it and sign in again");
        }
        String expires = properties.getProperty("expiresAt", "");
        TwitchToken token = new TwitchToken(access, properties.getProperty("refreshToken", ""), login,
                properties.getProperty("userId", ""),
                Arrays.stream(properties.getProperty("scopes", "").split(" ")).filter(s -> !s.isBlank()).toList(),
                expires.isBlank() ? null : Instant.parse(expires));
        return Optional.of(new Saved(token, Boolean.parseBoolean(properties.getProperty(REFUSED, "false"))));
    }

    /** Keeps a new sign-in, or a renewed one, in place of the one before. */
    @Override
    public void keep(TwitchToken token) throws IOException {
        PrivateFiles.write(file, properties(token), COMMENT);
    }

    @Override
    public void turnedDown() throws IOException {
        Properties properties = PrivateFiles.read(file);
        properties.setProperty(REFUSED, "true");
        PrivateFiles.write(file, properties, COMMENT);
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    private static Properties properties(TwitchToken token) {
        Properties properties = new Properties();
        properties.setProperty("accessToken", token.accessToken());
        properties.setProperty("refreshToken", token.refreshToken() == null ? "" : token.refreshToken());
        properties.setProperty("login", token.login());
        properties.setProperty("userId", token.userId() == null ? "" : token.userId());
        properties.setProperty("scopes", String.join(" ", token.scopes() == null ? List.of() : token.scopes()));
        properties.setProperty("expiresAt", token.expiresAt() == null ? "" : token.expiresAt().toString());
        return properties;
    }
}
