package com.gametriggers.companion.obs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObsAuthenticationTest {

    @Test
    void matchesAnIndependentlyComputedAnswer() {
        // Computed with Python's hashlib and base64 for the protocol document's example salt and challenge.
        assertThat(ObsAuthentication.response("supersecretpassword", FakeObs.SALT, FakeObs.CHALLENGE))
                .isEqualTo("1Ct943GAT+6YQUUX47Ia/ncufilbe6+oD6lY+5kaCu4=");
    }

    @Test
    void dependsOnEveryPart() {
        String answer = ObsAuthentication.response("pw", "salt", "challenge");
        assertThat(ObsAuthentication.response("pw2", "salt", "challenge")).isNotEqualTo(answer);
        assertThat(ObsAuthentication.response("pw", "salt2", "challenge")).isNotEqualTo(answer);
        assertThat(ObsAuthentication.response("pw", "salt", "challenge2")).isNotEqualTo(answer);
    }

    @Test
    void handlesPasswordsBeyondAscii() {
        assertThat(ObsAuthentication.response("pässwörd✓", "s", "c"))
                .isEqualTo(FakeObs.expectedAuthentication("pässwörd✓", "s", "c"));
    }
}
