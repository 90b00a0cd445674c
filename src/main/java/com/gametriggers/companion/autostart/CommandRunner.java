package com.gametriggers.companion.autostart;

import java.io.IOException;
import java.util.List;

/** Runs a system command to its end; Windows' registry is changed this way, and tests record the command instead. */
public interface CommandRunner {

    /** @return the command's exit code */
    int run(List<String> command) throws IOException;
}
