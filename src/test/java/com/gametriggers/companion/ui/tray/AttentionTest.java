package com.gametriggers.companion.ui.tray;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.gametriggers.companion.tracking.WriterStatus;

class AttentionTest {

    /** The only time in this test: the readings are seconds after it. */
    private static final Instant START = Instant.parse("2026-03-14T19:00:00Z");

    private final Attention attention = new Attention();

    @Test
    void aStoreAwayForLessThanAMinuteIsNotTheStreamersBusiness() {
        assertThat(attention.update(offline(3), Optional.empty(), at(0))).isEmpty();
        assertThat(attention.update(offline(9), Optional.empty(), at(59))).isEmpty();
        assertThat(attention.update(online(), Optional.empty(), at(60))).as("back before the minute: no news").isEmpty();
    }

    @Test
    void aStoreAwayForAMinuteIsToldOnceWithTheCountsWaitingAndItsReturnOnce() {
        attention.update(offline(3), Optional.empty(), at(0));

        assertThat(attention.update(offline(1_204), Optional.empty(), at(60))).singleElement().satisfies(notice -> {
            assertThat(notice.title()).isEqualTo("The store cannot be reached");
            assertThat(notice.text()).isEqualTo("For over a minute now. 1,204 counts wait on this computer and are "
                    + "stored when it is back.");
        });
        assertThat(attention.update(offline(1_500), Optional.empty(), at(65))).isEmpty();
        assertThat(attention.update(offline(1_900), Optional.empty(), at(600))).isEmpty();

        assertThat(attention.update(online(), Optional.empty(), at(605))).extracting(Notice::title)
                .containsExactly("Store reachable again");
        assertThat(attention.update(online(), Optional.empty(), at(610))).isEmpty();

        attention.update(offline(1), Optional.empty(), at(700));
        assertThat(attention.update(offline(1), Optional.empty(), at(759))).as("a new outage has its own minute").isEmpty();
        assertThat(attention.update(offline(1), Optional.empty(), at(760))).extracting(Notice::text)
                .containsExactly("For over a minute now. 1 count waits on this computer and is stored when it is back.");
    }

    @Test
    void aRefusedTwitchSignInIsToldOnceUntilItChanges() {
        Optional<String> refused = Optional.of("Twitch no longer accepts your sign-in; sign in again in Settings.");

        assertThat(attention.update(online(), refused, at(0))).singleElement()
                .isEqualTo(new Notice("Twitch needs you", refused.get()));
        assertThat(attention.update(online(), refused, at(5))).isEmpty();
        assertThat(attention.update(online(), Optional.empty(), at(10))).isEmpty();
        assertThat(attention.update(online(), refused, at(15))).as("refused again after a sign-in").hasSize(1);
    }

    @Test
    void aJournalThatCannotBeWrittenIsToldAtOnceAndItsRecoveryOnce() {
        WriterStatus diskFull = new WriterStatus(true, 0, START, null, false, 37, "No space left on device");

        assertThat(attention.update(diskFull, Optional.empty(), at(0))).singleElement().satisfies(notice -> {
            assertThat(notice.title()).isEqualTo("Counts cannot be written to disk");
            assertThat(notice.text()).startsWith("The tracking journal cannot be written (No space left on device); "
                    + "37 events held in memory");
        });
        assertThat(attention.update(diskFull, Optional.empty(), at(5))).isEmpty();
        assertThat(attention.update(online(), Optional.empty(), at(10))).extracting(Notice::title)
                .containsExactly("Counts are written to disk again");
    }

    private static Instant at(long seconds) {
        return START.plus(Duration.ofSeconds(seconds));
    }

    private static WriterStatus offline(long waiting) {
        return new WriterStatus(false, waiting, null, "store unreachable", true, 0, null);
    }

    private static WriterStatus online() {
        return new WriterStatus(true, 0, START, null, true, 0, null);
    }
}
