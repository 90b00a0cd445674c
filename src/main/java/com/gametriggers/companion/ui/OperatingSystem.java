package com.gametriggers.companion.ui;

import java.util.Objects;

import com.gametriggers.companion.autostart.StartWithComputer;

/**
 * What the window asks of the operating system: open a folder or a web page, start the app with the computer.
 * Tests hand in their own, so nothing opens on the test machine and no login entry is written outside {@code target/}.
 */
public record OperatingSystem(Opener opener, StartWithComputer startWithComputer) {

    public OperatingSystem {
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(startWithComputer, "startWithComputer");
    }

    /** This computer's own file manager, browser and login entries. */
    public static OperatingSystem ofThisComputer() {
        return new OperatingSystem(new SystemOpener(), StartWithComputer.forThisComputer());
    }
}
