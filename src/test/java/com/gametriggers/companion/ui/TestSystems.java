package com.gametriggers.companion.ui;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import com.gametriggers.companion.autostart.StartWithComputer;

/** Operating systems for window tests: openings recorded, and starting with the computer as the tests need it. */
public final class TestSystems {

    private TestSystems() {
    }

    /** As in a development run: no launcher, so starting with the computer stays off and writes nothing. */
    public static OperatingSystem developmentRun(RecordingOpener opener) {
        return new OperatingSystem(opener, StartWithComputer.of("Linux", Path.of("target", "no-home"), Map.of(),
                Optional.empty(), command -> {
                    throw new AssertionError("no command expected: " + command);
                }));
    }

    /** As the installed app on Linux, its login entry written under {@code home}. */
    public static OperatingSystem installedOnLinux(RecordingOpener opener, Path home, Path launcher) {
        return new OperatingSystem(opener, StartWithComputer.of("Linux", home, Map.of(), Optional.of(launcher),
                command -> {
                    throw new AssertionError("no command expected: " + command);
                }));
    }
}
