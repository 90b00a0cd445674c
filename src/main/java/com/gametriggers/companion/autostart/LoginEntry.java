package com.gametriggers.companion.autostart;

import java.io.IOException;
import java.nio.file.Path;

/** One operating system's way to start a program when the user logs in, for this user only. */
interface LoginEntry {

    /** Starts {@code launcher --background} at every login from now on; replaces an earlier entry. */
    void write(Path launcher) throws IOException;

    /** No start at login any more; nothing to do when there is no entry. */
    void remove() throws IOException;
}
