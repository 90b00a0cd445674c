package com.gametriggers.companion.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import com.gametriggers.companion.store.ConnectionCode;

/**
 * The connection code the streamer pasted, kept in {@code platform.properties} in the data folder, readable by the
 * user only (its MongoDB URI carries the streamer's password) and replaced in one step. No file: not connected.
 */
final class PlatformAccountFile {

    static final String FILE_NAME = "platform.properties";
    private static final String URI = "mongoUri";
    private static final String USER_ID = "userId";
    private static final String NAME = "displayName";

    private final Path file;

    PlatformAccountFile(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    /** @throws IOException naming the file when it cannot be read or holds no usable connection */
    Optional<ConnectionCode> load() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = PrivateFiles.read(file);
        try {
            return Optional.of(new ConnectionCode(properties.getProperty(URI), properties.getProperty(USER_ID),
                    properties.getProperty(NAME)));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " holds no usable GameTriggers connection (" + e.getMessage()
                    + "); connect again in Settings, or remove the file to use the app's own store.", e);
        }
    }

    void save(ConnectionCode code) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(URI, code.mongoUri());
        properties.setProperty(USER_ID, code.userId());
        properties.setProperty(NAME, code.displayName());
        PrivateFiles.write(file, properties, "GameTriggers Companion: your GameTriggers connection. Keep it private.");
    }

    void forget() throws IOException {
        Files.deleteIfExists(file);
    }
}
