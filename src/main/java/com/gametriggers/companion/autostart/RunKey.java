package com.gametriggers.companion.autostart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Windows: a value under the user's {@code Run} key, written and removed with {@code reg.exe}, which every Windows
 * has. Chosen over a file in the Startup folder: a {@code .cmd} there opens a console window at every login, and a
 * shortcut ({@code .lnk}) is a binary format Java cannot write without a helper; the Run value is one command line,
 * needs no administrator, and shows in Task Manager's Startup apps, where the streamer can switch it off too.
 */
final class RunKey implements LoginEntry {

    static final String KEY = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run";
    static final String VALUE_NAME = "GameTriggers Companion";
    /** reg.exe's answer when the value to delete is not there. */
    private static final int NOT_FOUND = 1;

    private final CommandRunner commands;

    RunKey(CommandRunner commands) {
        this.commands = commands;
    }

    @Override
    public void write(Path launcher) throws IOException {
        List<String> add = addCommand(launcher);
        int exit = commands.run(add);
        if (exit != 0) {
            throw new IOException("Windows did not accept the start with the computer (reg.exe ended with " + exit
                    + ").");
        }
    }

    @Override
    public void remove() throws IOException {
        if (commands.run(queryCommand()) == NOT_FOUND) {
            return;
        }
        int exit = commands.run(deleteCommand());
        if (exit != 0) {
            throw new IOException("Windows did not remove the start with the computer (reg.exe ended with " + exit
                    + ").");
        }
    }

    /**
     * The value is a command line with the launcher in quotes (its path has spaces). Java quotes an argument with
     * spaces on Windows but leaves inner quotes alone, and reg.exe reads {@code \"} as a quote: so the quotes around
     * the launcher are written as {@code \"}.
     */
    static List<String> addCommand(Path launcher) {
        String commandLine = "\\\"" + launcher + "\\\" " + StartWithComputer.BACKGROUND;
        return List.of("reg.exe", "add", KEY, "/v", VALUE_NAME, "/t", "REG_SZ", "/d", commandLine, "/f");
    }

    static List<String> queryCommand() {
        return List.of("reg.exe", "query", KEY, "/v", VALUE_NAME);
    }

    static List<String> deleteCommand() {
        return List.of("reg.exe", "delete", KEY, "/v", VALUE_NAME, "/f");
    }
}
