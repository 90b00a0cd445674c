package com.gametriggers.companion.overlay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A ticket names one showing of a sponsor on an overlay page. The page sends it back in its beacon to say the
 * showing was on air. It is signed with the app's secret, so a beacon can only count a showing the server really
 * issued, for the participation it was issued for, even after the app restarted (the page keeps unacknowledged
 * beacons across reloads and resends them).
 */
final class ShowTickets {

    /** A beacon for a showing older than this is refused: the page has had plenty of time to deliver it. */
    static final Duration MAX_AGE = Duration.ofDays(2);
    private static final Pattern FORMAT = Pattern.compile("([0-9a-f]{24})\\.([0-9a-z]{1,12})\\.([0-9a-f]{16})\\.([A-Za-z0-9_-]{22})");

    /** What a valid ticket says. */
    record Ticket(String participationId, Instant issuedAt, String value) {

        /** The impression's event id: the same showing counts once, however often and from wherever it is reported. */
        String eventId() {
            return "imp:" + value.substring(0, value.lastIndexOf('.'));
        }
    }

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    ShowTickets(byte[] secret) {
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    Ticket issue(String participationId, Instant now) {
        byte[] nonce = new byte[8];
        random.nextBytes(nonce);
        String unsigned = participationId + "." + Long.toString(now.toEpochMilli(), 36) + "." + HexFormat.of().formatHex(nonce);
        return new Ticket(participationId, now, unsigned + "." + sign(unsigned));
    }

    Optional<Ticket> verify(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        var matcher = FORMAT.matcher(value);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String unsigned = value.substring(0, value.lastIndexOf('.'));
        byte[] expected = sign(unsigned).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, matcher.group(4).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Instant issuedAt;
        try {
            issuedAt = Instant.ofEpochMilli(Long.parseLong(matcher.group(2), 36));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (issuedAt.isAfter(now.plusSeconds(60)) || issuedAt.plus(MAX_AGE).isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(new Ticket(matcher.group(1), issuedAt, value));
    }

    private String sign(String unsigned) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }
}
