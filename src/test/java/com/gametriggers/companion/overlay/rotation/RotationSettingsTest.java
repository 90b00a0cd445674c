package com.gametriggers.companion.overlay.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RotationSettingsTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void theDefaultsShowEachSponsorTwentySecondsEveryFiveMinutesFromTwoMinutesAfterGoingLiveInTurn() {
        RotationSettings defaults = RotationSettings.defaults();

        assertThat(defaults.displayDuration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(defaults.timeBetweenSponsors()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.delayAfterGoingLive()).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.strategy()).isEqualTo("round-robin");
        assertThat(defaults.dailyShowingsPerSponsor()).as("no daily limit").isZero();
    }

    @Test
    void theDailyLimitMayBeZeroForNoneButNotNegative() {
        RotationSettings limited = RotationSettings.defaults().withDailyShowingsPerSponsor(3);
        assertThat(limited.reachedDailyLimit(2)).isFalse();
        assertThat(limited.reachedDailyLimit(3)).isTrue();
        assertThat(RotationSettings.defaults().reachedDailyLimit(1_000_000)).isFalse();

        assertThatThrownBy(() -> RotationSettings.defaults().withDailyShowingsPerSponsor(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dailyShowingsPerSponsor");
    }

    @Test
    void aShowingMustLast() {
        assertThatThrownBy(() -> new RotationSettings(Duration.ZERO, SECOND, SECOND, "round-robin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("displayDuration");
        assertThatThrownBy(() -> new RotationSettings(SECOND.negated(), SECOND, SECOND, "round-robin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("displayDuration");
    }

    @Test
    void waitsMayBeZeroButNotNegative() {
        RotationSettings noWaits = new RotationSettings(SECOND, Duration.ZERO, Duration.ZERO, "least-shown");
        assertThat(noWaits.timeBetweenSponsors()).isZero();

        assertThatThrownBy(() -> new RotationSettings(SECOND, SECOND.negated(), SECOND, "round-robin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeBetweenSponsors");
        assertThatThrownBy(() -> new RotationSettings(SECOND, SECOND, SECOND.negated(), "round-robin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delayAfterGoingLive");
    }

    @Test
    void theStrategyMustBeOneTheAppKnows() {
        assertThat(new RotationSettings(SECOND, SECOND, SECOND, "highest-paying").selectionStrategy().name())
                .isEqualTo("highest-paying");
        assertThatThrownBy(() -> new RotationSettings(SECOND, SECOND, SECOND, "most-clicked"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("most-clicked");
        assertThatThrownBy(() -> new RotationSettings(SECOND, SECOND, SECOND, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void everyDurationIsRequired() {
        assertThatThrownBy(() -> new RotationSettings(null, SECOND, SECOND, "round-robin")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RotationSettings(SECOND, null, SECOND, "round-robin")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RotationSettings(SECOND, SECOND, null, "round-robin")).isInstanceOf(NullPointerException.class);
    }
}
