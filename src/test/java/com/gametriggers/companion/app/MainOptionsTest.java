package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class MainOptionsTest {

    @Test
    void helpListsEveryFlag() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new Main(new PrintStream(System.out)));
        commandLine.setOut(new PrintWriter(out));

        int exitCode = commandLine.execute("--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("--mongo-uri=URI", "--data-dir=DIR", "--overlay-port=PORT", "--links-port=PORT",
                "--public-tracking-url=URL", "--twitch-client-id=ID", "--twitch-login", "--headless", "--connect=CODE", "--demo",
                "--print-mongodb-setup", "--help",
                "MONGODB_URI", "TWITCH_CLIENT_ID");
    }

    @Test
    void theMongoDbSetupIsPrintedForTheUrisDatabaseWithoutStartingAnything() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path dataDir = Path.of("target", "main-options-test", "never-made");

        int exitCode = new CommandLine(new Main(new PrintStream(out, true, StandardCharsets.UTF_8))).execute(
                "--print-mongodb-setup", "--mongo-uri", "mongodb://admin:secret@db.example.net/platformdb",
                "--data-dir", dataDir.toString());

        assertThat(exitCode).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("// GameTriggers Companion on the platform's MongoDB")
                .contains("db.getSiblingDB('platformdb')", "createRole({ role: 'gametriggersCompanion'",
                        "createIndex({\"campaignId\": 1, \"streamerId\": 1}")
                .doesNotContain("secret");
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void anUnknownFlagIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new Main(new PrintStream(System.out)));
        commandLine.setErr(new PrintWriter(err));

        assertThat(commandLine.execute("--hedless")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--hedless'");
    }

    @Test
    void theDataFolderFollowsEachOperatingSystemsConvention() {
        Path home = Path.of("/home/ann");

        assertThat(DataDirectories.forUser("Linux", Map.of(), home))
                .isEqualTo(Path.of("/home/ann/.local/share/gametriggers-companion"));
        assertThat(DataDirectories.forUser("Linux", Map.of("XDG_DATA_HOME", "/data"), home))
                .isEqualTo(Path.of("/data/gametriggers-companion"));
        assertThat(DataDirectories.forUser("Mac OS X", Map.of(), home))
                .isEqualTo(Path.of("/home/ann/Library/Application Support/GameTriggers Companion"));
        assertThat(DataDirectories.forUser("Windows 11", Map.of("APPDATA", "/appdata"), home))
                .isEqualTo(Path.of("/appdata/GameTriggers Companion"));
        assertThat(DataDirectories.forUser("Windows 11", Map.of(), home))
                .isEqualTo(Path.of("/home/ann/AppData/Roaming/GameTriggers Companion"));
    }
}
