package com.gametriggers.companion.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** What the YouTube part of Settings says, whichever state the sign-in is in. */
class YouTubeSignInPaneTest {

    @Test
    void withoutAClientIdYouTubeIsOffWhateverElseIsTrue() {
        assertThat(YouTubeSignInPane.stateText(Optional.of("YouTube is off: no client id."), Optional.empty(), true))
                .isEqualTo("YouTube is off: no client id.");
    }

    @Test
    void aRefusedSignInAsksForANewOne() {
        assertThat(YouTubeSignInPane.stateText(Optional.empty(), Optional.of("Sign in again."), true))
                .isEqualTo("Sign in again.");
    }

    @Test
    void signedInOrNot() {
        assertThat(YouTubeSignInPane.stateText(Optional.empty(), Optional.empty(), true))
                .startsWith("Signed in with Google.");
        assertThat(YouTubeSignInPane.stateText(Optional.empty(), Optional.empty(), false))
                .startsWith("Not signed in.");
    }
}
