package com.gametriggers.companion.update;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

    @ParameterizedTest
    @CsvSource({
            "0.10.0, 0.9.1",
            "v0.10.0, 0.9.1",
            "1.0, 0.99.99",
            "1.0.1, v1",
            "0.2.0, 0.1.0-SNAPSHOT",
            "0.1.0, 0.1.0-SNAPSHOT",
            "0.1.0, 0.1.0-rc.1",
            "0.1.1-rc.1, 0.1.0"})
    void newerThan(String newer, String older) {
        assertThat(version(newer).isNewerThan(version(older))).isTrue();
        assertThat(version(older).isNewerThan(version(newer))).isFalse();
    }

    @Test
    void theVPrefixAndMissingNumbersDoNotMakeAnotherVersion() {
        assertThat(version("v1.2").compareTo(version("1.2.0"))).isZero();
        assertThat(version("V1.2.0")).isEqualTo(version("1.2.0"));
    }

    @Test
    void aSuffixMakesAPreRelease() {
        assertThat(version("1.2.0").isRelease()).isTrue();
        assertThat(version("1.2.0-beta.2").isRelease()).isFalse();
        assertThat(version("1.2.0-SNAPSHOT").toString()).isEqualTo("1.2.0-SNAPSHOT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "latest", "v", "1..2", "1.2.3.4", "release-1.2", "1.2.x"})
    void textThatIsNoVersion(String text) {
        assertThat(Version.parse(text)).isEmpty();
    }

    private static Version version(String text) {
        return Version.parse(text).orElseThrow();
    }
}
