package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.testing.DebianTools;

/** The headless app as scripts and CI run it: its printed address, its exit codes, and its data from outside. */
class HeadlessAppTest {

    private static final Pattern STORE_LINE = Pattern.compile("store: (mongodb://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern OVERLAY_LINE = Pattern.compile("overlay: (http://127\\.0\\.0\\.1:\\d+/)");
    private static final Pattern LINKS_LINE = Pattern.compile("links: (http://127\\.0\\.0\\.1:\\d+/)");
    private static final Duration START = Duration.ofSeconds(60);
    /** Debian's python3 with python3-pymongo (installed by .ci/run): a MongoDB client that is not part of this project. */
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dataDir;

    @Test
    void theDemoCanBeReadByAnIndependentMongoDbClientAndSurvivesARestart() throws Exception {
        DebianTools.assumeAvailable("Debian's python3 with python3-pymongo");
        try (ChildApp app = ChildApp.start("--headless", "--demo", "--overlay-port", "0", "--data-dir", dataDir.toString())) {
            String address = app.awaitLine(STORE_LINE, START);
            String overlay = app.awaitLine(OVERLAY_LINE, START);
            String links = app.awaitLine(LINKS_LINE, START);
            String obsUrl = app.awaitLine(Pattern.compile("obs browser source: (http://127\\.0\\.0\\.1:\\d+/rotation/[0-9a-f]{64})"), START);
            assertThat(obsUrl).startsWith(overlay);
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(overlay + "health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"");
            assertThat(links).isNotEqualTo(overlay);
            HttpResponse<String> notALink = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(links + "health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(notALink.statusCode()).as("the links listener serves tracking links only").isEqualTo(404);

            assertThat(readWithPymongo(address)).containsExactly(
                    "campaigns=3",
                    "participations=3",
                    "brands=Nova Energy,Pixel Peak,Quantum Cola",
                    "tokens=3",
                    "payment=cpc,cpm,cpm",
                    "commands=!nova,!pixel,!quantum",
                    "links=3");

            app.terminate();
            assertThat(app.awaitExit(Duration.ofSeconds(30))).as("128 + SIGTERM").isEqualTo(143);
            assertThat(app.stderr()).contains("Stopped");
        }
        try (ChildApp again = ChildApp.start("--headless", "--demo", "--overlay-port", "0", "--data-dir", dataDir.toString())) {
            String address = again.awaitLine(STORE_LINE, START);
            assertThat(readWithPymongo(address)).contains("campaigns=3", "participations=3");
        }
    }

    @Test
    void aSecondStartOnTheSameDataFolderLeavesTheRunningAppAloneAndSaysSoInOneLine() throws Exception {
        try (ChildApp first = ChildApp.start("--headless", "--overlay-port", "0", "--data-dir", dataDir.toString())) {
            first.awaitLine(STORE_LINE, START);
            try (ChildApp second = ChildApp.start("--overlay-port", "0", "--data-dir", dataDir.toString())) {
                assertThat(second.awaitLine(Pattern.compile("(GameTriggers Companion is already running.*)"), START))
                        .isEqualTo("GameTriggers Companion is already running without a window (--headless) on this "
                                + "data folder; stop it (Ctrl-C or SIGTERM) to start it another way.");
                assertThat(second.awaitExit(START)).isZero();
                assertThat(errorLines(second)).isEmpty();
            }
            assertThat(first.awaitLine(Pattern.compile("obs browser source: (.*)"), START)).isNotBlank();
            first.terminate();
            first.awaitExit(START);
        }
        assertThat(dataDir.resolve(SingleInstance.ADDRESS_FILE)).as("released when the app stops").doesNotExist();
    }

    @Test
    void theSettingsFileGivesTheOverlayPortUnlessTheCommandLineDoes() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.writeString(dataDir.resolve(AppSettings.FILE_NAME), "overlayPort=" + port + "\n");
        try (ChildApp app = ChildApp.start("--headless", "--data-dir", dataDir.toString())) {
            assertThat(app.awaitLine(OVERLAY_LINE, START)).isEqualTo("http://127.0.0.1:" + port + "/");
        }
        try (ChildApp app = ChildApp.start("--headless", "--overlay-port", "0", "--data-dir", dataDir.toString())) {
            assertThat(app.awaitLine(OVERLAY_LINE, START)).isNotEqualTo("http://127.0.0.1:" + port + "/");
        }
    }

    @Test
    void aMalformedUriStopsWithOneClearLine() throws Exception {
        try (ChildApp app = ChildApp.start("--headless", "--data-dir", dataDir.toString(),
                "--mongo-uri", "mongodb://user:pw@host:notaport")) {
            assertThat(app.awaitExit(START)).isEqualTo(1);
            assertThat(errorLines(app)).singleElement().asString()
                    .startsWith("error: The MongoDB URI mongodb://user:****@host:notaport is not valid")
                    .doesNotContain("pw@");
        }
    }

    @Test
    void aPublicTrackingUrlThatIsNotHttpStopsWithOneClearLine() throws Exception {
        try (ChildApp app = ChildApp.start("--headless", "--overlay-port", "0", "--data-dir", dataDir.toString(),
                "--public-tracking-url", "ftp://gt.example.net")) {
            assertThat(app.awaitExit(START)).isEqualTo(1);
            assertThat(errorLines(app)).singleElement().asString()
                    .isEqualTo("error: The public tracking URL must be an http(s) address: ftp://gt.example.net");
        }
    }

    @Test
    void anUnreachableServerStopsWithOneClearLine() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ChildApp app = ChildApp.start("--headless", "--data-dir", dataDir.toString(),
                "--mongo-uri", "mongodb://127.0.0.1:" + closedPort)) {
            assertThat(app.awaitExit(START)).isEqualTo(1);
            assertThat(errorLines(app)).singleElement().asString().contains("cannot be reached");
        }
    }

    private static List<String> errorLines(ChildApp app) {
        return app.stderr().lines().filter(line -> line.startsWith("error:")).toList();
    }

    private static List<String> readWithPymongo(String address) throws IOException, InterruptedException {
        assertThat(Path.of(PYTHON)).as("Debian's python3 with python3-pymongo, as .ci/run installs").exists();
        String script = """
                import sys
                from pymongo import MongoClient
                db = MongoClient(sys.argv[1], serverSelectionTimeoutMS=5000)["gametriggers"]
                campaigns = list(db.campaigns.find())
                parts = list(db.campaignparticipations.find())
                print("campaigns=%d" % len(campaigns))
                print("participations=%d" % len(parts))
                print("brands=" + ",".join(sorted(c["brandName"] for c in campaigns)))
                print("tokens=%d" % len({p["browserSourceToken"] for p in parts if len(p["browserSourceToken"]) == 64}))
                print("payment=" + ",".join(sorted(c["paymentType"] for c in campaigns)))
                print("commands=" + ",".join(sorted(p.get("chatCommand", "") for p in parts)))
                print("links=%d" % len([p for p in parts if p.get("trackingUrl", "").startswith("https://") and "utm_source=gametriggers&utm_medium=link&utm_campaign=" + str(p["campaignId"]) in p["trackingUrl"] and p.get("qrCodeUrl", "").endswith(".png")]))
                """;
        Process python = new ProcessBuilder(PYTHON, "-c", script, address).redirectErrorStream(true).start();
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}
