package com.gametriggers.companion.links;

import static com.gametriggers.companion.bench.BenchFigures.loadAverage;
import static com.gametriggers.companion.bench.BenchFigures.ms;
import static com.gametriggers.companion.bench.BenchFigures.percentile;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.types.ObjectId;

import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.overlay.OverlayDirectory;
import com.gametriggers.companion.overlay.OverlaySponsors;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreSettings;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackerOptions;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Benchmark (a main, not a test): a crowd of distinct viewers scanning the QR code through a reverse proxy. Debian's
 * nginx ({@link Nginx}, as the README tells streamers to set it up) in front of the links listener, which has a
 * public address so it keys each viewer on the forwarded address; each viewer connects to nginx from an address of
 * its own (127.x.y.z), once, and asks for {@code /t/{code}?src=qr}. See docs/BENCHMARKS.md.
 *
 * <pre>
 * ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.gametriggers.companion.links.LinksNginxBench -Dexec.args="--viewers 10000 --seconds 60"
 * </pre>
 *
 * <p>Viewer {@code i} is due at {@code i * seconds / viewers} after the start; {@code --threads} client threads take
 * the next viewer, wait until it is due, and time its request from connect to the answer read whole. Prints the
 * answers (302, 429, anything else or no answer), the latency of the redirects, how late any viewer started
 * against its schedule, and, once the tracker has nothing waiting for the store, the stored counters: every viewer
 * who got a 302 must be one QR scan, and none a filtered click.
 */
@Command(name = "LinksNginxBench", mixinStandardHelpOptions = true,
        description = "Distinct viewers opening a QR tracking link through nginx, paced over a time window.")
public final class LinksNginxBench implements Callable<Integer> {

    private static final String PUBLIC_HOST = "links.example.net";

    @Option(names = "--viewers", description = "Distinct viewers, one request each (default ${DEFAULT-VALUE}).")
    int viewers = 10_000;

    @Option(names = "--seconds", description = "Window the viewers are spread over, evenly (default ${DEFAULT-VALUE}; "
            + "0: as fast as the threads go).")
    double seconds = 60;

    @Option(names = "--threads", description = "Client threads (default ${DEFAULT-VALUE}).")
    int threads = 8;

    @Option(names = "--first-octet", description = "Viewers' addresses are 127.N.y.z from this N on "
            + "(default ${DEFAULT-VALUE}); 250 x 250 viewers per N.")
    int firstOctet = 20;

    @Option(names = "--drain-timeout-s", description = "How long to wait for the tracker to hand every event to the "
            + "store (default ${DEFAULT-VALUE}).")
    long drainTimeoutSeconds = 120;

    @Option(names = "--max-seconds", description = "A watchdog ends the run after this long (default ${DEFAULT-VALUE}).")
    long maxSeconds = 900;

    public static void main(String[] args) {
        int exitCode = new CommandLine(new LinksNginxBench()).execute(args);
        // The embedded store may leave non-daemon threads behind; a benchmark main must end by itself.
        System.exit(exitCode);
    }

    @Override
    public Integer call() throws Exception {
        if (viewers < 1 || threads < 1 || seconds < 0 || firstOctet < 1 || firstOctet + viewers / 62_500 > 254) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--viewers, --threads, --seconds or "
                    + "--first-octet out of range");
        }
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(maxSeconds));
                System.err.println("LinksNginxBench: --max-seconds " + maxSeconds + " passed, stopping");
                System.exit(3);
            } catch (InterruptedException e) {
                // finished in time
            }
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "links-bench")), "nginx-");
        String streamerId = new ObjectId().toHexString();
        MongoStore store = MongoStore.open(StoreSettings.embedded(dataDir.resolve("store")));
        // As the app starts it (CompanionServices): default options.
        Tracker tracker = Tracker.start(store, dataDir.resolve("journal"), TrackerOptions.defaults());
        LinksServer links = null;
        Nginx nginx = null;
        try {
            Participation sponsor = OverlaySponsors.novaEnergy(store, streamerId, "!nova");
            LinksSettings settings = new LinksSettings(0, Optional.of(URI.create("https://" + PUBLIC_HOST)));
            links = LinksServer.start(settings, OverlayDirectory.load(store, streamerId), tracker, Clock.systemUTC());
            nginx = Nginx.proxyTo(URI.create(links.baseUrl()).getPort());
            String path = "/t/" + TrackingLinks.code(sponsor.browserSourceToken()) + "?src=qr";
            System.out.printf(Locale.ROOT, "links listener %s behind %s; store and journal in %s%n", links.baseUrl(),
                    nginx, dataDir);
            System.out.printf(Locale.ROOT, "%,d viewers (127.%d.1.1 on), one GET %s each, spread over %s s, %d client "
                    + "threads; per viewer: burst %d, %d a minute; whole listener: burst %,d, %,d a minute%n", viewers,
                    firstOctet, path, seconds, threads, settings.burst(), settings.clicksPerMinute(),
                    LinksSettings.SERVER_BURST, LinksSettings.SERVER_CLICKS_PER_MINUTE);
            System.out.println("load average at start: " + loadAverage());

            long[] redirectNanos = new long[viewers];
            AtomicInteger redirects = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger other = new AtomicInteger();
            AtomicReference<String> firstOther = new AtomicReference<>();
            AtomicLong worstLateNanos = new AtomicLong();
            AtomicInteger next = new AtomicInteger();
            long intervalNanos = (long) (seconds * 1e9 / viewers);
            Nginx proxy = nginx;
            long start = System.nanoTime();
            ExecutorService clients = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < viewers; i = next.getAndIncrement()) {
                        long due = start + i * intervalNanos;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        long sent = System.nanoTime();
                        worstLateNanos.accumulateAndGet(sent - due, Math::max);
                        String outcome;
                        int status;
                        try {
                            status = proxy.get(viewerAddress(i), path, PUBLIC_HOST);
                            outcome = "HTTP " + status;
                        } catch (Exception e) {
                            status = -1;
                            outcome = e.toString();
                        }
                        long took = System.nanoTime() - sent;
                        if (status == 302) {
                            redirectNanos[redirects.getAndIncrement()] = took;
                        } else if (status == 429) {
                            refused.incrementAndGet();
                        } else {
                            other.incrementAndGet();
                            firstOther.compareAndSet(null, outcome);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            clients.shutdown();
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.println("load average after the viewers: " + loadAverage());

            long drainStart = System.nanoTime();
            long drainDeadline = drainStart + TimeUnit.SECONDS.toNanos(drainTimeoutSeconds);
            while (tracker.status().eventsWaiting() > 0 && System.nanoTime() < drainDeadline) {
                Thread.sleep(100);
            }
            long waiting = tracker.status().eventsWaiting();
            double drained = (System.nanoTime() - drainStart) / 1e9;
            Participation stored = store.participations().byId(sponsor.id()).orElseThrow();

            long[] sorted = Arrays.copyOf(redirectNanos, redirects.get());
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "viewers: %,d in %.1f s (%.0f a second); a viewer started at most %s ms after it "
                    + "was due%n", viewers, elapsed, viewers / elapsed, ms(worstLateNanos.get()));
            System.out.printf(Locale.ROOT, "answers: %,d redirected (302), %,d refused (429), %,d other%s%n",
                    redirects.get(), refused.get(), other.get(),
                    firstOther.get() == null ? "" : " (first: " + firstOther.get() + ")");
            System.out.printf(Locale.ROOT, "redirect latency: p50 %s ms, p99 %s ms, max %s ms%n",
                    ms(percentile(sorted, 50)), ms(percentile(sorted, 99)),
                    ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
            System.out.printf(Locale.ROOT, "stored after %.1f s (events still waiting for the store: %,d): qrScans %,d, "
                    + "linkClicks %,d, filteredClicks %,d%n", drained, waiting, stored.qrScans(), stored.linkClicks(),
                    stored.filteredClicks());
            boolean counted = waiting == 0 && stored.qrScans() == redirects.get() && stored.filteredClicks() == 0
                    && stored.linkClicks() == 0;
            System.out.println(counted ? "counts: OK (one QR scan per redirected viewer, no filtered click)"
                    : "counts: MISMATCH (expected qrScans " + redirects.get() + ", filteredClicks 0, nothing waiting)");
            System.out.println();
            System.out.println("| viewers | window s | threads | 302 | 429 | other | qrScans | filteredClicks | "
                    + "p50 ms | p99 ms | max ms |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            System.out.printf(Locale.ROOT, "| %,d | %s | %d | %,d | %,d | %,d | %,d | %,d | %s | %s | %s |%n", viewers,
                    seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds), threads,
                    redirects.get(), refused.get(), other.get(), stored.qrScans(), stored.filteredClicks(),
                    ms(percentile(sorted, 50)), ms(percentile(sorted, 99)),
                    ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
            return counted && other.get() == 0 ? 0 : 1;
        } finally {
            if (nginx != null) {
                nginx.close();
            }
            if (links != null) {
                links.close();
            }
            tracker.close();
            store.close();
            watchdog.interrupt();
        }
    }

    /** 127.N.y.z with y and z in 1..250: never 127.0.0.1, never a .0 or .255. */
    private String viewerAddress(int viewer) {
        return "127." + (firstOctet + viewer / 62_500) + "." + (1 + viewer / 250 % 250) + "." + (1 + viewer % 250);
    }
}
