package com.gametriggers.companion.obs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The answer to OBS's authentication challenge: base64(sha256(base64(sha256(password + salt)) + challenge)). The
 * password itself never goes over the socket, and the challenge changes with every connection.
 */
final class ObsAuthentication {

    private ObsAuthentication() {
    }

    static String response(String password, String salt, String challenge) {
        String secret = base64Sha256(password + salt);
        return base64Sha256(secret + challenge);
    }

    private static String base64Sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
