package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.links.TrackingLinks;
import com.gametriggers.companion.tunnel.FakeCloudflared;
import com.gametriggers.companion.tunnel.QuickTunnel;

/**
 * "Make links public" as the app wires it: a stand-in cloudflared program (a script running {@link FakeCloudflared})
 * gives an address, and the links viewers get switch to it at once.
 */
class PublicLinksTest {

    private static final URI LOCAL = URI.create("http://127.0.0.1:17731");
    private static final String TOKEN = "cd".repeat(32);
    private static final String CAMPAIGN = "6740a1b2c3d4e5f601234567";
    private static final String LANDING = "https://nova.example/drink";

    @TempDir
    Path dir;

    @Test
    void oneClickStartsTheTunnelAndEveryLinkFollowsItsAddress() throws Exception {
        TrackingLinks links = new TrackingLinks(Optional.empty(), LOCAL.toString());
        AtomicInteger linksChanged = new AtomicInteger();
        try (PublicLinks publicLinks = new PublicLinks(links, LOCAL, Optional.of(standInCloudflared()),
                program -> new QuickTunnel(program, LOCAL, Clock.systemUTC()), linksChanged::incrementAndGet)) {
            assertThat(publicLinks.status().counted()).isFalse();
            assertThat(links.viewerUrl(TOKEN, ClickType.QR, CAMPAIGN, LANDING)).startsWith(LANDING + "?utm_source=gametriggers");

            assertThat(publicLinks.makePublic()).isEmpty();

            await("the tunnel's address").atMost(Duration.ofSeconds(30)).until(() -> publicLinks.status().counted());
            assertThat(links.viewerUrl(TOKEN, ClickType.QR, CAMPAIGN, LANDING))
                    .isEqualTo("https://run-1-quiet-otter.trycloudflare.com/t/" + TrackingLinks.code(TOKEN) + "?src=qr");
            assertThat(publicLinks.status().brief()).isEqualTo("links: public");
            await("the stored links rewritten").atMost(Duration.ofSeconds(10)).until(() -> linksChanged.get() >= 1);
            assertThat(publicLinks.makePublic()).as("a second click changes nothing").isEmpty();
        }
        assertThat(links.isPublic()).as("closed: the tunnel is gone, and so is its address").isFalse();
    }

    @Test
    void withoutCloudflaredTheStreamerIsToldTheChoices() {
        TrackingLinks links = new TrackingLinks(Optional.empty(), LOCAL.toString());
        try (PublicLinks publicLinks = new PublicLinks(links, LOCAL, Optional.empty(),
                program -> { throw new AssertionError("no tunnel without cloudflared"); }, () -> { })) {

            assertThat(publicLinks.makePublic()).get().asString()
                    .contains("cloudflared tunnel --no-autoupdate --url http://127.0.0.1:17731");
            assertThat(publicLinks.status().sentence()).startsWith("Scans and link clicks are not counted");
        }
    }

    @Test
    void aTypedAddressWinsAndNoTunnelStarts() {
        TrackingLinks links = new TrackingLinks(Optional.of(URI.create("https://gt.example.net")), LOCAL.toString());
        try (PublicLinks publicLinks = new PublicLinks(links, LOCAL, Optional.of(dir.resolve("cloudflared")),
                program -> { throw new AssertionError("the typed address is public already"); }, () -> { })) {

            assertThat(publicLinks.makePublic()).isEmpty();
            assertThat(publicLinks.status().counted()).isTrue();
            assertThat(publicLinks.status().sentence()).contains("https://gt.example.net");
        }
    }

    /**
     * An executable named like the real program, which runs the stand-in on the tests' own java: a shell script, or
     * on Windows (no POSIX modes) a batch file, which Windows runs as a program too.
     */
    private Path standInCloudflared() throws IOException {
        List<String> command = FakeCloudflared.command(Files.createDirectories(dir.resolve("fake")));
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.writeString(dir.resolve("cloudflared.cmd"), command.stream().map(part -> "\"" + part + "\"")
                    .collect(Collectors.joining(" ", "@", " %*\r\n")));
        }
        Path script = dir.resolve("cloudflared");
        Files.writeString(script, command.stream().map(part -> "'" + part + "'")
                .collect(Collectors.joining(" ", "#!/bin/sh\nexec ", " \"$@\"\n")));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
