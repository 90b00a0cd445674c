package com.gametriggers.companion.links;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address: {@code burst} requests at once, refilled at {@code perMinute}. Bounded in
 * memory: when it tracks too many clients it forgets those with full buckets, who would be allowed anyway.
 */
final class RateLimiter {

    private static final int MAX_CLIENTS = 10_000;

    private static final class Bucket {
        double tokens;
        long updatedNanos;
    }

    private final int burst;
    private final double tokensPerNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int burst, int perMinute) {
        this.burst = burst;
        this.tokensPerNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
    }

    boolean allow(String client, long nowNanos) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.values().removeIf(bucket -> refill(bucket, nowNanos) >= burst);
        }
        Bucket bucket = buckets.computeIfAbsent(client, key -> {
            Bucket fresh = new Bucket();
            fresh.tokens = burst;
            fresh.updatedNanos = nowNanos;
            return fresh;
        });
        synchronized (bucket) {
            refill(bucket, nowNanos);
            if (bucket.tokens < 1) {
                return false;
            }
            bucket.tokens -= 1;
            return true;
        }
    }

    /** How many clients it keeps a bucket for. */
    int clients() {
        return buckets.size();
    }

    private double refill(Bucket bucket, long nowNanos) {
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (nowNanos - bucket.updatedNanos) * tokensPerNano);
            bucket.updatedNanos = nowNanos;
            return bucket.tokens;
        }
    }
}
