package com.gametriggers.companion.overlay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.bson.types.ObjectId;

import com.gametriggers.companion.bench.BenchFigures;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.links.LinksSettings;
import com.gametriggers.companion.links.TrackingLinks;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreSettings;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackerOptions;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Benchmark (a main, not a test): the overlay page's size and how fast headless Chromium paints it, against a real
 * overlay server, tracker and embedded store. See docs/BENCHMARKS.md.
 *
 * <pre>
 * ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.gametriggers.companion.overlay.OverlayPageBench -Dexec.args="--runs 10"
 * </pre>
 *
 * <p>Sizes: the bytes the server sends for overlay.html, overlay.js and overlay.css (it does not compress), and their
 * gzip size for reference. Timings: each load is a new Chromium with a fresh profile (and the server sends
 * {@code Cache-Control: no-store}), playing OBS as the page tests do. Two sets of {@code --runs} loads, each after one
 * unmeasured warm-up load:
 * <ul>
 * <li><b>idle</b>: nothing is showing when the page loads, as when OBS starts between sponsors. Reported: the first
 * byte of the HTML, DOMContentLoaded and load (navigation timing), the event stream connected, and whether any paint
 * entry ({@code performance.getEntriesByType('paint')}) exists half a second later; then the bench calls
 * {@code server.control().showNow()} and reports the time from that call to the card on screen ({@code data-card="visible"}
 * on {@code <html>}, seen by a MutationObserver) and to first paint and first contentful paint.</li>
 * <li><b>mid-showing</b>: a sponsor is already showing when the page loads, as when OBS (re)loads the source during
 * a showing; the server sends it the showing as it connects. Reported: the same navigation timings, and navigation
 * start to the card on screen, to first paint and to first contentful paint.</li>
 * </ul>
 * Everything is bounded: a watchdog ends the run after {@code --max-seconds}.
 */
@Command(name = "OverlayPageBench", mixinStandardHelpOptions = true,
        description = "The overlay page's size and paint times in headless Chromium.")
public final class OverlayPageBench implements Callable<Integer> {

    /** Notes when the page reports its state on {@code <html>}, in the page's own clock (ms from navigation start). */
    private static final String STATE_SPY = """
            window.__benchConnectedAt = null;
            window.__benchCardVisibleAt = null;
            new MutationObserver(function (mutations) {
              var root = document.documentElement;
              if (!root) { return; }
              if (window.__benchConnectedAt === null && root.getAttribute('data-connected') === 'true') {
                window.__benchConnectedAt = performance.now();
              }
              if (window.__benchCardVisibleAt === null && root.getAttribute('data-card') === 'visible') {
                window.__benchCardVisibleAt = performance.now();
              }
            }).observe(document, {attributes: true, subtree: true, attributeFilter: ['data-connected', 'data-card']});
            """;

    private static final String READ_TIMINGS = """
            var nav = performance.getEntriesByType('navigation')[0];
            var paint = {};
            performance.getEntriesByType('paint').forEach(function (e) { paint[e.name] = e.startTime; });
            return {
              fp: paint['first-paint'] === undefined ? null : paint['first-paint'],
              fcp: paint['first-contentful-paint'] === undefined ? null : paint['first-contentful-paint'],
              ttfb: nav.responseStart,
              dcl: nav.domContentLoadedEventEnd,
              load: nav.loadEventEnd,
              connected: window.__benchConnectedAt,
              cardVisible: window.__benchCardVisibleAt,
              timeOrigin: performance.timeOrigin,
              resources: performance.getEntriesByType('resource').map(function (r) {
                return r.name.replace(/^https?:\\/\\/[^\\/]+/, '').replace(/[0-9a-f]{64}/, '{token}') + ' '
                    + r.encodedBodySize + ' ' + r.initiatorType;
              })
            };
            """;

    private static final List<String> METRICS = List.of("ttfb", "dcl", "load", "connected", "cardVisible", "fp", "fcp",
            "showNowToCard", "showNowToFp", "showNowToFcp");

    @Option(names = "--runs", description = "Measured loads per set (default ${DEFAULT-VALUE}).")
    int runs = 10;

    @Option(names = "--max-seconds", description = "Stops by itself after this long (default ${DEFAULT-VALUE}).")
    long maxSeconds = 600;

    @Option(names = "--reduced-motion", description = "Emulate prefers-reduced-motion: reduce (the card fades in over "
            + "0.2 s instead of its 0.45 s fade and 0.65 s slide).")
    boolean reducedMotion;

    private final AtomicReference<Chromium> browser = new AtomicReference<>();

    public static void main(String[] args) {
        int exitCode = new CommandLine(new OverlayPageBench()).execute(args);
        // The embedded store may leave non-daemon threads behind; a benchmark main must end by itself.
        System.exit(exitCode);
    }

    @Override
    public Integer call() throws Exception {
        Chromium.requireInstalled();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(maxSeconds));
            } catch (InterruptedException e) {
                return;
            }
            System.err.printf(Locale.ROOT, "--max-seconds %d reached: giving up%n", maxSeconds);
            closeBrowser();
            Runtime.getRuntime().halt(3);
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeBrowser, "bench-close-browser"));

        Path benchDir = Path.of("target", "overlay-bench").toAbsolutePath();
        Files.createDirectories(benchDir);
        Path dataDir = Files.createTempDirectory(benchDir, "page-");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String streamerId = new ObjectId().toHexString();
        System.out.println("load average at start: " + BenchFigures.loadAverage());
        System.out.println("prefers-reduced-motion: " + (reducedMotion ? "reduce (emulated)" : "no-preference"));

        MongoStore store = MongoStore.open(StoreSettings.embedded(dataDir.resolve("store")));
        Tracker tracker = null;
        OverlayServer server = null;
        try {
            tracker = Tracker.start(store, dataDir.resolve("journal"), TrackerOptions.defaults());
            Participation sponsor = OverlaySponsors.novaEnergy(store, streamerId, "!nova");
            server = OverlayServer.start(new OverlaySettings(0), OverlayDirectory.load(store, streamerId),
                    new TrackingLinks(Optional.empty(), "http://127.0.0.1:" + LinksSettings.DEFAULT_PORT), tracker,
                    HexFormat.of().formatHex(key), secret, () -> 0, Clock.systemUTC());
            // Showings long enough to last a whole set; no waits, so showNow() shows at the next tick (every 250 ms).
            server.control().updateRotation(new RotationSettings(Duration.ofMinutes(30), Duration.ZERO, Duration.ZERO, "round-robin"));
            server.control().pauseAds(Duration.ofHours(1));
            String token = sponsor.browserSourceToken();
            String pageUrl = server.overlayUrl(token);

            sizes(server, pageUrl);

            Map<String, List<Double>> idle = new LinkedHashMap<>();
            Map<String, List<Double>> midShowing = new LinkedHashMap<>();
            List<String> resources = new ArrayList<>();
            // A second client of the page's channel: the bench learns from it when showings start and end.
            try (ShowWatcher watcher = ShowWatcher.open(server.baseUrl(), token)) {
                System.out.printf(Locale.ROOT, "%nidle: nothing showing at load; then showNow() (1 warm-up load + %d)%n", runs);
                for (int run = 0; run <= runs; run++) {
                    Map<String, Double> measured = idleLoad(server, watcher, pageUrl, run == runs ? resources : null);
                    if (run > 0) {
                        print(run, measured);
                        measured.forEach((name, value) -> idle.computeIfAbsent(name, k -> new ArrayList<>()).add(value));
                    }
                }

                System.out.printf(Locale.ROOT, "%nmid-showing: a sponsor already showing at load (1 warm-up load + %d)%n", runs);
                int showsBefore = watcher.shows().size();
                server.control().showNow();
                await("the showing starts", Duration.ofSeconds(10), () -> watcher.shows().size() > showsBefore);
                for (int run = 0; run <= runs; run++) {
                    Map<String, Double> measured = midShowingLoad(pageUrl);
                    if (run > 0) {
                        print(run, measured);
                        measured.forEach((name, value) -> midShowing.computeIfAbsent(name, k -> new ArrayList<>()).add(value));
                    }
                }
                server.control().pauseAds(Duration.ofHours(1));
            }

            System.out.printf(Locale.ROOT, "%nresources of the last idle load after the card showed (path, encoded body "
                    + "bytes, initiator):%n");
            resources.forEach(line -> System.out.println("  " + line));
            System.out.printf(Locale.ROOT, "%nms from navigation start unless noted; median (mean of the middle two of "
                    + "%d) / max%n", runs);
            long paintedEarly = idle.getOrDefault("paintsBeforeShow", List.of()).stream()
                    .filter(v -> v != null && v > 0).count();
            System.out.printf(Locale.ROOT, "idle runs with a paint entry before showNow() (%.1f s after the stream "
                    + "connected): %d of %d%n", 0.5, paintedEarly, runs);
            System.out.println("| metric | idle: median | idle: max | mid-showing: median | mid-showing: max |");
            System.out.println("|---|---:|---:|---:|---:|");
            for (String metric : METRICS) {
                System.out.printf(Locale.ROOT, "| %s | %s | %s |%n", label(metric),
                        summary(idle.get(metric)), summary(midShowing.get(metric)));
            }
            System.out.println("load average at end: " + BenchFigures.loadAverage());
            return 0;
        } finally {
            closeBrowser();
            if (server != null) {
                server.close();
            }
            if (tracker != null) {
                tracker.close();
            }
            store.close();
            deleteQuietly(dataDir);
            watchdog.interrupt();
        }
    }

    /** The bytes of the page and its script and style as the server sends them, and gzip sizes for reference. */
    private static void sizes(OverlayServer server, String pageUrl) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("overlay.html", pageUrl);
        files.put("overlay.js", server.baseUrl() + "assets/overlay.js");
        files.put("overlay.css", server.baseUrl() + "assets/overlay.css");
        files.put("demo/nova-energy.svg (the creative, loaded when the card shows)", server.baseUrl() + "assets/demo/nova-energy.svg");
        System.out.println("| file | bytes sent | Content-Encoding | gzip -6 bytes |");
        System.out.println("|---|---:|---|---:|");
        long total = 0;
        long totalGzip = 0;
        int counted = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(file.getValue()))
                    .header("Accept-Encoding", "gzip, deflate, br").timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException(file.getValue() + " answered " + response.statusCode());
            }
            byte[] body = response.body();
            int gzip = gzipSize(body);
            System.out.printf(Locale.ROOT, "| %s | %,d | %s | %,d |%n", file.getKey(), body.length,
                    response.headers().firstValue("Content-Encoding").orElse("none"), gzip);
            if (counted++ < 3) {
                total += body.length;
                totalGzip += gzip;
            }
        }
        System.out.printf(Locale.ROOT, "| html + js + css | %,d | | %,d |%n", total, totalGzip);
    }

    private static int gzipSize(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        }
        return out.size();
    }

    /**
     * A fresh browser loads the page with nothing showing; then a showing is asked for and timed to the screen. The
     * page paints nothing before the card (a transparent page, the card hidden), so its paint entries come only with
     * the card; here they are reported from the showNow() call.
     */
    private Map<String, Double> idleLoad(OverlayServer server, ShowWatcher watcher, String pageUrl, List<String> resources)
            throws IOException {
        Chromium chromium = open();
        try {
            chromium.driver().get(pageUrl);
            await("the page connected", Duration.ofSeconds(10), () -> number(chromium.script(
                    "return window.__benchConnectedAt;")) != null);
            // Paint entries are queued after the frame that painted: give the renderer a moment before reading them.
            sleep(500);
            Map<String, Double> measured = timings(chromium, null);
            measured.put("paintsBeforeShow", (measured.get("fp") == null ? 0.0 : 1.0) + (measured.get("fcp") == null ? 0.0 : 1.0));
            measured.remove("fp");
            measured.remove("fcp");
            measured.remove("cardVisible");
            long requested = System.currentTimeMillis();
            server.control().showNow();
            await("the card on screen", Duration.ofSeconds(10), () -> number(chromium.script(
                    "return window.__benchCardVisibleAt;")) != null);
            awaitPaints(chromium);
            Map<String, Double> after = timings(chromium, resources);
            double origin = after.get("timeOrigin");
            measured.put("showNowToCard", origin + after.get("cardVisible") - requested);
            measured.put("showNowToFp", after.get("fp") == null ? null : origin + after.get("fp") - requested);
            measured.put("showNowToFcp", after.get("fcp") == null ? null : origin + after.get("fcp") - requested);
            measured.remove("timeOrigin");
            long hidesBefore = watcher.hides();
            server.control().pauseAds(Duration.ofHours(1));
            await("the showing hidden", Duration.ofSeconds(10), () -> watcher.hides() > hidesBefore);
            return measured;
        } finally {
            close(chromium);
        }
    }

    /** A fresh browser loads the page while a showing is on: the server sends it as the page connects. */
    private Map<String, Double> midShowingLoad(String pageUrl) throws IOException {
        Chromium chromium = open();
        try {
            chromium.driver().get(pageUrl);
            await("the card on screen", Duration.ofSeconds(10), () -> number(chromium.script(
                    "return window.__benchCardVisibleAt;")) != null);
            awaitPaints(chromium);
            Map<String, Double> measured = timings(chromium, null);
            measured.remove("timeOrigin");
            return measured;
        } finally {
            close(chromium);
        }
    }

    /**
     * Waits (at most 5 s) for the first-contentful-paint entry: it comes near the end of the card's entrance
     * transition, well after {@code data-card="visible"}. A run without one reports none.
     */
    private static void awaitPaints(Chromium chromium) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            Object count = chromium.script("return performance.getEntriesByName('first-contentful-paint').length;");
            if (count instanceof Number n && n.intValue() > 0) {
                return;
            }
            sleep(20);
        }
    }

    private Chromium open() throws IOException {
        Chromium chromium = Chromium.start(true);
        browser.set(chromium);
        chromium.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", STATE_SPY));
        if (reducedMotion) {
            chromium.cdp("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
        }
        return chromium;
    }

    private void close(Chromium chromium) {
        browser.compareAndSet(chromium, null);
        chromium.close();
    }

    private void closeBrowser() {
        Chromium chromium = browser.getAndSet(null);
        if (chromium != null) {
            try {
                chromium.close();
            } catch (RuntimeException ignored) {
                // exiting anyway
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Double> timings(Chromium chromium, List<String> resources) {
        Map<String, Object> raw = (Map<String, Object>) chromium.script(READ_TIMINGS);
        Map<String, Double> measured = new LinkedHashMap<>();
        for (String name : List.of("fp", "fcp", "ttfb", "dcl", "load", "connected", "cardVisible", "timeOrigin")) {
            measured.put(name, number(raw.get(name)));
        }
        if (resources != null) {
            resources.clear();
            resources.addAll((List<String>) raw.get("resources"));
        }
        return measured;
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private static void print(int run, Map<String, Double> measured) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  run %2d:", run));
        measured.forEach((name, value) -> line.append(' ').append(name).append('=')
                .append(value == null ? "none" : String.format(Locale.ROOT, "%.1f", value)));
        System.out.println(line);
    }

    private static String label(String metric) {
        return switch (metric) {
            case "fp" -> "first-paint";
            case "fcp" -> "first-contentful-paint";
            case "showNowToFp" -> "showNow() call to first-paint (ms)";
            case "showNowToFcp" -> "showNow() call to first-contentful-paint (ms)";
            case "ttfb" -> "responseStart (first byte of the HTML)";
            case "dcl" -> "DOMContentLoaded (event end)";
            case "load" -> "load (event end)";
            case "connected" -> "event stream connected (data-connected)";
            case "cardVisible" -> "card on screen (data-card=visible)";
            case "showNowToCard" -> "showNow() call to card on screen (ms)";
            default -> metric;
        };
    }

    /** "median | max" over the runs that had a value; "–" when none had, and how many lacked it. */
    private static String summary(List<Double> values) {
        if (values == null) {
            return "– | –";
        }
        double[] present = values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).sorted().toArray();
        if (present.length == 0) {
            return "none | none";
        }
        int n = present.length;
        double median = n % 2 == 1 ? present[n / 2] : (present[n / 2 - 1] + present[n / 2]) / 2;
        String missing = n < values.size() ? String.format(Locale.ROOT, " (%d of %d runs)", n, values.size()) : "";
        return String.format(Locale.ROOT, "%.1f%s | %.1f", median, missing, Arrays.stream(present).max().orElseThrow());
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            sleep(10);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // under target/; mvn clean removes it
        }
    }
}
