package com.gametriggers.companion.autostart;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs commands as processes; their output is not read (reg.exe's is for people), only the exit code. */
final class SystemCommands implements CommandRunner {

    private static final long TIMEOUT_SECONDS = 30;

    @Override
    public int run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + TIMEOUT_SECONDS + " seconds.");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Stopped waiting for " + command.get(0) + ".", e);
        }
    }
}
