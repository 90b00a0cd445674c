package com.gametriggers.companion.twitch;

import java.time.Duration;
import java.time.Instant;

/**
 * A started device sign-in: the streamer opens {@code verificationUri} and enters {@code userCode} while the app
 * polls with {@code deviceCode}, which stays in the app and out of {@link #toString()}.
 */
public record DeviceCode(String deviceCode, String userCode, String verificationUri, Instant expiresAt,
                         Duration interval) {

    @Override
    public String toString() {
        return "DeviceCode[deviceCode=" + Secrets.mask(deviceCode) + ", userCode=" + userCode + ", verificationUri="
                + verificationUri + ", expiresAt=" + expiresAt + ", interval=" + interval + "]";
    }
}
