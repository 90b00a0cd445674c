package com.gametriggers.companion.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.app.ChildApp;
import com.gametriggers.companion.testing.DebianTools;

/**
 * The promise to sponsors, end to end: every scan a viewer was redirected for is counted, and none twice, even when
 * the app is killed with {@code kill -9} in the middle of a flood of scans and started again on the same data folder.
 *
 * <p>The real app runs headless in a child JVM (demo campaigns, embedded store, ports 0). Client threads scan the
 * three demo QR links over raw HTTP/1.1, one connection per scan, each scan from a source address of its own
 * (127.a.b.c), so every scan is a new viewer and none may be filtered as a repeat. Each round SIGKILLs the app a random
 * moment after its first redirect, while scans are in flight; the next round starts it again (new ports) and floods
 * on. A last round floods without a kill, waits until the store took every journaled event, and reads the counters
 * with an independent MongoDB client (pymongo).
 *
 * <p>A scan the app journaled but could not answer before it died may count without a redirect; so per participation
 * {@code redirected <= qrScans <= attempted}, with no filtered click (a double count of a viewer's one scan would
 * need a second event, and every viewer scans once). The seed is printed; {@code -Dflood.seed=} repeats the kill
 * delays. On failure the data folder (store, journal, each instance's stderr and log) is kept.
 */
class RedirectedScansSurviveKillTest {

    private static final int KILL_ROUNDS = 6;
    private static final int CLIENT_THREADS = 4;
    private static final int MAX_KILL_DELAY_MS = 1200;
    /** The last round, without a kill, floods until this many more redirects. */
    private static final int LAST_ROUND_REDIRECTS = 300;
    private static final Pattern STORE_LINE = Pattern.compile("store: (mongodb://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern OVERLAY_LINE = Pattern.compile("overlay: (http://127\\.0\\.0\\.1:\\d+/)");
    private static final Pattern LINKS_LINE = Pattern.compile("links: http://127\\.0\\.0\\.1:(\\d+)/");
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration DRAIN = Duration.ofSeconds(120);
    private static final int SIGKILL_EXIT = 128 + 9;
    private static final int SIGTERM_EXIT = 128 + 15;
    /** Debian's python3 with python3-pymongo (installed by .ci/run), as {@code HeadlessAppTest} uses it. */
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    /** Per participation code: scans whose request reached an open connection, and complete 302 answers. */
    private final Map<String, AtomicInteger> attempted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> redirected = new ConcurrentHashMap<>();
    /** Requests that reached the app but got no complete answer (cut by a kill), and connections refused. */
    private final AtomicInteger cut = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    /** Anything but a complete 302 to the sponsor: must stay empty. */
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextViewer = new AtomicInteger();

    /**
     * @param slowJournal whether the instance logged that it redirected before the journal confirmed (its 1 s
     *                    fallback): a kill right then could lose a redirected scan, so say it when a run fails
     */
    private record Round(int number, long killedAfterFirstRedirectMs, int redirects, int cut, int exitCode,
                         boolean slowJournal) {
        @Override
        public String toString() {
            return "round " + number + ": " + redirects + " redirects, "
                    + (exitCode == SIGKILL_EXIT ? "killed " + killedAfterFirstRedirectMs + " ms after its first, "
                    + cut + " scans cut" : "stopped cleanly") + ", exit " + exitCode
                    + (slowJournal ? ", redirected before the journal confirmed (1 s fallback)" : "");
        }
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void everyRedirectedScanIsCountedOnceAcrossKills() throws Exception {
        DebianTools.assumeAvailable("Debian's python3 with python3-pymongo");
        long seed = Long.getLong("flood.seed", System.nanoTime());
        System.out.println("RedirectedScansSurviveKillTest seed " + seed + " (repeat with -Dflood.seed=" + seed
                + "), data in " + dataDir);
        Random killMoments = new Random(seed);
        List<Round> rounds = new ArrayList<>();
        Map<String, String> codes = null; // participation id -> code
        ChildApp app = null;
        int number = 0;
        try {
            for (number = 1; number <= KILL_ROUNDS; number++) {
                app = startApp(dataDir);
                String store = app.awaitLine(STORE_LINE, START);
                int port = Integer.parseInt(app.awaitLine(LINKS_LINE, START));
                if (codes == null) {
                    codes = codesByParticipation(store);
                }
                int redirectsBefore = totalRedirected();
                int cutBefore = cut.get();
                Flood flood = Flood.start(this, port, List.copyOf(codes.values()));
                await().atMost(START).until(() -> totalRedirected() > redirectsBefore || !flood.running());
                long delay = killMoments.nextInt(MAX_KILL_DELAY_MS + 1);
                Thread.sleep(delay); // the random moment of the kill, while the flood goes on
                int exitCode = app.kill();
                flood.stop();
                keepStderr(app, number);
                rounds.add(new Round(number, delay, totalRedirected() - redirectsBefore, cut.get() - cutBefore,
                        exitCode, redirectedBeforeTheJournalConfirmed(app)));
                app = null;
            }

            number = KILL_ROUNDS + 1;
            app = startApp(dataDir);
            String store = app.awaitLine(STORE_LINE, START);
            String overlay = app.awaitLine(OVERLAY_LINE, START);
            int port = Integer.parseInt(app.awaitLine(LINKS_LINE, START));
            int redirectsBefore = totalRedirected();
            Flood flood = Flood.start(this, port, List.copyOf(codes.values()));
            await().atMost(START).until(
                    () -> totalRedirected() >= redirectsBefore + LAST_ROUND_REDIRECTS || !flood.running());
            flood.stop();
            // Every batch now also keeps a trail document per scan: on a loaded two-core CI machine that takes time.
            await().atMost(DRAIN).until(() -> eventsWaiting(overlay) == 0);
            Map<String, Map<String, Long>> counters = countersByParticipation(store);
            app.terminate();
            int exitCode = app.awaitExit(Duration.ofSeconds(30));
            keepStderr(app, number);
            rounds.add(new Round(KILL_ROUNDS + 1, -1, totalRedirected() - redirectsBefore, 0, exitCode,
                    redirectedBeforeTheJournalConfirmed(app)));
            app = null;

            rounds.forEach(r -> System.out.println("RedirectedScansSurviveKillTest " + r));
            long counted = counters.values().stream().mapToLong(c -> c.get("qrScans")).sum();
            System.out.println("RedirectedScansSurviveKillTest " + KILL_ROUNDS + " kills, " + totalAttempted()
                    + " scans sent, " + totalRedirected() + " redirected, " + cut.get() + " cut by a kill, "
                    + refused.get() + " refused while down; counted " + counted + " qrScans, by participation "
                    + counters);

            assertThat(unexpected).as("answers other than a complete 302 to the sponsor").isEmpty();
            assertThat(rounds.subList(0, KILL_ROUNDS)).as("every kill round redirected scans, then died of SIGKILL")
                    .allSatisfy(r -> {
                        assertThat(r.exitCode()).as("round %d exit code", r.number()).isEqualTo(SIGKILL_EXIT);
                        assertThat(r.redirects()).as("round %d redirects", r.number()).isPositive();
                    });
            assertThat(exitCode).as("the last instance stops cleanly on SIGTERM").isEqualTo(SIGTERM_EXIT);
            for (Map.Entry<String, String> participation : codes.entrySet()) {
                String code = participation.getValue();
                Map<String, Long> c = counters.get(participation.getKey());
                String as = "participation " + participation.getKey() + " (code " + code + ")";
                assertThat(c.get("qrScans")).as(as + ": qrScans, at least every redirected scan")
                        .isGreaterThanOrEqualTo(redirected.get(code).get());
                assertThat(c.get("qrScans")).as(as + ": qrScans, at most every scan sent")
                        .isLessThanOrEqualTo(attempted.get(code).get());
                assertThat(c.get("filteredClicks")).as(as + ": filteredClicks (every viewer scanned once)").isZero();
                assertThat(c.get("clicks")).as(as + ": clicks").isEqualTo(c.get("qrScans"));
                assertThat(c.get("linkClicks")).as(as + ": linkClicks").isZero();
                assertThat(c.get("chatClicks")).as(as + ": chatClicks").isZero();
            }
            assertThat(counted - totalRedirected()).as("counted without a redirect: only scans a kill cut")
                    .isBetween(0L, (long) cut.get());
        } finally {
            if (app != null) {
                keepStderr(app, number);
                app.close();
            }
        }
    }

    private int totalRedirected() {
        return redirected.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private int totalAttempted() {
        return attempted.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** One scan as a phone makes it: its own connection, from its own address, read to the end of the headers. */
    private void scan(int port, String code) {
        int viewer = nextViewer.getAndIncrement();
        InetAddress source = viewerAddress(viewer);
        boolean sent = false;
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /t/" + code + "?src=qr HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nUser-Agent: flood\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            sent = true;
            attempted.get(code).incrementAndGet();
            String head = readHead(socket.getInputStream());
            if (head == null) {
                cut.incrementAndGet(); // the app died before its answer was complete
                return;
            }
            Matcher status = Pattern.compile("HTTP/1\\.1 (\\d{3}) .*").matcher(head.lines().findFirst().orElse(""));
            boolean toSponsor = head.lines().anyMatch(line -> line.regionMatches(true, 0, "Location: https://example.com/", 0, 30));
            if (status.matches() && status.group(1).equals("302") && toSponsor) {
                redirected.get(code).incrementAndGet();
            } else {
                unexpected.add(viewer + ": " + head.lines().findFirst().orElse(head));
            }
        } catch (ConnectException e) {
            refused.incrementAndGet(); // the app is down: nothing reached it
        } catch (SocketTimeoutException e) {
            unexpected.add(viewer + ": no answer within 15 s" + (sent ? "" : " to connect"));
        } catch (IOException e) {
            if (sent) {
                cut.incrementAndGet(); // reset by the kill
            } else {
                refused.incrementAndGet(); // reset by the kill before the request went out
            }
        }
    }

    /** The response's status line and headers, or null when the connection ended before the blank line. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b; (b = in.read()) != -1; ) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    /** 127.a.b.c with every part in 1..250: a new viewer for each scan, up to 15 million. */
    private static InetAddress viewerAddress(int viewer) {
        byte[] address = {127, (byte) (1 + viewer / 62_500 % 250), (byte) (1 + viewer / 250 % 250), (byte) (1 + viewer % 250)};
        try {
            return InetAddress.getByAddress(address);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The demo participations and their QR codes, from the store, with the code the app derives from each token. */
    private Map<String, String> codesByParticipation(String store) throws Exception {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String line : pymongo(store, """
                for p in db.campaignparticipations.find():
                    print(str(p["_id"]) + " " + p["browserSourceToken"])
                """)) {
            String[] parts = line.split(" ");
            String code = TrackingLinks.code(parts[1]);
            codes.put(parts[0], code);
            attempted.put(code, new AtomicInteger());
            redirected.put(code, new AtomicInteger());
        }
        assertThat(codes).as("the demo's participations").hasSize(3);
        return codes;
    }

    private static Map<String, Map<String, Long>> countersByParticipation(String store) throws Exception {
        Map<String, Map<String, Long>> counters = new LinkedHashMap<>();
        List<String> fields = List.of("qrScans", "linkClicks", "chatClicks", "clicks", "filteredClicks");
        for (String line : pymongo(store, """
                for p in db.campaignparticipations.find():
                    print(" ".join([str(p["_id"])] + [str(p.get(f, 0)) for f in sys.argv[2:]]))
                """, fields.toArray(String[]::new))) {
            String[] parts = line.split(" ");
            Map<String, Long> values = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                values.put(fields.get(i), Long.parseLong(parts[i + 1]));
            }
            counters.put(parts[0], values);
        }
        return counters;
    }

    private static List<String> pymongo(String store, String body, String... args) throws Exception {
        assertThat(Path.of(PYTHON)).as("Debian's python3 with python3-pymongo, as .ci/run installs").exists();
        String script = "import sys\nfrom pymongo import MongoClient\n"
                + "db = MongoClient(sys.argv[1], serverSelectionTimeoutMS=5000)[\"gametriggers\"]\n" + body;
        List<String> command = new ArrayList<>(List.of(PYTHON, "-c", script, store));
        command.addAll(List.of(args));
        Process python = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as(output).isZero();
        return output.lines().toList();
    }

    /** The tracker's events not yet in the store, from the overlay's {@code /health}. */
    private static long eventsWaiting(String overlay) throws IOException, InterruptedException {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(overlay + "health")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher waiting = Pattern.compile("\"eventsWaiting\":(\\d+)").matcher(health.body());
        assertThat(waiting.find()).as(health.body()).isTrue();
        return Long.parseLong(waiting.group(1));
    }

    /** Client threads scanning round robin over the codes, one scan after another, until stopped. */
    private static final class Flood {

        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean stopped;

        static Flood start(RedirectedScansSurviveKillTest test, int port, List<String> codes) {
            Flood flood = new Flood();
            for (int i = 0; i < CLIENT_THREADS; i++) {
                Thread thread = new Thread(() -> {
                    for (int n = 0; !flood.stopped; n++) {
                        test.scan(port, codes.get(n % codes.size()));
                    }
                }, "flood-" + i);
                thread.setDaemon(true);
                thread.start();
                flood.threads.add(thread);
            }
            return flood;
        }

        boolean running() {
            return threads.stream().allMatch(Thread::isAlive);
        }

        void stop() throws InterruptedException {
            stopped = true;
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(30));
                assertThat(thread.isAlive()).as(thread.getName() + " ended").isFalse();
            }
        }
    }

    /** The app's one line for a redirect that went out before the journal confirmed its scan. */
    private static boolean redirectedBeforeTheJournalConfirmed(ChildApp app) {
        return app.stderr().contains("The tracking journal took longer than");
    }

    /** Each instance's stderr stays in the data folder, which a failing run keeps. */
    private void keepStderr(ChildApp app, int number) throws IOException {
        Files.writeString(dataDir.resolve("app-" + number + ".stderr.log"), app.stderr());
    }

    private static ChildApp startApp(Path dataDir) throws IOException {
        return ChildApp.start("--headless", "--demo", "--data-dir", dataDir.toString(), "--overlay-port", "0");
    }
}
