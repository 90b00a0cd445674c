package com.gametriggers.companion.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheCapWithJitterBetweenHalfAndAll() {
        Backoff low = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.0);
        Backoff high = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.999);

        assertThat(low.delay(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(low.delay(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(high.delay(3)).isBetween(Duration.ofMillis(7_990), Duration.ofSeconds(8));
        assertThat(low.delay(10)).isEqualTo(Duration.ofSeconds(15));
        assertThat(high.delay(1_000)).isBetween(Duration.ofMillis(29_900), Duration.ofSeconds(30));
    }
}
