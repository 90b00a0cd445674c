package com.gametriggers.companion.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import com.gametriggers.companion.chat.ChatRateLimiter.Limits;
import com.gametriggers.companion.chat.ChatRateLimiter.NotSentReason;

class ChatRateLimiterTest {

    private final ManualTime time = new ManualTime();
    private final List<Instant> sentAt = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();
    private final Map<String, NotSentReason> notSent = new ConcurrentHashMap<>();
    private final AtomicBoolean connected = new AtomicBoolean(true);

    private ChatRateLimiter limiter(int queueCapacity) {
        Limits limits = new Limits(Duration.ofSeconds(30), 20, 100, queueCapacity, Duration.ofSeconds(60));
        return new ChatRateLimiter(limits, time, time, message -> {
            if (!connected.get()) {
                return false;
            }
            sent.add(message);
            sentAt.add(time.instant());
            return true;
        }, notSent::put);
    }

    @Test
    void neverSendsMoreThanTheLimitInAnySlidingWindow() {
        ChatRateLimiter limiter = limiter(1_000);
        for (int i = 0; i < 50; i++) {
            limiter.submit("m" + i);
            time.advance(Duration.ofMillis(700));
        }
        for (int i = 0; i < 100; i++) {
            time.advance(Duration.ofSeconds(1));
        }

        assertThat(sent).hasSize(50).first().isEqualTo("m0");
        assertThat(sent).isSortedAccordingTo((a, b) -> Integer.compare(number(a), number(b)));
        assertWindowHolds(20);
        assertThat(notSent).isEmpty();
    }

    @Test
    void broadcasterOrModeratorMaySendOneHundred() {
        ChatRateLimiter limiter = limiter(1_000);
        limiter.elevated(true);
        for (int i = 0; i < 150; i++) {
            limiter.submit("m" + i);
        }

        assertThat(sent).hasSize(100);
        time.advance(Duration.ofSeconds(31));
        assertThat(sent).hasSize(150);
        assertWindowHolds(100);
    }

    @Test
    void losingModeratorWaitsUntilTheWindowHasRoomForTwenty() {
        ChatRateLimiter limiter = limiter(1_000);
        limiter.elevated(true);
        for (int i = 0; i < 50; i++) {
            limiter.submit("m" + i);
        }
        limiter.elevated(false);
        limiter.submit("late");

        time.advance(Duration.ofSeconds(29));
        assertThat(sent).hasSize(50);
        time.advance(Duration.ofSeconds(2));
        assertThat(sent).last().isEqualTo("late");
    }

    @Test
    void whatCannotWaitIsReportedNotDropped() {
        ChatRateLimiter limiter = limiter(5);
        for (int i = 0; i < 30; i++) {
            limiter.submit("m" + i);
        }

        assertThat(sent).hasSize(20);
        assertThat(limiter.waiting()).isEqualTo(5);
        assertThat(notSent).hasSize(5).containsValue(NotSentReason.QUEUE_FULL).containsKey("m29");

        connected.set(false);
        time.advance(Duration.ofSeconds(61));
        assertThat(notSent).hasSize(10).containsEntry("m20", NotSentReason.WAITED_TOO_LONG);
        assertThat(limiter.sent() + limiter.notSent()).isEqualTo(30);
    }

    @Test
    void waitsForTheConnectionAndSendsOnWake() {
        ChatRateLimiter limiter = limiter(10);
        connected.set(false);
        limiter.submit("hello");
        time.advance(Duration.ofSeconds(5));
        assertThat(sent).isEmpty();

        connected.set(true);
        limiter.wake();

        assertThat(sent).containsExactly("hello");
    }

    @Test
    void closingReportsWhatWaits() {
        ChatRateLimiter limiter = limiter(10);
        connected.set(false);
        limiter.submit("a");
        limiter.close();
        limiter.submit("b");

        assertThat(notSent).containsEntry("a", NotSentReason.STOPPED).containsEntry("b", NotSentReason.STOPPED);
        assertThat(limiter.notSent()).isEqualTo(2);
    }

    @Test
    void becomingModeratorSendsWhatWaitsAtOnce() {
        ChatRateLimiter limiter = limiter(1_000);
        for (int i = 0; i < 25; i++) {
            limiter.submit("m" + i);
        }
        assertThat(sent).hasSize(20);

        limiter.elevated(true);

        assertThat(sent).hasSize(25).last().isEqualTo("m24");
        assertThat(limiter.waiting()).isZero();
    }

    @Test
    void howeverManyMessagesWaitOneTimerWaitsWithThem() {
        ChatRateLimiter limiter = limiter(1_000);
        for (int i = 0; i < 30; i++) {
            limiter.submit("m" + i);
        }
        limiter.wake();

        assertThat(limiter.waiting()).isEqualTo(10);
        assertThat(time.pending()).isEqualTo(1);
    }

    @Test
    void closingLeavesNothingWaitingAndNoTimerBehind() {
        ChatRateLimiter limiter = limiter(10);
        connected.set(false);
        limiter.submit("a");
        assertThat(time.pending()).as("the wake-up for when it would have waited too long").isEqualTo(1);

        limiter.close();

        assertThat(limiter.waiting()).isZero();
        assertThat(time.pending()).isZero();
    }

    @Test
    void aMessageThatWaitedExactlyItsLongestWaitStillGoes() {
        Limits oneIn10s = new Limits(Duration.ofSeconds(10), 1, 1, 10, Duration.ofSeconds(10));
        ChatRateLimiter limiter = new ChatRateLimiter(oneIn10s, time, time, message -> sent.add(message), notSent::put);
        limiter.submit("first");
        time.advance(Duration.ofMillis(1));
        limiter.submit("second");

        // The window has room again 10 s + 1 ms after the first message: the second has then waited exactly 10 s.
        time.advance(Duration.ofSeconds(10));

        assertThat(sent).containsExactly("first", "second");
        assertThat(notSent).isEmpty();
    }

    @Test
    void theSmallestLimitsThatMakeSenseAreAcceptedAndNothingBelow() {
        Duration second = Duration.ofSeconds(1);
        assertThat(new Limits(second, 1, 1, 0, Duration.ZERO).perWindow()).isEqualTo(1);

        assertThatThrownBy(() -> new Limits(second, 0, 1, 0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limits(second, 2, 1, 0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limits(second, 1, 1, -1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limits(Duration.ZERO, 1, 1, 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limits(second, 1, 1, 0, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertWindowHolds(int limit) {
        for (int i = limit; i < sentAt.size(); i++) {
            assertThat(Duration.between(sentAt.get(i - limit), sentAt.get(i)))
                    .as("messages %d to %d", i - limit, i).isGreaterThan(Duration.ofSeconds(30));
        }
    }

    private static int number(String message) {
        return Integer.parseInt(message.substring(1));
    }
}
