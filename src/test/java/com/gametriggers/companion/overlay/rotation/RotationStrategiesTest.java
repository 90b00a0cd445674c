package com.gametriggers.companion.overlay.rotation;

import static com.gametriggers.companion.overlay.rotation.Sponsors.candidate;
import static com.gametriggers.companion.overlay.rotation.Sponsors.cpm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.gametriggers.companion.domain.PaymentType;

/** The three ways to pick the next sponsor, and how they are found by name. */
class RotationStrategiesTest {

    @Test
    void roundRobinTakesEveryoneInTurnByIdStartingAfterTheLastShown() {
        SelectionStrategy roundRobin = SelectionStrategy.named("round-robin");
        List<RotationCandidate> candidates = List.of(cpm("p-c", "1"), cpm("p-a", "9"), cpm("p-b", "5"));

        assertThat(sequence(roundRobin, candidates, Optional.empty(), 5))
                .containsExactly("p-a", "p-b", "p-c", "p-a", "p-b");
    }

    @Test
    void roundRobinKeepsItsTurnWhenTheLastShownHasLeft() {
        SelectionStrategy roundRobin = SelectionStrategy.named("round-robin");
        List<RotationCandidate> withoutB = List.of(cpm("p-a", "1"), cpm("p-c", "1"));

        assertThat(roundRobin.pick(withoutB, Optional.of("p-b"))).map(RotationCandidate::participationId).contains("p-c");
        assertThat(roundRobin.pick(withoutB, Optional.of("p-z"))).map(RotationCandidate::participationId).contains("p-a");
    }

    @Test
    void highestPayingComparesCpmAndCpcByExpectedPayPerThousandImpressions() {
        // At one click in 200 impressions, 0.50 per click is worth 2.50 per thousand impressions.
        assertThat(HighestPaying.expectedPayPerThousandImpressions(Sponsors.campaign("c", PaymentType.CPC, "0.50")))
                .isEqualByComparingTo("2.50");
        assertThat(HighestPaying.expectedPayPerThousandImpressions(Sponsors.campaign("c", PaymentType.CPM, "4.00")))
                .isEqualByComparingTo("4.00");

        SelectionStrategy highestPaying = SelectionStrategy.named("highest-paying");
        RotationCandidate cpc050 = candidate("p-cpc", PaymentType.CPC, "0.50", 0);
        RotationCandidate cpm400 = candidate("p-cpm4", PaymentType.CPM, "4.00", 0);
        RotationCandidate cpm200 = candidate("p-cpm2", PaymentType.CPM, "2.00", 0);

        assertThat(highestPaying.pick(List.of(cpc050, cpm400), Optional.empty())).contains(cpm400);
        assertThat(highestPaying.pick(List.of(cpm200, cpc050), Optional.empty())).contains(cpc050);
        assertThat(highestPaying.pick(List.of(cpm200, cpc050, candidate("p-cpc1", PaymentType.CPC, "1.00", 0), cpm400),
                Optional.empty())).map(RotationCandidate::participationId).contains("p-cpc1"); // 5.00 per thousand
    }

    @Test
    void highestPayingBreaksTiesByLeastShownThenById() {
        SelectionStrategy highestPaying = SelectionStrategy.named("highest-paying");
        // 0.80 per click at one click in 200 weighs exactly as 4.00 per thousand impressions.
        RotationCandidate cpmShownTwice = candidate("p-1", PaymentType.CPM, "4.00", 2);
        RotationCandidate cpcShownOnce = candidate("p-2", PaymentType.CPC, "0.80", 1);
        RotationCandidate cpmShownOnce = candidate("p-3", PaymentType.CPM, "4", 1);

        assertThat(highestPaying.pick(List.of(cpmShownTwice, cpmShownOnce, cpcShownOnce), Optional.empty()))
                .contains(cpcShownOnce);
        assertThat(highestPaying.pick(List.of(cpmShownTwice, cpmShownOnce), Optional.empty())).contains(cpmShownOnce);
    }

    @Test
    void highestPayingNeverShowsTheSameSponsorTwiceInARowUnlessItIsTheOnlyOne() {
        SelectionStrategy highestPaying = SelectionStrategy.named("highest-paying");
        List<RotationCandidate> candidates = List.of(cpm("p-low", "1"), cpm("p-top", "10"), cpm("p-mid", "5"));

        assertThat(sequence(highestPaying, candidates, Optional.empty(), 4))
                .containsExactly("p-top", "p-mid", "p-top", "p-mid");
        assertThat(highestPaying.pick(List.of(cpm("p-top", "10")), Optional.of("p-top")))
                .map(RotationCandidate::participationId).contains("p-top");
    }

    @Test
    void leastShownTakesTheFewestShowingsFirstAndTiesById() {
        SelectionStrategy leastShown = SelectionStrategy.named("least-shown");
        RotationCandidate shownFive = candidate("p-1", PaymentType.CPM, "9", 5);
        RotationCandidate shownTwiceB = candidate("p-b", PaymentType.CPM, "1", 2);
        RotationCandidate shownTwiceA = candidate("p-a", PaymentType.CPM, "1", 2);

        assertThat(leastShown.pick(List.of(shownFive, shownTwiceB, shownTwiceA), Optional.empty())).contains(shownTwiceA);
        assertThat(leastShown.pick(List.of(shownFive, shownTwiceB), Optional.empty())).contains(shownTwiceB);
    }

    @Test
    void leastShownNeverShowsTheSameSponsorTwiceInARowUnlessItIsTheOnlyOne() {
        SelectionStrategy leastShown = SelectionStrategy.named("least-shown");
        RotationCandidate neverShown = candidate("p-new", PaymentType.CPM, "1", 0);
        RotationCandidate shownOften = candidate("p-old", PaymentType.CPM, "1", 40);

        assertThat(leastShown.pick(List.of(neverShown, shownOften), Optional.of("p-new"))).contains(shownOften);
        assertThat(leastShown.pick(List.of(neverShown), Optional.of("p-new"))).contains(neverShown);
    }

    @Test
    void everyStrategyPicksNothingFromNoCandidates() {
        for (String name : SelectionStrategy.names()) {
            assertThat(SelectionStrategy.named(name).pick(List.of(), Optional.of("p-1"))).as(name).isEmpty();
        }
    }

    @Test
    void strategiesAreFoundByTheirNamesAndAnUnknownNameIsRefused() {
        assertThat(SelectionStrategy.names()).containsExactly("round-robin", "highest-paying", "least-shown");
        for (String name : SelectionStrategy.names()) {
            assertThat(SelectionStrategy.named(name).name()).isEqualTo(name);
        }
        assertThat(SelectionStrategy.named("highest-paying")).isInstanceOf(HighestPaying.class);
        assertThatThrownBy(() -> SelectionStrategy.named("random"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("random")
                .hasMessageContaining("round-robin");
        assertThatThrownBy(() -> SelectionStrategy.named("Round-Robin")).isInstanceOf(IllegalArgumentException.class);
    }

    /** The ids a strategy shows over {@code count} showings, each pick fed the one before. */
    private static List<String> sequence(SelectionStrategy strategy, List<RotationCandidate> candidates,
            Optional<String> lastShown, int count) {
        List<String> shown = new ArrayList<>();
        Optional<String> last = lastShown;
        for (int i = 0; i < count; i++) {
            last = strategy.pick(candidates, last).map(RotationCandidate::participationId);
            shown.add(last.orElseThrow());
        }
        return shown;
    }
}
