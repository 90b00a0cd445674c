package com.gametriggers.companion.overlay;

import static com.gametriggers.companion.bench.BenchFigures.loadAverage;
import static com.gametriggers.companion.bench.BenchFigures.ms;
import static com.gametriggers.companion.bench.BenchFigures.percentile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.types.ObjectId;

import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.links.LinksServer;
import com.gametriggers.companion.links.LinksSettings;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreSettings;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackerOptions;
import com.gametriggers.companion.web.SlowClients;

import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Benchmark (a main, not a test): how fast the overlay server answers {@code /health}, the overlay page and beacons
 * while clients that never finish their request headers hold connections open, against the same with none. See
 * docs/BENCHMARKS.md.
 *
 * <pre>
 * ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.gametriggers.companion.overlay.SlowClientsBench -Dexec.args="--slow 0,500 --requests 1000"
 * </pre>
 *
 * <p>One JVM holds the embedded store, a tracker with the app's default options, the links listener and the overlay
 * server on a free port (as the app starts them), the slow clients and the measuring clients. For each count in
 * {@code --slow} it opens that many unfinished requests ({@link SlowClients}: they are opened again whenever the
 * server's 10 s request deadline cuts them, so the count holds for the whole phase), waits until the server has a
 * handler thread reading each of them, then per route runs {@code --warmup} unmeasured requests and
 * {@code --requests} measured ones over {@code --threads} client threads (keep-alive connections unless
 * {@code --fresh-connections}). Each beacon carries a ticket of its own, so each is a first-time impression answered
 * once durable in the journal. Latency is per request, from the call to the whole answer read; percentiles by nearest
 * rank.
 */
@Command(name = "SlowClientsBench", mixinStandardHelpOptions = true,
        description = "Overlay server latency with clients that never finish their headers, and without.")
public final class SlowClientsBench implements Callable<Integer> {

    private static final MediaType JSON = MediaType.get("application/json");

    @Option(names = "--slow", split = ",", description = "Slow connection counts, one phase each, in order "
            + "(default ${DEFAULT-VALUE}).")
    List<Integer> slowCounts = List.of(0, 500);

    @Option(names = "--requests", description = "Measured requests per route and phase (default ${DEFAULT-VALUE}).")
    int requests = 1_000;

    @Option(names = "--warmup", description = "Unmeasured requests per route and phase first (default ${DEFAULT-VALUE}).")
    int warmup = 200;

    @Option(names = "--threads", description = "Client threads sending the requests (default ${DEFAULT-VALUE}).")
    int threads = 2;

    @Option(names = "--routes", split = ",", description = "Routes to measure: health, page, beacon "
            + "(default ${DEFAULT-VALUE}).")
    List<String> routes = List.of("health", "page", "beacon");

    @Option(names = "--fresh-connections", description = "A new connection for every request (Connection: close) "
            + "instead of keep-alive.")
    boolean freshConnections;

    @Option(names = "--hold-timeout-s", description = "How long to wait for the server to hold every slow "
            + "connection before measuring anyway (default ${DEFAULT-VALUE}).")
    long holdTimeoutSeconds = 30;

    @Option(names = "--max-seconds", description = "A watchdog ends the run after this long (default ${DEFAULT-VALUE}).")
    long maxSeconds = 900;

    public static void main(String[] args) {
        int exitCode = new CommandLine(new SlowClientsBench()).execute(args);
        // The embedded store may leave non-daemon threads behind; a benchmark main must end by itself.
        System.exit(exitCode);
    }

    private record Result(int slow, String route, int requests, int errors, String firstError, long[] nanos,
                          long heldBefore, long heldAfter, long cut) {
    }

    @Override
    public Integer call() throws Exception {
        for (String route : routes) {
            if (!List.of("health", "page", "beacon").contains(route)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "Unknown route: " + route);
            }
        }
        if (requests < 1 || threads < 1 || warmup < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--requests and --threads must be positive");
        }
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(maxSeconds));
                System.err.println("SlowClientsBench: --max-seconds " + maxSeconds + " passed, stopping");
                System.exit(3);
            } catch (InterruptedException e) {
                // finished in time
            }
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "overlay-bench")), "slow-");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String rotationKey = "cd".repeat(32);
        String streamerId = new ObjectId().toHexString();
        MongoStore store = MongoStore.open(StoreSettings.embedded(dataDir.resolve("store")));
        Tracker tracker = Tracker.start(store, dataDir.resolve("journal"), TrackerOptions.defaults());
        LinksServer links = null;
        OverlayServer server = null;
        List<Result> results = new ArrayList<>();
        OkHttpClient http = new OkHttpClient.Builder().followRedirects(false)
                .connectionPool(new ConnectionPool(threads + 2, 1, TimeUnit.MINUTES))
                .callTimeout(30, TimeUnit.SECONDS).build();
        try {
            Participation sponsor = OverlaySponsors.novaEnergy(store, streamerId, "!nova");
            OverlayDirectory directory = OverlayDirectory.load(store, streamerId);
            links = LinksServer.start(new LinksSettings(0, Optional.empty()), directory, tracker, Clock.systemUTC());
            server = OverlayServer.start(new OverlaySettings(0), directory, links.trackingLinks(), tracker, rotationKey,
                    secret, () -> 0, Clock.systemUTC());
            ShowTickets tickets = new ShowTickets(secret);
            System.out.printf(Locale.ROOT, "overlay server %s; store and journal in %s%n", server.baseUrl(), dataDir);
            System.out.printf(Locale.ROOT, "phases (slow connections): %s; routes %s; %,d measured + %,d warm-up "
                    + "requests per route and phase over %d client threads, %s%n", slowCounts, routes, requests, warmup,
                    threads, freshConnections ? "a new connection per request" : "keep-alive connections");
            System.out.println("load average at start: " + loadAverage());

            for (int slowCount : slowCounts) {
                SlowClients slow = slowCount > 0 ? SlowClients.open(server.baseUrl(), slowCount) : null;
                try {
                    long heldBefore = slowCount > 0 ? awaitHeld(slowCount) : 0;
                    for (String route : routes) {
                        long cutBefore = slow == null ? 0 : slow.cut();
                        OverlayServer target = server;
                        java.util.function.Supplier<Request> next = switch (route) {
                            case "health" -> () -> get(target.baseUrl() + "health");
                            case "page" -> () -> get(target.overlayUrl(sponsor.browserSourceToken()));
                            default -> () -> beacon(target.baseUrl() + "beacon",
                                    tickets.issue(sponsor.id(), Instant.now()).value());
                        };
                        run(http, next, route, warmup);
                        Result result = run(http, next, route, requests);
                        long heldAfter = slowCount > 0 ? SlowClients.threadsReadingRequests("overlay-http") : 0;
                        result = new Result(slowCount, route, result.requests(), result.errors(), result.firstError(),
                                result.nanos(), heldBefore, heldAfter, slow == null ? 0 : slow.cut() - cutBefore);
                        results.add(result);
                        print(result);
                    }
                } finally {
                    if (slow != null) {
                        slow.close();
                    }
                }
            }
            System.out.println("load average at end: " + loadAverage());
            System.out.println();
            System.out.println("| slow connections | route | requests | errors | p50 ms | p99 ms | max ms |");
            System.out.println("|---:|---|---:|---:|---:|---:|---:|");
            for (Result result : results) {
                long[] sorted = result.nanos().clone();
                Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "| %,d | %s | %,d | %,d | %s | %s | %s |%n", result.slow(),
                        routeName(result.route()), result.requests(), result.errors(), ms(percentile(sorted, 50)),
                        ms(percentile(sorted, 99)), ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
            }
            return results.stream().allMatch(result -> result.errors() == 0) ? 0 : 1;
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
            if (server != null) {
                server.close();
            }
            if (links != null) {
                links.close();
            }
            tracker.close();
            store.close();
            watchdog.interrupt();
        }
    }

    private long awaitHeld(int slowCount) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(holdTimeoutSeconds);
        long start = System.nanoTime();
        int held = SlowClients.threadsReadingRequests("overlay-http");
        while (held < slowCount && System.nanoTime() < deadline) {
            Thread.sleep(50);
            held = SlowClients.threadsReadingRequests("overlay-http");
        }
        System.out.printf(Locale.ROOT, "%,d slow connections open; %,d overlay-http threads reading their headers "
                + "after %,d ms%s%n", slowCount, held, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                held < slowCount ? " (fewer than opened: measuring anyway)" : "");
        return held;
    }

    private Request get(String url) {
        Request.Builder request = new Request.Builder().url(url);
        if (freshConnections) {
            request.header("Connection", "close");
        }
        return request.build();
    }

    private Request beacon(String url, String ticket) {
        Request.Builder request = new Request.Builder().url(url)
                .post(RequestBody.create("{\"ticket\":\"" + ticket + "\",\"onAirMs\":1300}", JSON));
        if (freshConnections) {
            request.header("Connection", "close");
        }
        return request.build();
    }

    private Result run(OkHttpClient http, java.util.function.Supplier<Request> next, String route, int count)
            throws Exception {
        long[] nanos = new long[count];
        AtomicInteger index = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(clients.submit(() -> {
                    for (int i = index.getAndIncrement(); i < count; i = index.getAndIncrement()) {
                        Request request = next.get();
                        long start = System.nanoTime();
                        String error = null;
                        try (Response response = http.newCall(request).execute()) {
                            byte[] body = response.body().bytes();
                            if (response.code() != 200) {
                                error = "HTTP " + response.code();
                            } else if (route.equals("beacon")
                                    && !new String(body, StandardCharsets.UTF_8).contains("\"outcome\":\"recorded\"")) {
                                error = "beacon not recorded: " + new String(body, StandardCharsets.UTF_8);
                            }
                        } catch (Exception e) {
                            error = e.toString();
                        }
                        nanos[i] = System.nanoTime() - start;
                        if (error != null) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, error);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            clients.shutdownNow();
        }
        return new Result(0, route, count, errors.get(), firstError.get(), nanos, 0, 0, 0);
    }

    private static void print(Result result) {
        long[] sorted = result.nanos().clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "slow=%,d %-6s requests=%,d errors=%,d p50=%s ms p99=%s ms max=%s ms; "
                        + "slow requests held: %,d before, %,d after; cut and reopened during the route: %,d%s%n",
                result.slow(), result.route(), result.requests(), result.errors(), ms(percentile(sorted, 50)),
                ms(percentile(sorted, 99)), ms(sorted[sorted.length - 1]), result.heldBefore(), result.heldAfter(),
                result.cut(), result.firstError() == null ? "" : "; first error: " + result.firstError());
    }

    private static String routeName(String route) {
        return switch (route) {
            case "health" -> "GET /health";
            case "page" -> "GET /overlay/{token}";
            default -> "POST /beacon";
        };
    }
}
