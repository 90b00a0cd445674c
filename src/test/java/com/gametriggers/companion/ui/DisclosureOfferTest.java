package com.gametriggers.companion.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.gametriggers.companion.twitch.DisclosureCheck;
import com.gametriggers.companion.twitch.DisclosureWarning;
import com.gametriggers.companion.twitch.MissingScopeException;

/** The one-click disclosure offer without a window: when it shows, and what a click answers. */
class DisclosureOfferTest {

    private static final DisclosureWarning WARNING = new DisclosureWarning(Instant.parse("2030-05-01T12:00:00Z"),
            "Your stream shows sponsors but does not disclose them.");

    private final DisclosureOffer offer = new DisclosureOffer();

    @Test
    void itShowsOnlyWhileTheStreamDoesNotDisclose() {
        assertThat(offer.visible()).isFalse();

        offer.show(Optional.of(WARNING));
        assertThat(offer.visible()).isTrue();
        assertThat(offer.enabled()).isTrue();
        assertThat(offer.explanation()).isEqualTo(WARNING.sentence());

        offer.show(Optional.empty());
        assertThat(offer.visible()).isFalse();
    }

    @Test
    void aClickTurnsTheLabelOnAndTheOfferEnds() throws Exception {
        offer.show(Optional.of(WARNING));

        var work = offer.turnOn(() -> DisclosureCheck.TURNED_ON);
        assertThat(offer.enabled()).as("one click, one change").isFalse();

        assertThat(offer.answered(work.call())).isEqualTo(DisclosureCheck.TURNED_ON);
        assertThat(offer.visible()).isFalse();
    }

    @Test
    void anOlderSignInIsAskedToSignInAgainAndTheOfferStays() throws Exception {
        offer.show(Optional.of(WARNING));

        var work = offer.turnOn(() -> MissingScopeException.MESSAGE);

        assertThat(offer.answered(work.call())).isEqualTo(MissingScopeException.MESSAGE)
                .contains("sign in with Twitch again");
        assertThat(offer.visible()).isTrue();
        assertThat(offer.enabled()).isTrue();
    }
}
