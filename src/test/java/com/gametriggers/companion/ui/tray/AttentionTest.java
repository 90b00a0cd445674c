package com.gametriggers.companion.ui.tray;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.gametriggers.companion.overlay.CreativeProblem;
import com.gametriggers.companion.tracking.WriterStatus;
import com.gametriggers.companion.twitch.DisclosureWarning;

class AttentionTest {

    /** The only time in this test: the readings are seconds after it. */
    private static final Instant START = Instant.parse("2026-03-14T19:00:00Z");

    private final Attention attention = new Attention();

    @Test
    void aStreamWithoutDisclosureIsToldOnceAndTheNextStreamAgain() {
        DisclosureWarning first = new DisclosureWarning(at(0),
                "Your stream shows sponsors but does not disclose them.");

        assertThat(attention.disclosureNotice(Optional.of(first))).hasValueSatisfying(notice -> {
            assertThat(notice.title()).isEqualTo("Disclose your sponsors");
            assertThat(notice.text()).isEqualTo(first.sentence());
        });
        assertThat(attention.disclosureNotice(Optional.of(first))).as("the next reading").isEmpty();
        assertThat(attention.disclosureNotice(Optional.empty())).as("disclosed for a while").isEmpty();
        assertThat(attention.disclosureNotice(Optional.of(first))).as("undisclosed again, same stream").isEmpty();

        DisclosureWarning next = new DisclosureWarning(at(7200), first.sentence());
        assertThat(attention.disclosureNotice(Optional.of(next))).as("the next stream").isPresent();
    }

    @Test
    void aStoreAwayForLessThanAMinuteIsNotTheStreamersBusiness() {
        assertThat(attention.update(offline(3), Optional.empty(), List.of(), at(0))).isEmpty();
        assertThat(attention.update(offline(9), Optional.empty(), List.of(), at(59))).isEmpty();
        assertThat(attention.update(online(), Optional.empty(), List.of(), at(60))).as("back before the minute: no news").isEmpty();
    }

    @Test
    void aStoreAwayForAMinuteIsToldOnceWithTheCountsWaitingAndItsReturnOnce() {
        attention.update(offline(3), Optional.empty(), List.of(), at(0));

        assertThat(attention.update(offline(1_204), Optional.empty(), List.of(), at(60))).singleElement().satisfies(notice -> {
            assertThat(notice.title()).isEqualTo("The store cannot be reached");
            assertThat(notice.text()).isEqualTo("For over a minute now. 1,204 counts wait on this computer and are "
                    + "stored when it is back.");
        });
        assertThat(attention.update(offline(1_500), Optional.empty(), List.of(), at(65))).isEmpty();
        assertThat(attention.update(offline(1_900), Optional.empty(), List.of(), at(600))).isEmpty();

        assertThat(attention.update(online(), Optional.empty(), List.of(), at(605))).extracting(Notice::title)
                .containsExactly("Store reachable again");
        assertThat(attention.update(online(), Optional.empty(), List.of(), at(610))).isEmpty();

        attention.update(offline(1), Optional.empty(), List.of(), at(700));
        assertThat(attention.update(offline(1), Optional.empty(), List.of(), at(759))).as("a new outage has its own minute").isEmpty();
        assertThat(attention.update(offline(1), Optional.empty(), List.of(), at(760))).extracting(Notice::text)
                .containsExactly("For over a minute now. 1 count waits on this computer and is stored when it is back.");
    }

    @Test
    void aRefusedTwitchSignInIsToldOnceUntilItChanges() {
        Optional<String> refused = Optional.of("Twitch no longer accepts your sign-in; sign in again in Settings.");

        assertThat(attention.update(online(), refused, List.of(), at(0))).singleElement()
                .isEqualTo(new Notice("Twitch needs you", refused.get()));
        assertThat(attention.update(online(), refused, List.of(), at(5))).isEmpty();
        assertThat(attention.update(online(), Optional.empty(), List.of(), at(10))).isEmpty();
        assertThat(attention.update(online(), refused, List.of(), at(15))).as("refused again after a sign-in").hasSize(1);
    }

    @Test
    void aJournalThatCannotBeWrittenIsToldAtOnceAndItsRecoveryOnce() {
        WriterStatus diskFull = new WriterStatus(true, 0, START, null, false, 37, "No space left on device");

        assertThat(attention.update(diskFull, Optional.empty(), List.of(), at(0))).singleElement().satisfies(notice -> {
            assertThat(notice.title()).isEqualTo("Counts cannot be written to disk");
            assertThat(notice.text()).startsWith("The tracking journal cannot be written (No space left on device); "
                    + "37 events held in memory");
        });
        assertThat(attention.update(diskFull, Optional.empty(), List.of(), at(5))).isEmpty();
        assertThat(attention.update(online(), Optional.empty(), List.of(), at(10))).extracting(Notice::title)
                .containsExactly("Counts are written to disk again");
    }

    @Test
    void aCreativeObsCouldNotShowIsToldOncePerSponsorPerProblem() {
        CreativeProblem echoFormat = new CreativeProblem("p-echo", "Echo Gear", "OBS could not show Echo Gear's video: "
                + "the format is not supported by OBS's browser. Ask the sponsor for an MP4 (H.264) or WebM, or an image.",
                at(0));
        CreativeProblem nova404 = new CreativeProblem("p-nova", "Nova Energy", "OBS could not show Nova Energy's image: "
                + "its address answers HTTP 404 (not found). Ask the sponsor for a working address.", at(3));

        assertThat(attention.update(online(), Optional.empty(), List.of(echoFormat), at(5))).singleElement()
                .isEqualTo(new Notice("OBS could not show a sponsor", echoFormat.sentence()));
        assertThat(attention.update(online(), Optional.empty(), List.of(echoFormat), at(10)))
                .as("the same sponsor's same problem, read again").isEmpty();
        assertThat(attention.update(online(), Optional.empty(), List.of(echoFormat, nova404), at(15)))
                .as("only the new sponsor's").extracting(Notice::text).containsExactly(nova404.sentence());

        CreativeProblem echo404 = new CreativeProblem("p-echo", "Echo Gear", "OBS could not show Echo Gear's video: "
                + "its address answers HTTP 404 (not found). Ask the sponsor for a working address.", at(20));
        assertThat(attention.update(online(), Optional.empty(), List.of(echo404, nova404), at(25)))
                .as("the same sponsor with another problem").extracting(Notice::text).containsExactly(echo404.sentence());

        assertThat(attention.update(online(), Optional.empty(), List.of(nova404), at(30))).as("one fixed").isEmpty();
        assertThat(attention.update(online(), Optional.empty(), List.of(echo404, nova404), at(35)))
                .as("broken again after it was gone").hasSize(1);
    }

    @Test
    void aCreativeProblemComesWithTheOtherNoticesOfTheSameReading() {
        CreativeProblem problem = new CreativeProblem("p-echo", "Echo Gear", "OBS could not show Echo Gear's image: "
                + "its address answers HTTP 404 (not found). Ask the sponsor for a working address.", at(0));
        Optional<String> refused = Optional.of("Twitch no longer accepts your sign-in; sign in again in Settings.");

        assertThat(attention.update(online(), refused, List.of(problem), at(0))).extracting(Notice::title)
                .containsExactly("Twitch needs you", "OBS could not show a sponsor");
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
