package com.gametriggers.companion.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * Tools the tests use that only the Debian CI machine provides ({@code .ci/run} installs them): Debian's Chromium and
 * chromedriver, nginx, zbarimg, Debian's python3 with pymongo, a tmpfs mounted as root. On Linux a test that needs
 * one runs, and fails if the tool is missing, so Linux CI keeps proving what it tests; on Windows and macOS, where the
 * workflow "Tests" runs the suite, the test is skipped and says which tool it needs.
 */
public final class DebianTools {

    private DebianTools() {
    }

    /** @param tool what the test needs, as a person would name it */
    public static void assumeAvailable(String tool) {
        assumeAvailable(tool, System.getProperty("os.name"));
    }

    static void assumeAvailable(String tool, String osName) {
        if (!osName.startsWith("Linux")) {
            Assumptions.abort("needs " + tool + ", which only the Debian CI machine provides");
        }
    }
}
