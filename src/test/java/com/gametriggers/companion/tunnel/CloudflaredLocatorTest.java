package com.gametriggers.companion.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CloudflaredLocatorTest {

    @Test
    void findsAnExecutableCloudflaredOnThePath() throws IOException {
        Path root = Files.createDirectories(Path.of("target", "cloudflared-locator-test", UUID.randomUUID().toString()))
                .toAbsolutePath();
        // The real file system's rules: an executable bit and ':' between PATH entries, or on Windows (no POSIX
        // modes, and ':' in every entry) the .exe name and ';'.
        boolean windows = !root.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path empty = Files.createDirectories(root.resolve("empty"));
        Path notExecutable = Files.createDirectories(root.resolve("plain"));
        Files.writeString(notExecutable.resolve("cloudflared"), "not a program");
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path cloudflared = Files.writeString(bin.resolve(windows ? "cloudflared.exe" : "cloudflared"), "#!/bin/sh\n");
        if (!windows) {
            Files.setPosixFilePermissions(cloudflared, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        String path = String.join(File.pathSeparator, empty.toString(), notExecutable.toString(), "", bin.toString());

        CloudflaredLocator real = new CloudflaredLocator(Map.of("PATH", path), windows ? "Windows 11" : "Linux",
                file -> Files.isRegularFile(file) && Files.isExecutable(file));

        assertThat(real.find()).contains(cloudflared);
    }

    @Test
    void looksInTheInstallFoldersThatAppStartedFromTheDockDoNotHaveOnThePath() {
        CloudflaredLocator mac = new CloudflaredLocator(Map.of("PATH", "/usr/bin:/bin"), "Mac OS X",
                Set.of(Path.of("/opt/homebrew/bin/cloudflared"))::contains);

        assertThat(mac.find()).contains(Path.of("/opt/homebrew/bin/cloudflared"));
        assertThat(mac.candidates()).startsWith(Path.of("/usr/bin/cloudflared"), Path.of("/bin/cloudflared"))
                .contains(Path.of("/usr/local/bin/cloudflared"))
                .doesNotHaveDuplicates();
    }

    @Test
    void onWindowsLooksForTheExeOnPathSpelledAnyWayAndInProgramFiles() {
        Map<String, String> env = Map.of("Path", "C:\\Windows\\system32;\"C:\\Tools\"",
                "ProgramFiles(x86)", "C:\\Program Files (x86)");
        CloudflaredLocator windows = new CloudflaredLocator(env, "Windows 11", file -> false);

        assertThat(windows.candidates()).extracting(Path::toString).containsExactly(
                Path.of("C:\\Windows\\system32", "cloudflared.exe").toString(),
                Path.of("C:\\Tools", "cloudflared.exe").toString(),
                Path.of("C:\\Program Files (x86)\\cloudflared", "cloudflared.exe").toString());
        assertThat(windows.find()).isEmpty();
    }

    @Test
    void nothingFoundWhenItIsNowhere() {
        assertThat(new CloudflaredLocator(Map.of(), "Linux", file -> false).find()).isEmpty();
    }

    @Test
    void theExplanationGivesTheChoicesAndTheExactCommand() {
        String text = CloudflaredLocator.missingExplanation(17731);

        assertThat(text).contains("cloudflared tunnel --no-autoupdate --url http://127.0.0.1:17731")
                .contains("click again")
                .contains("reverse proxy")
                .contains("public https address");
    }
}
