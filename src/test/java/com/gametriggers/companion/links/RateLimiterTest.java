package com.gametriggers.companion.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The limit on tracking links per viewer address: a viewer's phone gets its burst and then one click a second, a
 * script hammering the link gets nothing more, and an evening of many thousands of phones does not grow it without
 * bound. Time is the test's own, in nanoseconds, as the server passes it.
 */
class RateLimiterTest {

    private static final long T0 = 1_000_000_000_000L;
    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void aClientGetsItsBurstAtOnceAndNotOneMore() {
        RateLimiter limiter = new RateLimiter(3, 60);

        assertThat(limiter.allow("phone", T0)).isTrue();
        assertThat(limiter.allow("phone", T0)).isTrue();
        assertThat(limiter.allow("phone", T0)).isTrue();
        assertThat(limiter.allow("phone", T0)).isFalse();
        assertThat(limiter.allow("phone", T0 + 1)).isFalse();
        assertThat(limiter.allow("other phone", T0)).as("another address has its own burst").isTrue();
    }

    @Test
    void theBucketRefillsAtTheRatePerMinuteAndNeverAboveTheBurst() {
        RateLimiter limiter = new RateLimiter(3, 60);
        for (int i = 0; i < 3; i++) {
            limiter.allow("phone", T0);
        }

        assertThat(limiter.allow("phone", T0 + SECOND / 2)).as("half a token after half a second").isFalse();
        long afterASecond = T0 + SECOND + SECOND / 10;
        assertThat(limiter.allow("phone", afterASecond)).as("one token after a second").isTrue();
        assertThat(limiter.allow("phone", afterASecond)).isFalse();

        // An hour of quiet refills the burst, and no more.
        long later = T0 + Duration.ofHours(1).toNanos();
        assertThat(limiter.allow("phone", later)).isTrue();
        assertThat(limiter.allow("phone", later)).isTrue();
        assertThat(limiter.allow("phone", later)).isTrue();
        assertThat(limiter.allow("phone", later)).isFalse();
    }

    @Test
    void pastTenThousandAddressesItForgetsOnlyThoseThatWouldBeAllowedAnyway() {
        RateLimiter limiter = new RateLimiter(3, 60);
        int limit = 10_000;
        for (int i = 0; i < limit; i++) {
            assertThat(limiter.allow("viewer-" + i, T0)).isTrue();
        }
        // A minute later the crowd's buckets are full again; one more address starts hammering the link.
        long minuteLater = T0 + Duration.ofMinutes(1).toNanos();
        assertThat(limiter.allow("hammer", minuteLater)).isTrue();
        assertThat(limiter.clients()).as("up to its limit, every address is kept").isEqualTo(limit + 1);

        assertThat(limiter.allow("hammer", minuteLater)).isTrue();
        assertThat(limiter.clients()).as("past it, only the address being held back").isEqualTo(1);
        assertThat(limiter.allow("hammer", minuteLater)).isTrue();
        assertThat(limiter.allow("hammer", minuteLater)).as("the hammering address is still held back").isFalse();
        assertThat(limiter.allow("viewer-0", minuteLater)).as("a forgotten viewer starts with a full burst").isTrue();
    }
}
