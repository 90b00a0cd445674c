package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.ui.shell.DesktopApp;

/**
 * The app started with the computer ({@code --background}) runs its services without JavaFX, which on Linux would
 * wake its thread at every pulse whether a window shows or not; the window, and JavaFX with it, start when the streamer
 * asks for them.
 */
class BackgroundStartTest {

    private static final Duration START = Duration.ofSeconds(60);
    private static final String JAVAFX_THREAD = "\"JavaFX Application Thread\"";

    @TempDir
    Path dataDir;

    @Test
    void startedInTheBackgroundTheOverlayRunsWithoutJavaFxUntilASecondStartOpensTheWindow() throws Exception {
        int overlayPort = freePort();
        try (ChildApp app = ChildApp.desktop("--background", "--demo", "--data-dir", dataDir.toString(),
                "--overlay-port", Integer.toString(overlayPort))) {
            HttpClient http = HttpClient.newHttpClient();
            URI health = URI.create("http://127.0.0.1:" + overlayPort + "/health");
            await("the overlay answers OBS").atMost(START).ignoreExceptions().until(() -> http.send(
                    HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
            assertThat(threadDump(app.pid())).as("no JavaFX while no window was asked for").doesNotContain(JAVAFX_THREAD);

            try (ChildApp again = ChildApp.start("--data-dir", dataDir.toString())) {
                assertThat(again.awaitLine(Pattern.compile("(.+)"), START)).isEqualTo(DesktopApp.SHOWN);
                assertThat(again.awaitExit(START)).isZero();
            }
            await("the window's first frame").atMost(START).ignoreExceptions()
                    .until(() -> Files.readString(logFile(), StandardCharsets.UTF_8).contains("First frame"));
            assertThat(threadDump(app.pid())).contains(JAVAFX_THREAD);
            assertThat(http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode()).isEqualTo(200);
        }
    }

    private Path logFile() {
        return dataDir.resolve("logs").resolve(LogFile.NAME);
    }

    /** The child's threads, as the JDK's own {@code jcmd} lists them. */
    private static String threadDump(long pid) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "Thread.print").redirectErrorStream(true).start();
        String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jcmd.waitFor()).as(dump).isZero();
        assertThat(dump).as("a thread dump").contains("\"main\"");
        return dump;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
