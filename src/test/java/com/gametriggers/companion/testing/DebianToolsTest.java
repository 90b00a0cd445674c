package com.gametriggers.companion.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class DebianToolsTest {

    @Test
    void onLinuxTheTestRunsAndFailsByItselfIfTheToolIsMissing() {
        assertThatCode(() -> DebianTools.assumeAvailable("nginx", "Linux")).doesNotThrowAnyException();
    }

    @Test
    void onWindowsAndMacOsTheTestIsSkippedNamingTheTool() {
        for (String os : new String[] {"Windows Server 2022", "Mac OS X"}) {
            assertThatThrownBy(() -> DebianTools.assumeAvailable("nginx", os)).isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("needs nginx, which only the Debian CI machine provides");
        }
    }
}
