package com.gametriggers.companion.app;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import org.bson.types.ObjectId;

/**
 * Who the streamer is to the store: a streamer id made on first start and kept in {@code profile.properties} in the
 * data folder. Someone who also uses the platform can put their platform user id there to share its database.
 */
record LocalProfile(String streamerId) {

    static final String FILE_NAME = "profile.properties";
    private static final String STREAMER_ID = "streamerId";

    static LocalProfile loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
            String streamerId = properties.getProperty(STREAMER_ID, "").strip();
            if (!ObjectId.isValid(streamerId)) {
                throw new IOException(file + " has no valid " + STREAMER_ID + " (24 hexadecimal characters expected)");
            }
            return new LocalProfile(streamerId);
        }
        LocalProfile profile = new LocalProfile(new ObjectId().toHexString());
        properties.setProperty(STREAMER_ID, profile.streamerId());
        Files.createDirectories(dataDir);
        Path partial = dataDir.resolve(FILE_NAME + ".tmp");
        try (Writer writer = Files.newBufferedWriter(partial)) {
            properties.store(writer, "GameTriggers Companion: the streamer this app counts for");
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return profile;
    }
}
