package com.gametriggers.companion.app;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.bson.types.ObjectId;

/**
 * Who the streamer is to the store, and the app's own secrets, made on first start and kept in
 * {@code profile.properties} in the data folder: the streamer id (someone who also uses the platform can put their
 * platform user id there to share its database), the key in the rotation overlay URL, and the secret that signs
 * overlay showings. Values missing from an older profile are added; present ones never change.
 */
record LocalProfile(String streamerId, String rotationKey, String overlaySecret) {

    static final String FILE_NAME = "profile.properties";
    private static final String STREAMER_ID = "streamerId";
    private static final String ROTATION_KEY = "rotationKey";
    private static final String OVERLAY_SECRET = "overlaySecret";
    private static final SecureRandom RANDOM = new SecureRandom();

    static LocalProfile loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        Properties properties = PrivateFiles.read(file);
        boolean changed = fill(properties, file, STREAMER_ID, ObjectId::isValid, () -> new ObjectId().toHexString(),
                "24 hexadecimal characters");
        changed |= fill(properties, file, ROTATION_KEY, LocalProfile::isSecret, LocalProfile::newSecret, "64 hexadecimal characters");
        changed |= fill(properties, file, OVERLAY_SECRET, LocalProfile::isSecret, LocalProfile::newSecret, "64 hexadecimal characters");
        if (changed) {
            PrivateFiles.write(file, properties, "GameTriggers Companion: who this app counts for, and its overlay secrets");
        }
        return new LocalProfile(properties.getProperty(STREAMER_ID), properties.getProperty(ROTATION_KEY),
                properties.getProperty(OVERLAY_SECRET));
    }

    byte[] overlaySecretBytes() {
        return HexFormat.of().parseHex(overlaySecret);
    }

    /** Adds a missing value; refuses a present but malformed one rather than silently replacing what someone set. */
    private static boolean fill(Properties properties, Path file, String name, Predicate<String> valid,
                                Supplier<String> make, String expected) throws IOException {
        String value = properties.getProperty(name);
        if (value == null) {
            properties.setProperty(name, make.get());
            return true;
        }
        if (!valid.test(value.strip())) {
            throw new IOException(file + " has no valid " + name + " (" + expected + " expected)");
        }
        properties.setProperty(name, value.strip());
        return false;
    }

    private static boolean isSecret(String value) {
        return value.matches("[0-9a-f]{64}");
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
