package com.gametriggers.companion.tracking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Turns a client address into a viewer key for the click guard without keeping the address: a SHA-256 of a random
 * salt and the address. The salt lives only in memory, so keys cannot be traced back to addresses later.
 */
public final class ViewerKeys {

    private final byte[] salt;

    private ViewerKeys(byte[] salt) {
        this.salt = salt.clone();
    }

    public static ViewerKeys withRandomSalt() {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        return new ViewerKeys(salt);
    }

    public String forAddress(String clientAddress) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            byte[] digest = sha256.digest(clientAddress.getBytes(StandardCharsets.UTF_8));
            return "a:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** A chat user's key: Twitch's stable user id, which is no secret. */
    public static String forChatUser(String twitchUserId) {
        return "c:" + twitchUserId;
    }
}
