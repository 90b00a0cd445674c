package com.gametriggers.companion.tunnel;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the {@code cloudflared} executable. Besides the PATH it looks where the installers put it, because an app
 * started from the macOS Dock or a desktop menu gets a shorter PATH than a terminal: Homebrew's folders and
 * {@code /usr/local/bin} are often missing from it.
 */
public final class CloudflaredLocator {

    private final Map<String, String> environment;
    private final boolean windows;
    private final Predicate<Path> isExecutable;

    /** Looks at this machine. */
    public static CloudflaredLocator system() {
        return new CloudflaredLocator(System.getenv(), System.getProperty("os.name", ""),
                path -> Files.isRegularFile(path) && Files.isExecutable(path));
    }

    /**
     * @param environment  the environment variables ({@code PATH}, {@code ProgramFiles(x86)}, ...)
     * @param osName       like {@code os.name}; decides the file name and the PATH separator
     * @param isExecutable whether a candidate file is there and may be run
     */
    CloudflaredLocator(Map<String, String> environment, String osName, Predicate<Path> isExecutable) {
        this.environment = Map.copyOf(environment);
        this.windows = osName.toLowerCase(Locale.ROOT).startsWith("windows");
        this.isExecutable = Objects.requireNonNull(isExecutable);
    }

    public Optional<Path> find() {
        return candidates().stream().filter(isExecutable).findFirst();
    }

    /** Where {@link #find()} looks, in order. */
    List<Path> candidates() {
        String name = windows ? "cloudflared.exe" : "cloudflared";
        List<String> folders = new ArrayList<>();
        env("PATH").ifPresent(path -> {
            for (String folder : path.split(windows ? ";" : ":")) {
                // Windows allows quoted PATH entries; an empty Unix entry means the working directory, which an
                // app must not run programs from.
                String trimmed = folder.strip().replace("\"", "");
                if (!trimmed.isEmpty()) {
                    folders.add(trimmed);
                }
            }
        });
        if (windows) {
            env("ProgramFiles(x86)").ifPresent(folder -> folders.add(folder + "\\cloudflared"));
            env("ProgramFiles").ifPresent(folder -> folders.add(folder + "\\cloudflared"));
        } else {
            folders.addAll(List.of("/usr/local/bin", "/opt/homebrew/bin", "/usr/bin"));
        }
        List<Path> candidates = new ArrayList<>();
        for (String folder : folders) {
            try {
                Path candidate = Path.of(folder, name);
                if (!candidates.contains(candidate)) {
                    candidates.add(candidate);
                }
            } catch (InvalidPathException e) {
                // A PATH entry this file system cannot name holds no cloudflared either.
            }
        }
        return candidates;
    }

    // Windows spells it "Path" and treats names without case; Map.copyOf does not.
    private Optional<String> env(String name) {
        String exact = environment.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        if (!windows) {
            return Optional.empty();
        }
        return environment.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /**
     * For the Settings pane when cloudflared is missing: the streamer's choices, with the command to run by hand.
     *
     * @param localPort the port of the local tracking-links listener
     */
    public static String missingExplanation(int localPort) {
        return "Making links public needs Cloudflare's free cloudflared program, which is not installed on this"
                + " computer. Install it (https://developers.cloudflare.com/cloudflare-one/networks/connectors/"
                + "cloudflare-tunnel/downloads/) and click again; no Cloudflare account is needed. You can also run a"
                + " tunnel yourself, for example with the command\n\n"
                + "cloudflared tunnel --no-autoupdate --url http://127.0.0.1:" + localPort + "\n\n"
                + "or put your own reverse proxy in front of the app, and type the public https address it gives"
                + " you in the public address field.";
    }
}
