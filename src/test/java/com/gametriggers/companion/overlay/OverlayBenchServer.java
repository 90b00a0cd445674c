package com.gametriggers.companion.overlay;

import static com.gametriggers.companion.bench.BenchFigures.loadAverage;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.bson.types.ObjectId;

import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.links.LinksServer;
import com.gametriggers.companion.links.LinksSettings;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreSettings;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackerOptions;
import com.gametriggers.companion.tracking.TrackerStats;
import com.gametriggers.companion.tracking.WriterStatus;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Benchmark target (a main, not a test): an overlay server on a fixed loopback port, over an embedded store and a
 * tracker as the app starts them, with one sponsor joined, for a load tool such as wrk to hit. {@code bench/overlay-http.sh}
 * drives it; see docs/BENCHMARKS.md.
 *
 * <pre>
 * ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.gametriggers.companion.overlay.OverlayBenchServer -Dexec.args="--tickets 200000"
 * </pre>
 *
 * <p>It pre-issues {@code --tickets} distinct signed show tickets and writes a wrk Lua script that POSTs them as
 * beacons, each wrk thread its own slice, so every beacon is a first-time impression until a thread runs out of
 * tickets (then it starts its slice again, and the repeats are answered as duplicates; the script's summary and the
 * tracker's stats at exit say how many). The per-client limit of {@code /t/} is set so high that {@code /t/} measures
 * the server, not the limiter; all requests come from one address, so the tracker records every click after the
 * first of the click guard's window as a filtered click, which is still journaled.
 *
 * <p>Prints a line starting with {@code ready } once it serves, then runs until stdin closes, SIGTERM, or
 * {@code --max-seconds}; at exit it prints the tracker's stats and the stored counters.
 */
@Command(name = "OverlayBenchServer", mixinStandardHelpOptions = true,
        description = "An overlay server on a fixed loopback port for load tools, with pre-issued beacon tickets.")
public final class OverlayBenchServer implements Callable<Integer> {

    @Option(names = "--port", description = "Loopback port (default ${DEFAULT-VALUE}).")
    int port = 17731;

    @Option(names = "--tickets", description = "Distinct show tickets to pre-issue (default ${DEFAULT-VALUE}).")
    int tickets = 200_000;

    @Option(names = "--lua", description = "Where to write the wrk beacon script (default ${DEFAULT-VALUE}); "
            + "the tickets go next to it, in beacon-tickets.txt.")
    Path lua = Path.of("target", "overlay-bench", "beacon.lua");

    @Option(names = "--wrk-threads", description = "Slices of tickets in the script: at most this many wrk threads "
            + "(-t) may use it (default ${DEFAULT-VALUE}).")
    int wrkThreads = 2;

    @Option(names = "--clicks-per-minute", description = "The /t/ rate limit per client (default ${DEFAULT-VALUE}, "
            + "far above any load here, so the limiter never answers 429).")
    int clicksPerMinute = 100_000_000;

    @Option(names = "--max-seconds", description = "Stops by itself after this long (default ${DEFAULT-VALUE}).")
    long maxSeconds = 900;

    @Option(names = "--no-stdin", description = "Do not stop when stdin closes; only SIGTERM or --max-seconds stop it.")
    boolean noStdin;

    public static void main(String[] args) {
        int exitCode = new CommandLine(new OverlayBenchServer()).execute(args);
        // The embedded store may leave non-daemon threads behind; a benchmark main must end by itself.
        System.exit(exitCode);
    }

    @Override
    public Integer call() throws Exception {
        if (tickets < 1 || wrkThreads < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--tickets and --wrk-threads must be positive");
        }
        Path benchDir = lua.toAbsolutePath().getParent();
        Files.createDirectories(benchDir);
        Path dataDir = Files.createTempDirectory(benchDir, "server-");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String rotationKey = HexFormat.of().formatHex(randomBytes(32));
        String streamerId = new ObjectId().toHexString();

        MongoStore store = MongoStore.open(StoreSettings.embedded(dataDir.resolve("store")));
        Tracker tracker;
        try {
            // As the app starts it (CompanionServices): default options.
            tracker = Tracker.start(store, dataDir.resolve("journal"), TrackerOptions.defaults());
        } catch (IOException e) {
            store.close();
            throw e;
        }
        OverlayServer server = null;
        LinksServer links = null;
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            Participation sponsor = OverlaySponsors.novaEnergy(store, streamerId, "!nova");
            OverlayDirectory directory = OverlayDirectory.load(store, streamerId);
            LinksSettings linksSettings = new LinksSettings(0, Optional.empty(), clicksPerMinute);
            links = LinksServer.start(linksSettings, directory, tracker, Clock.systemUTC());
            server = OverlayServer.start(new OverlaySettings(port), directory, links.trackingLinks(), tracker,
                    rotationKey, secret, () -> 0, Clock.systemUTC());

            long issueStart = System.nanoTime();
            int written = writeTickets(new ShowTickets(secret), sponsor.id(), benchDir.resolve("beacon-tickets.txt"));
            writeLuaScript(lua.toAbsolutePath(), benchDir.resolve("beacon-tickets.txt"), written, wrkThreads);
            long issueMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - issueStart);

            String beaconUrl = server.baseUrl() + "beacon";
            String trackingUrl = links.trackingLinks().trackingUrl(sponsor.browserSourceToken(), ClickType.QR);
            System.out.printf(Locale.ROOT, "overlay bench server: %s, store and journal in %s%n", server.baseUrl(), dataDir);
            System.out.printf(Locale.ROOT, "/t/ rate limit: %,d requests a minute per client (burst %,d): set far above "
                    + "the load, so /t/ measures the server and not the limiter%n", clicksPerMinute,
                    linksSettings.burst());
            System.out.printf(Locale.ROOT, "tickets: %,d distinct, issued and written in %,d ms; %s POSTs them in %d "
                    + "slices of about %,d (one per wrk thread, at most %d threads); a thread that runs out starts its "
                    + "slice again, and those repeats count as duplicates%n",
                    written, issueMillis, lua, wrkThreads, written / wrkThreads, wrkThreads);
            System.out.println("beacon url: " + beaconUrl);
            System.out.println("t url: " + trackingUrl);
            System.out.println("overlay url: " + server.overlayUrl(sponsor.browserSourceToken()));
            System.out.println("load average at start: " + loadAverage());
            System.out.println("ready beacon=" + beaconUrl + " t=" + trackingUrl + " lua=" + lua);
            System.out.flush();

            OverlayServer running = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.countDown();
                try {
                    stopped.await(40, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-shutdown"));
            if (!noStdin) {
                Thread stdinWatch = new Thread(() -> {
                    try (InputStream in = System.in) {
                        byte[] buffer = new byte[256];
                        while (in.read(buffer) >= 0) {
                            // anything typed is ignored; only the end of stdin counts
                        }
                    } catch (IOException ignored) {
                        // a broken stdin ends the run just as a closed one
                    }
                    System.out.println("stdin closed: stopping");
                    stop.countDown();
                }, "bench-stdin");
                stdinWatch.setDaemon(true);
                stdinWatch.start();
            }
            if (!stop.await(maxSeconds, TimeUnit.SECONDS)) {
                System.out.printf(Locale.ROOT, "--max-seconds %d reached: stopping%n", maxSeconds);
            }
            System.out.println("load average at stop: " + loadAverage());
            running.close();
            server = null;
            report(store, tracker, sponsor.id());
            return 0;
        } finally {
            if (server != null) {
                server.close();
            }
            if (links != null) {
                links.close();
            }
            tracker.close();
            store.close();
            deleteQuietly(dataDir);
            System.out.flush();
            // Lets a SIGTERM's shutdown hook finish; main's System.exit then simply joins the JVM's exit.
            stopped.countDown();
        }
    }

    /** The tracker's own counts, then (once it has drained, at most 30 s) what reached the store. */
    private static void report(MongoStore store, Tracker tracker, String participationId) throws InterruptedException {
        TrackerStats stats = tracker.stats();
        System.out.printf(Locale.ROOT, "tracker stats: recorded %,d (of which filtered repeat clicks %,d), "
                + "duplicates dropped %,d, orphaned %,d, journal damage %,d%n",
                stats.recorded(), stats.filtered(), stats.duplicates(), stats.orphaned(), stats.journalDamage());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        WriterStatus status = tracker.status();
        while (status.eventsWaiting() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = tracker.status();
        }
        System.out.printf(Locale.ROOT, "tracker: store online %s, events still waiting for the store %,d%n",
                status.online(), status.eventsWaiting());
        store.participations().byId(participationId).ifPresent(p -> System.out.printf(Locale.ROOT,
                "stored: impressions %,d, clicks %,d (qr %,d, link %,d), filtered clicks %,d%n",
                p.impressions(), p.clicks(), p.qrScans(), p.linkClicks(), p.filteredClicks()));
    }

    /** One ticket a line; the event ids (a ticket without its signature) are checked to be distinct. */
    private int writeTickets(ShowTickets issuer, String participationId, Path file) throws IOException {
        Set<String> eventIds = new HashSet<>(tickets * 2);
        int written = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            while (written < tickets) {
                ShowTickets.Ticket ticket = issuer.issue(participationId, Instant.now());
                if (eventIds.add(ticket.eventId())) {
                    out.write(ticket.value());
                    out.write('\n');
                    written++;
                }
            }
        }
        return written;
    }

    /**
     * The wrk script. wrk calls {@code setup} for each thread just before starting it, so a thread cannot know how
     * many follow: the number of slices is fixed here, and a thread beyond it stops the run with a message.
     */
    private static void writeLuaScript(Path script, Path ticketFile, int total, int slices) throws IOException {
        String text = """
                -- Written by OverlayBenchServer: POSTs pre-issued show tickets to /beacon, as the overlay page does.
                -- Each wrk thread sends its own slice of the tickets, so every beacon is a first-time impression
                -- until a thread has sent its whole slice; it then starts the slice again (repeats: duplicates).
                local TICKETS_FILE = "%s"
                local TOTAL = %d
                local SLICES = %d

                local threads = {}
                local started = 0

                function setup(thread)
                   started = started + 1
                   if started > SLICES then
                      io.stderr:write(string.format("beacon.lua was written for at most %%d wrk threads (-t); "
                         .. "restart OverlayBenchServer with --wrk-threads %%d\\n", SLICES, started))
                      os.exit(2)
                   end
                   thread:set("slice", started)
                   table.insert(threads, thread)
                end

                local requests = {}
                local index = 0
                count = 0
                sent = 0

                function init(args)
                   local per = math.floor(TOTAL / SLICES)
                   local first = (slice - 1) * per + 1
                   local last = (slice == SLICES) and TOTAL or (first + per - 1)
                   local n = 0
                   for line in io.lines(TICKETS_FILE) do
                      n = n + 1
                      if n > last then
                         break
                      end
                      if n >= first then
                         local headers = {["Host"] = wrk.headers["Host"], ["Content-Type"] = "application/json"}
                         count = count + 1
                         requests[count] = wrk.format("POST", wrk.path, headers,
                            '{"ticket":"' .. line .. '","onAirMs":1300}')
                      end
                   end
                   if count == 0 then
                      io.stderr:write("beacon.lua: no tickets for slice " .. slice .. " in " .. TICKETS_FILE .. "\\n")
                      os.exit(2)
                   end
                end

                function request()
                   index = index + 1
                   if index > count then
                      index = 1
                   end
                   sent = sent + 1
                   return requests[index]
                end

                function done(summary, latency, reqs)
                   local total, distinct = 0, 0
                   for _, thread in ipairs(threads) do
                      local s = thread:get("sent")
                      local c = thread:get("count")
                      total = total + s
                      distinct = distinct + math.min(s, c)
                   end
                   print(string.format("beacons: %%d completed; the script made %%d requests (some still in flight at "
                      .. "the end): %%d with a distinct ticket, %%d repeats of a ticket it had already sent",
                      summary.requests, total, distinct, total - distinct))
                end
                """.formatted(ticketFile.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\""),
                total, slices);
        Files.writeString(script, text, StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // under target/; mvn clean removes it
        }
    }
}
