package com.gametriggers.companion.autostart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * macOS: a LaunchAgent in {@code ~/Library/LaunchAgents}, which launchd loads at the user's next login and runs once
 * ({@code RunAtLoad}, no {@code KeepAlive}: a streamer who quits the app wants it gone until the next login).
 */
final class LaunchAgent implements LoginEntry {

    /** The app's bundle identifier (packaging/macos), so the agent reads as the app's in System Settings. */
    static final String LABEL = "com.gametriggers.companion";

    private final Path file;

    LaunchAgent(Path home) {
        this.file = home.resolve("Library").resolve("LaunchAgents").resolve(LABEL + ".plist");
    }

    Path file() {
        return file;
    }

    @Override
    public void write(Path launcher) throws IOException {
        String plist = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
                <plist version="1.0">
                <dict>
                  <key>Label</key>
                  <string>%s</string>
                  <key>ProgramArguments</key>
                  <array>
                    <string>%s</string>
                    <string>%s</string>
                  </array>
                  <key>RunAtLoad</key>
                  <true/>
                  <key>ProcessType</key>
                  <string>Interactive</string>
                </dict>
                </plist>
                """.formatted(LABEL, xml(launcher.toString()), StartWithComputer.BACKGROUND);
        Files.createDirectories(file.getParent());
        Path written = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(written, plist, StandardCharsets.UTF_8);
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void remove() throws IOException {
        Files.deleteIfExists(file);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
