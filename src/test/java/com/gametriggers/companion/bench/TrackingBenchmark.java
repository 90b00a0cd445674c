package com.gametriggers.companion.bench;

import static com.mongodb.client.model.Filters.eq;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.bson.types.ObjectId;

import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.Money;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.ParticipationUpdates;
import com.gametriggers.companion.store.StoreSettings;
import com.mongodb.ConnectionString;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Benchmark (a main, not a test): ways of recording tracking events into the store, on loopback and through a
 * {@link DelayingTcpProxy} that imitates a home connection to a cloud MongoDB.
 *
 * <pre>
 * ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.gametriggers.companion.bench.TrackingBenchmark -Dexec.args="--events 100000"
 * </pre>
 *
 * <p>One embedded store serves every run. Each mode gets its own freshly joined participations, {@code --threads}
 * producers record {@code --events} random events into them (a click of a random type, 1..5 impressions at 0.0045
 * each, or a viewer sample of 1..500 viewers at 0.0045 each), and at the end the stored counters are compared with
 * what the producers sent. Each mode stops by itself after {@code --mode-timeout-s}.
 *
 * <p>Modes are {@link EventSink}s in the {@linkplain #MODES mode registry}. Mode (c), the tracking pipeline, is the
 * extension point: see {@link #PIPELINE_SINK_CLASS}.
 */
@Command(name = "TrackingBenchmark", mixinStandardHelpOptions = true,
        description = "Compares ways of recording tracking events into the store, on loopback and through a delaying proxy.")
public final class TrackingBenchmark implements Callable<Integer> {

    static final BigDecimal EARNINGS_PER_IMPRESSION = new BigDecimal("0.0045");
    static final int MAX_IMPRESSIONS_PER_EVENT = 5;
    static final int MAX_VIEWERS_PER_SAMPLE = 500;

    @Option(names = "--events", description = "events per mode on loopback (default: ${DEFAULT-VALUE})")
    int events = 100_000;

    @Option(names = "--proxied-events", description = "events per mode through the proxy; 0 skips the proxied runs (default: ${DEFAULT-VALUE})")
    int proxiedEvents = 2_000;

    @Option(names = "--delay-ms", description = "delay the proxy adds to every chunk, each direction (default: ${DEFAULT-VALUE})")
    long delayMs = 50;

    @Option(names = "--modes", split = ",", description = "modes to run, of a (old-save), b (find-one-and-update), c (pipeline) (default: a,b,c)")
    List<String> modes = List.of("a", "b", "c");

    @Option(names = "--participations", description = "participations the events are spread over (default: ${DEFAULT-VALUE})")
    int participations = 50;

    @Option(names = "--threads", description = "producer threads (default: ${DEFAULT-VALUE})")
    int threads = 8;

    @Option(names = "--warmup-events", description = "unmeasured events per mode on loopback before measuring, on other participations (default: ${DEFAULT-VALUE}); through the proxy 4 per thread, to open the connections")
    int warmupEvents = 5_000;

    @Option(names = "--mode-timeout-s", description = "a mode (warm-up included) stops issuing events after this many seconds and is reported as timed out (default: ${DEFAULT-VALUE})")
    long modeTimeoutSeconds = 300;

    @Option(names = "--seed", description = "random seed of the event stream (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--rate", description = "events per second offered by all producers together, 0 for as fast as "
            + "they can (default: ${DEFAULT-VALUE}); a paced run measures latency at a load the sink can keep up with, "
            + "an unpaced one its throughput, where latency is mostly queueing")
    int rate = 0;

    public static void main(String[] args) {
        int exitCode = new CommandLine(new TrackingBenchmark()).execute(args);
        System.out.flush();
        System.exit(exitCode); // ends the embedded server's and the drivers' threads too
    }

    // ------------------------------------------------------------------------------------------------------------
    // The events and the extension point
    // ------------------------------------------------------------------------------------------------------------

    public enum EventKind { CLICK, IMPRESSIONS, VIEWER_SAMPLE }

    /**
     * One tracking event for one participation. {@code amount} is 1 for a click, the impressions for
     * {@code IMPRESSIONS}, the viewers for {@code VIEWER_SAMPLE}; {@code earnings} is what it earned (zero for clicks,
     * since the campaigns here pay per impression, and for viewer samples, which are statistics, not impressions).
     * {@code index} is unique within a run.
     */
    public record BenchEvent(int index, String participationId, EventKind kind, ClickType clickType, long amount,
                             BigDecimal earnings) {
    }

    /**
     * EXTENSION POINT: a way of recording events, one per mode. {@link #record} may do the work on the caller's thread
     * and return a completed future (modes a and b) or hand the event on and complete the future later (a pipeline).
     * The harness measures latency from the call to the future's completion, and counts an event as sent when its
     * future completed normally. {@link #close()} must return only once everything accepted is in the store (flush),
     * because the counters are read right after it; the time it takes counts in the mode's events/s.
     */
    public interface EventSink {
        CompletableFuture<?> record(BenchEvent e);

        void close();
    }

    /**
     * What a sink gets. {@code store} is a MongoStore on this run's network (the embedded store on loopback, or a
     * remote store connected through the proxy); {@code connectionString} is the same server for a raw client.
     * A sink adds the MongoDB round trips it makes to {@code roundTrips}, or registers it as the
     * {@link CommandListener} of a client it opens; {@code scratchDir} is an empty folder of its own (for a journal).
     */
    public record BenchContext(MongoStore store, String connectionString, RoundTrips roundTrips, Path scratchDir,
                               boolean proxied) {
    }

    /** A sink factory, and how its round trips are counted, for the output. */
    public record Mode(String key, String name, String roundTripsCountedAs, Function<BenchContext, EventSink> factory) {
    }

    /**
     * EXTENSION POINT: mode (c). Once the tracking pipeline lands, add one class of this name implementing
     * {@link EventSink} with a public constructor taking a {@link BenchContext}; the registry finds it and
     * {@code --modes c} (in the default modes) runs it. Until then mode (c) is reported as not measured.
     * (Or replace the {@code pipeline} line of {@link #MODES} with a direct constructor reference.)
     */
    static final String PIPELINE_SINK_CLASS = "com.gametriggers.companion.bench.PipelineEventSink";

    /** The mode registry, by key. */
    static final Map<String, Mode> MODES = new LinkedHashMap<>();

    static {
        register(new Mode("a", "old-save",
                "commands seen by a CommandListener on the raw client (find + update per event)",
                OldSaveSink::new));
        register(new Mode("b", "find-one-and-update",
                "ParticipationUpdates calls, one findOneAndUpdate round trip each "
                        + "(MongoStore's own client takes no CommandListener)",
                FindOneAndUpdateSink::new));
        register(new Mode("c", "pipeline",
                "as counted by the pipeline sink into BenchContext.roundTrips",
                TrackingBenchmark::pipelineSink));
    }

    static void register(Mode mode) {
        MODES.put(mode.key(), mode);
    }

    private static EventSink pipelineSink(BenchContext context) {
        Class<?> type;
        try {
            type = Class.forName(PIPELINE_SINK_CLASS);
        } catch (ClassNotFoundException e) {
            throw new ModeNotAvailable("to be measured once the tracking pipeline lands (add " + PIPELINE_SINK_CLASS
                    + " implementing TrackingBenchmark.EventSink)");
        }
        try {
            Constructor<?> constructor = type.getConstructor(BenchContext.class);
            return (EventSink) constructor.newInstance(context);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(PIPELINE_SINK_CLASS + " needs to implement EventSink with a public ("
                    + "BenchContext) constructor", e);
        }
    }

    /** A mode that cannot run yet; reported in the table instead of measured. */
    static final class ModeNotAvailable extends RuntimeException {
        ModeNotAvailable(String message) {
            super(message);
        }
    }

    /** MongoDB commands sent: counted by a sink, or by a client it registered this listener on. */
    public static final class RoundTrips implements CommandListener {
        private final LongAdder total = new LongAdder();
        private final Map<String, LongAdder> byCommand = new ConcurrentHashMap<>();

        public void add(String what, long count) {
            total.add(count);
            byCommand.computeIfAbsent(what, key -> new LongAdder()).add(count);
        }

        @Override
        public void commandStarted(CommandStartedEvent event) {
            add(event.getCommandName(), 1);
        }

        long total() {
            return total.sum();
        }

        void reset() {
            total.reset();
            byCommand.clear();
        }

        String breakdown() {
            return byCommand.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(entry -> entry.getKey() + " " + entry.getValue().sum())
                    .collect(Collectors.joining(", "));
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Modes (a) and (b)
    // ------------------------------------------------------------------------------------------------------------

    /**
     * (a) The platform's old way: read the participation, change its counters in memory, save the whole document
     * back with {@code replaceOne(eq(_id), doc, upsert)}. Test code only; ArchitectureTest forbids this in the app.
     */
    static final class OldSaveSink implements EventSink {

        private final MongoClient client;
        private final MongoCollection<Document> participations;

        OldSaveSink(BenchContext context) {
            ConnectionString connectionString = new ConnectionString(context.connectionString());
            this.client = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(connectionString)
                    .applicationName("TrackingBenchmark old-save")
                    .retryWrites(false) // as the store does against the embedded server; it has no sessions
                    .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
                    .applyToSocketSettings(socket -> socket.connectTimeout(10, TimeUnit.SECONDS)
                            .readTimeout(60, TimeUnit.SECONDS))
                    .addCommandListener(context.roundTrips())
                    .build());
            this.participations = client.getDatabase(StoreSettings.DEFAULT_DATABASE).getCollection("campaignparticipations");
        }

        @Override
        public CompletableFuture<?> record(BenchEvent e) {
            try {
                ObjectId id = new ObjectId(e.participationId());
                Document doc = participations.find(eq("_id", id)).first();
                if (doc == null) {
                    throw new IllegalStateException("participation " + id + " not found");
                }
                long micros = Money.toMicros(e.earnings());
                switch (e.kind()) {
                    case CLICK -> {
                        add(doc, "clicks", 1);
                        add(doc, clickField(e.clickType()), 1);
                    }
                    case IMPRESSIONS -> add(doc, "impressions", e.amount());
                    case VIEWER_SAMPLE -> {
                        add(doc, "viewerCountSum", e.amount());
                        add(doc, "viewerSampleCount", 1);
                        doc.put("peakViewerCount", Math.max(count(doc, "peakViewerCount"), e.amount()));
                        doc.put("avgViewerCount", (double) count(doc, "viewerCountSum") / count(doc, "viewerSampleCount"));
                    }
                }
                if (micros != 0) {
                    add(doc, "earningsMicros", micros);
                    doc.put("estimatedEarnings", doc.get("estimatedEarnings", Number.class).doubleValue()
                            + Money.fromMicros(micros).doubleValue());
                }
                doc.put("updatedAt", new java.util.Date());
                // participation.save()
                participations.replaceOne(eq("_id", id), doc, new ReplaceOptions().upsert(true));
                return CompletableFuture.completedFuture(null);
            } catch (RuntimeException failure) {
                return CompletableFuture.failedFuture(failure);
            }
        }

        private static void add(Document doc, String field, long amount) {
            doc.put(field, count(doc, field) + amount);
        }

        private static long count(Document doc, String field) {
            Object value = doc.get(field);
            return value instanceof Number number ? number.longValue() : 0L;
        }

        private static String clickField(ClickType type) {
            return switch (type) {
                case CHAT -> "chatClicks";
                case QR -> "qrScans";
                case LINK -> "linkClicks";
            };
        }

        @Override
        public void close() {
            client.close();
        }
    }

    /** (b) One atomic ParticipationUpdates call per event, on the caller's thread. */
    static final class FindOneAndUpdateSink implements EventSink {

        private final ParticipationUpdates updates;
        private final RoundTrips roundTrips;

        FindOneAndUpdateSink(BenchContext context) {
            this.updates = context.store().participationUpdates();
            this.roundTrips = context.roundTrips();
        }

        @Override
        public CompletableFuture<?> record(BenchEvent e) {
            try {
                roundTrips.add("ParticipationUpdates." + e.kind().name().toLowerCase(Locale.ROOT), 1);
                Optional<Participation> after = switch (e.kind()) {
                    case CLICK -> updates.recordClick(e.participationId(), e.clickType(), e.earnings());
                    case IMPRESSIONS -> updates.recordImpressions(e.participationId(), e.amount(), e.earnings());
                    case VIEWER_SAMPLE -> updates.recordViewerSample(e.participationId(), e.amount());
                };
                if (after.isEmpty()) {
                    throw new IllegalStateException("participation " + e.participationId() + " not found");
                }
                return CompletableFuture.completedFuture(null);
            } catch (RuntimeException failure) {
                return CompletableFuture.failedFuture(failure);
            }
        }

        @Override
        public void close() {
            // the store belongs to the harness
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // The harness
    // ------------------------------------------------------------------------------------------------------------

    /** Where a run's modes write: loopback to the embedded store, or through the proxy. */
    private interface Network extends AutoCloseable {
        String label();

        String connectionString();

        MongoStore store();

        boolean proxied();

        /** Chunks the proxy forwarded towards the server so far, or -1 on loopback. */
        long chunksToServer();

        @Override
        void close();
    }

    private record Result(String network, Mode mode, int events, int completed, long errors, long duplicateKeyErrors,
                          boolean timedOut, double seconds, long roundTrips, String roundTripBreakdown,
                          long proxyChunksToServer, long[] sortedLatencies, Comparison comparison, String firstError,
                          String notMeasured) {

        static Result notMeasured(String network, Mode mode, String why) {
            return new Result(network, mode, 0, 0, 0, 0, false, 0, 0, "", -1, new long[0], null, null, why);
        }
    }

    /** Stored counters against what was sent, summed over the mode's participations. */
    private record Comparison(long lostEvents, long doubledEvents, long lostImpressions, long doubledImpressions,
                              long earningsMicrosMissing, long earningsMicrosExtra, int wrongPeaks,
                              long expectedClicks, long storedClicks, long expectedSamples, long storedSamples,
                              long expectedImpressions, long storedImpressions) {
    }

    /** What the producers sent to one participation, from the events whose futures completed normally. */
    private static final class Expected {
        long impressions;
        long clicks;
        long chatClicks;
        long qrScans;
        long linkClicks;
        long earningsMicros;
        long viewerSum;
        long samples;
        long peak;

        void add(BenchEvent e) {
            earningsMicros += Money.toMicros(e.earnings());
            switch (e.kind()) {
                case CLICK -> {
                    clicks++;
                    switch (e.clickType()) {
                        case CHAT -> chatClicks++;
                        case QR -> qrScans++;
                        case LINK -> linkClicks++;
                    }
                }
                case IMPRESSIONS -> impressions += e.amount();
                case VIEWER_SAMPLE -> {
                    viewerSum += e.amount();
                    samples++;
                    peak = Math.max(peak, e.amount());
                }
            }
        }
    }

    private static final byte NOT_SENT = 0;
    private static final byte SENT = 1;
    private static final byte FAILED = 2;

    @Override
    public Integer call() throws Exception {
        if (threads < 1 || participations < 1 || events < 0 || proxiedEvents < 0 || delayMs < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--threads and --participations must be at least 1, and no count or delay negative");
        }
        List<Mode> selected = new ArrayList<>();
        for (String key : modes) {
            Mode mode = MODES.get(key.strip().toLowerCase(Locale.ROOT));
            if (mode == null) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "unknown mode " + key + "; known: " + String.join(",", MODES.keySet()));
            }
            selected.add(mode);
        }

        Path workDir = Files.createTempDirectory("tracking-benchmark-");
        List<Result> results = new ArrayList<>();
        MongoStore store = MongoStore.open(StoreSettings.embedded(workDir.resolve("store")));
        try {
            System.out.println("store: " + store.address());
            System.out.println("machine: " + machine());
            loadAtStart = loadAverage();
            System.out.println("load average (1 min) at start: " + loadAtStart);
            System.out.printf(Locale.ROOT, "flags: --events %d --proxied-events %d --delay-ms %d --modes %s "
                            + "--participations %d --threads %d --warmup-events %d --mode-timeout-s %d --seed %d --rate %d%n",
                    events, proxiedEvents, delayMs, String.join(",", modes), participations, threads, warmupEvents,
                    modeTimeoutSeconds, seed, rate);

            if (events > 0) {
                try (Network loopback = loopback(store)) {
                    for (Mode mode : selected) {
                        results.add(runMode(store, loopback, mode, events, warmupEvents, workDir));
                    }
                }
            }
            if (proxiedEvents > 0) {
                try (Network proxied = proxied(store, workDir)) {
                    for (Mode mode : selected) {
                        results.add(runMode(store, proxied, mode, proxiedEvents, 4 * threads, workDir));
                    }
                }
            }
        } finally {
            store.close();
        }
        printTable(results);
        deleteQuietly(workDir);
        return 0;
    }

    private Network loopback(MongoStore store) {
        return new Network() {
            @Override
            public String label() {
                return "loopback";
            }

            @Override
            public String connectionString() {
                return store.address();
            }

            @Override
            public MongoStore store() {
                return store;
            }

            @Override
            public boolean proxied() {
                return false;
            }

            @Override
            public long chunksToServer() {
                return -1;
            }

            @Override
            public void close() {
                // the harness closes the store
            }
        };
    }

    private Network proxied(MongoStore store, Path workDir) throws IOException {
        ConnectionString server = new ConnectionString(store.address());
        String[] hostPort = server.getHosts().get(0).split(":");
        DelayingTcpProxy proxy = new DelayingTcpProxy(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])),
                Duration.ofMillis(delayMs));
        String uri = "mongodb://127.0.0.1:" + proxy.port() + "/?directConnection=true";
        System.out.println("proxy: " + proxy + " at " + uri);
        AtomicReference<MongoStore> remote = new AtomicReference<>();
        return new Network() {
            @Override
            public String label() {
                return "proxy " + delayMs + " ms";
            }

            @Override
            public String connectionString() {
                return uri;
            }

            @Override
            public synchronized MongoStore store() { // opened on first use: mode (a) does not need it
                if (remote.get() == null) {
                    long start = System.nanoTime();
                    remote.set(MongoStore.open(new StoreSettings(Optional.of(uri), workDir.resolve("remote"), Optional.empty())));
                    System.out.printf(Locale.ROOT, "  remote store through the proxy opened in %.1f s%n",
                            (System.nanoTime() - start) / 1e9);
                }
                return remote.get();
            }

            @Override
            public boolean proxied() {
                return true;
            }

            @Override
            public long chunksToServer() {
                return proxy.chunksToTarget();
            }

            @Override
            public void close() {
                MongoStore opened = remote.get();
                if (opened != null) {
                    opened.close();
                }
                proxy.close();
            }
        };
    }

    private Result runMode(MongoStore setupStore, Network network, Mode mode, int eventCount, int warmup, Path workDir)
            throws Exception {
        System.out.printf(Locale.ROOT, "%n== %s, mode (%s) %s: %,d events, %d threads, %d participations%n",
                network.label(), mode.key(), mode.name(), eventCount, threads, participations);
        RoundTrips roundTrips = new RoundTrips();
        EventSink sink;
        try {
            Path scratch = Files.createDirectories(workDir.resolve("scratch-" + mode.key() + "-" + (network.proxied() ? "proxied" : "loopback")));
            sink = mode.factory().apply(new BenchContext(network.store(), network.connectionString(), roundTrips, scratch,
                    network.proxied()));
        } catch (ModeNotAvailable notAvailable) {
            System.out.println("  not measured: " + notAvailable.getMessage());
            return Result.notMeasured(network.label(), mode, notAvailable.getMessage());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(modeTimeoutSeconds);
        SplittableRandom random = new SplittableRandom(seed ^ (mode.key().hashCode() * 31L) ^ (network.proxied() ? 7 : 0));
        try {
            if (warmup > 0) {
                List<String> warmupIds = join(setupStore, Math.min(participations, 10));
                Run warm = produce(sink, generate(random, warmup, warmupIds, WARMUP_FIRST_INDEX), deadline);
                System.out.printf(Locale.ROOT, "  warm-up: %,d events in %.1f s, %,d errors (E11000: %,d)%s (not "
                                + "measured)%n", warm.completed(), warm.seconds(), warm.errors(), warm.duplicateKeyErrors(),
                        warm.firstError() == null ? "" : ", first: " + warm.firstError());
            }
            List<String> ids = join(setupStore, participations);
            BenchEvent[] batch = generate(random, eventCount, ids, 0);
            roundTrips.reset();
            long chunksBefore = network.chunksToServer();

            Run run = produce(sink, batch, deadline);
            long closeStart = System.nanoTime();
            boolean closedInTime = closeWithin(sink, Math.max(TimeUnit.SECONDS.toNanos(30), deadline - closeStart));
            double seconds = run.seconds() + (System.nanoTime() - closeStart) / 1e9;
            if (!closedInTime) {
                System.out.println("  close() did not return in time: counters read anyway, mode reported as timed out");
            }
            long rounds = roundTrips.total();
            String breakdown = roundTrips.breakdown();
            long chunks = network.proxied() ? network.chunksToServer() - chunksBefore : -1;

            Comparison comparison = compare(setupStore, ids, batch, run.status());
            Result result = new Result(network.label(), mode, eventCount, run.completed(), run.errors(),
                    run.duplicateKeyErrors(), run.timedOut() || !closedInTime, seconds, rounds, breakdown, chunks, run.sortedLatencies(),
                    comparison, run.firstError(), null);
            printDetails(result);
            return result;
        } catch (RuntimeException | Error e) {
            sink.close();
            throw e;
        }
    }

    /** Closes (flushes) the sink, waiting at most {@code nanos}; a sink that hangs is left behind on a daemon thread. */
    private static boolean closeWithin(EventSink sink, long nanos) throws InterruptedException {
        Thread closer = new Thread(sink::close, "sink-close");
        closer.setDaemon(true);
        closer.start();
        closer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos)));
        return !closer.isAlive();
    }

    /** Participations in running CPM campaigns at 4.50 per 1000, so the pipeline earns what the other modes are told. */
    private List<String> join(MongoStore store, int count) {
        List<String> ids = new ArrayList<>();
        java.time.Instant now = java.time.Instant.now();
        for (int i = 0; i < count; i++) {
            com.gametriggers.companion.domain.Campaign campaign = new com.gametriggers.companion.domain.Campaign(
                    new ObjectId().toHexString(), "Bench " + i, "Bench brand " + i, "",
                    com.gametriggers.companion.domain.CampaignStatus.ACTIVE, com.gametriggers.companion.domain.PaymentType.CPM,
                    EARNINGS_PER_IMPRESSION.movePointRight(3), new BigDecimal("100000"), "/m.png",
                    com.gametriggers.companion.domain.MediaType.IMAGE, "https://example.com",
                    now.minus(java.time.Duration.ofDays(1)), now.plus(java.time.Duration.ofDays(1)));
            store.campaigns().addIfMissing(campaign);
            ids.add(store.participationUpdates().join(campaign.id(), new ObjectId().toHexString()).id());
        }
        return ids;
    }

    /** Warm-up events are numbered apart from measured ones: an event's index is its identity, and ids must not repeat. */
    static final int WARMUP_FIRST_INDEX = 1_000_000_000;

    private static BenchEvent[] generate(SplittableRandom random, int count, List<String> participationIds, int firstIndex) {
        BenchEvent[] batch = new BenchEvent[count];
        ClickType[] clickTypes = ClickType.values();
        EventKind[] kinds = EventKind.values();
        for (int i = 0; i < count; i++) {
            String participationId = participationIds.get(random.nextInt(participationIds.size()));
            EventKind kind = kinds[random.nextInt(kinds.length)];
            batch[i] = switch (kind) {
                case CLICK -> new BenchEvent(firstIndex + i, participationId, kind, clickTypes[random.nextInt(clickTypes.length)], 1,
                        BigDecimal.ZERO);
                case IMPRESSIONS -> {
                    long impressions = 1 + random.nextInt(MAX_IMPRESSIONS_PER_EVENT);
                    yield new BenchEvent(firstIndex + i, participationId, kind, null, impressions,
                            EARNINGS_PER_IMPRESSION.multiply(BigDecimal.valueOf(impressions)));
                }
                case VIEWER_SAMPLE -> {
                    long viewers = 1 + random.nextInt(MAX_VIEWERS_PER_SAMPLE);
                    // Viewer statistics only: a sample is no impression and earns nothing.
                    yield new BenchEvent(firstIndex + i, participationId, kind, null, viewers, BigDecimal.ZERO);
                }
            };
        }
        return batch;
    }

    private record Run(byte[] status, int completed, long errors, long duplicateKeyErrors, boolean timedOut,
                       double seconds, long[] sortedLatencies, String firstError) {
    }

    /**
     * {@code threads} producers record the events (thread t takes every t-th), then wait for every future. Stops
     * issuing at the deadline and stops waiting shortly after it, so a mode always ends.
     */
    private Run produce(EventSink sink, BenchEvent[] batch, long deadline) throws InterruptedException {
        int n = batch.length;
        byte[] status = new byte[n];
        long[] latency = new long[n];
        @SuppressWarnings("unchecked")
        CompletableFuture<Object>[] futures = new CompletableFuture[n];
        LongAdder errors = new LongAdder();
        LongAdder duplicateKeys = new LongAdder();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicBoolean timedOut = new AtomicBoolean();
        long[] startNanos = new long[1];
        CyclicBarrier start = new CyclicBarrier(threads, () -> startNanos[0] = System.nanoTime());
        ExecutorService producers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "producer");
            thread.setDaemon(true);
            return thread;
        });
        for (int t = 0; t < threads; t++) {
            int first = t;
            producers.execute(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    return;
                }
                long pacing = rate > 0 ? 1_000_000_000L * threads / rate : 0;
                for (int i = first; i < n; i += threads) {
                    if (System.nanoTime() - deadline > 0) {
                        timedOut.set(true);
                        return;
                    }
                    if (pacing > 0) {
                        long due = startNanos[0] + (long) (i / threads) * pacing;
                        for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                    }
                    int index = i;
                    long callStart = System.nanoTime();
                    CompletableFuture<?> future;
                    try {
                        future = sink.record(batch[index]);
                    } catch (RuntimeException e) {
                        future = CompletableFuture.failedFuture(e);
                    }
                    futures[index] = future.handle((ignored, failure) -> {
                        long took = System.nanoTime() - callStart;
                        if (failure == null) {
                            latency[index] = took;
                            status[index] = SENT;
                        } else {
                            status[index] = FAILED;
                            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                    ? failure.getCause() : failure;
                            errors.increment();
                            if (isDuplicateKey(cause)) {
                                duplicateKeys.increment();
                            }
                            firstError.compareAndSet(null, cause.toString());
                        }
                        return null;
                    });
                }
            });
        }
        producers.shutdown();
        long grace = TimeUnit.SECONDS.toNanos(30);
        if (!producers.awaitTermination(Math.max(0, deadline + grace - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            timedOut.set(true);
            producers.shutdownNow();
        }
        CompletableFuture<?>[] issued = Arrays.stream(futures).filter(f -> f != null).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(issued).get(Math.max(0, deadline + grace - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            timedOut.set(true);
        } catch (ExecutionException e) {
            // failures are counted per event
        }
        double seconds = (System.nanoTime() - startNanos[0]) / 1e9;

        int completed = 0;
        long[] sent = new long[n];
        for (int i = 0; i < n; i++) {
            CompletableFuture<Object> future = futures[i];
            if (future == null || !future.isDone()) {
                status[i] = NOT_SENT; // not issued, or still in flight at the deadline: not expected in the store
                continue;
            }
            if (status[i] == SENT) {
                sent[completed++] = latency[i];
            }
        }
        long[] sorted = Arrays.copyOf(sent, completed);
        Arrays.sort(sorted);
        return new Run(status, completed, errors.sum(), duplicateKeys.sum(), timedOut.get(), seconds, sorted,
                firstError.get());
    }

    private static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoServerException server
                && ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }

    private static Comparison compare(MongoStore store, List<String> ids, BenchEvent[] batch, byte[] status) {
        Map<String, Expected> expected = new LinkedHashMap<>();
        ids.forEach(id -> expected.put(id, new Expected()));
        for (int i = 0; i < batch.length; i++) {
            if (status[i] == SENT) {
                expected.get(batch[i].participationId()).add(batch[i]);
            }
        }
        long lostEvents = 0, doubledEvents = 0, lostImpressions = 0, doubledImpressions = 0;
        long earningsMissing = 0, earningsExtra = 0;
        int wrongPeaks = 0;
        long expectedClicks = 0, storedClicks = 0, expectedSamples = 0, storedSamples = 0;
        long expectedImpressions = 0, storedImpressions = 0;
        for (Map.Entry<String, Expected> entry : expected.entrySet()) {
            Participation stored = store.participations().byId(entry.getKey()).orElseThrow();
            Expected want = entry.getValue();
            // Clicks (by type) and viewer samples are counted per event, so they give lost and doubled events.
            long[][] perEvent = {
                    {want.chatClicks, stored.chatClicks()},
                    {want.qrScans, stored.qrScans()},
                    {want.linkClicks, stored.linkClicks()},
                    {want.samples, stored.viewerSampleCount()}};
            for (long[] pair : perEvent) {
                lostEvents += Math.max(0, pair[0] - pair[1]);
                doubledEvents += Math.max(0, pair[1] - pair[0]);
            }
            lostImpressions += Math.max(0, want.impressions - stored.impressions());
            doubledImpressions += Math.max(0, stored.impressions() - want.impressions);
            long storedMicros = Money.toMicros(stored.estimatedEarnings());
            earningsMissing += Math.max(0, want.earningsMicros - storedMicros);
            earningsExtra += Math.max(0, storedMicros - want.earningsMicros);
            if (stored.peakViewerCount() != want.peak) {
                wrongPeaks++;
            }
            expectedClicks += want.clicks;
            storedClicks += stored.clicks();
            expectedSamples += want.samples;
            storedSamples += stored.viewerSampleCount();
            expectedImpressions += want.impressions;
            storedImpressions += stored.impressions();
        }
        return new Comparison(lostEvents, doubledEvents, lostImpressions, doubledImpressions, earningsMissing,
                earningsExtra, wrongPeaks, expectedClicks, storedClicks, expectedSamples, storedSamples,
                expectedImpressions, storedImpressions);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Output
    // ------------------------------------------------------------------------------------------------------------

    private static void printDetails(Result r) {
        Comparison c = r.comparison();
        System.out.printf(Locale.ROOT, "  %,d of %,d events sent in %.2f s = %,.0f events/s%s%n", r.completed(),
                r.events(), r.seconds(), r.completed() / r.seconds(), r.timedOut() ? " (TIMED OUT)" : "");
        System.out.printf(Locale.ROOT, "  errors: %,d (E11000 duplicate key: %,d)%s%n", r.errors(),
                r.duplicateKeyErrors(), r.firstError() == null ? "" : "; first: " + r.firstError());
        System.out.printf(Locale.ROOT, "  round trips: %,d = %s per 10,000 events, counted as %s [%s]%n",
                r.roundTrips(), perTenThousand(r.roundTrips(), r.completed()), r.mode().roundTripsCountedAs(),
                r.roundTripBreakdown());
        if (r.proxyChunksToServer() >= 0) {
            System.out.printf(Locale.ROOT, "  cross-check: the proxy forwarded %,d chunks towards the server = %s per "
                            + "10,000 events (a request is usually one chunk; heartbeats included)%n",
                    r.proxyChunksToServer(), perTenThousand(r.proxyChunksToServer(), r.completed()));
        }
        System.out.printf(Locale.ROOT, "  latency call to completion: p50 %s ms, p99 %s ms, p99.9 %s ms, max %s ms%n",
                millis(percentile(r.sortedLatencies(), 0.50)), millis(percentile(r.sortedLatencies(), 0.99)),
                millis(percentile(r.sortedLatencies(), 0.999)),
                millis(r.sortedLatencies().length == 0 ? -1 : r.sortedLatencies()[r.sortedLatencies().length - 1]));
        System.out.printf(Locale.ROOT, "  clicks sent %,d stored %,d; viewer samples sent %,d stored %,d; impressions "
                        + "sent %,d stored %,d%n", c.expectedClicks(), c.storedClicks(), c.expectedSamples(),
                c.storedSamples(), c.expectedImpressions(), c.storedImpressions());
        System.out.printf(Locale.ROOT, "  lost events %,d, doubled events %,d (clicks by type + viewer samples); "
                        + "impressions lost %,d doubled %,d; earnings micros missing %,d extra %,d; wrong peaks %d%n",
                c.lostEvents(), c.doubledEvents(), c.lostImpressions(), c.doubledImpressions(),
                c.earningsMicrosMissing(), c.earningsMicrosExtra(), c.wrongPeaks());
    }

    private void printTable(List<Result> results) {
        System.out.println();
        System.out.println("## Tracking: ways of recording events");
        System.out.println();
        System.out.println("machine: " + machine());
        System.out.println("load average (1 min): " + loadAtStart + " at start, " + loadAverage() + " at end "
                + "(anything else running on the machine shares its cores with the benchmark)");
        System.out.printf(Locale.ROOT, "%d producer threads, %d participations, one embedded store (mongo-java-server "
                + "+ H2) in the same JVM; proxy delay %d ms per chunk each way%n%n", threads, participations, delayMs);
        System.out.println("| network | mode | events sent | errors (E11000) | time s | events/s | round trips / 10k events "
                + "| p50 ms | p99 ms | p99.9 ms | lost events | doubled events | impressions lost / doubled |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Result r : results) {
            String mode = "(" + r.mode().key() + ") " + r.mode().name();
            if (r.notMeasured() != null) {
                System.out.printf("| %s | %s: %s | | | | | | | | | | | |%n", r.network(), mode, r.notMeasured());
                continue;
            }
            Comparison c = r.comparison();
            long[] sorted = r.sortedLatencies();
            System.out.printf(Locale.ROOT, "| %s | %s | %,d%s | %,d (%,d) | %.1f | %,.0f | %s%s | %s | %s | %s | %,d | %,d | %,d / %,d |%n",
                    r.network(), mode, r.completed(), r.timedOut() ? " of " + String.format(Locale.ROOT, "%,d", r.events()) + " (timed out)" : "",
                    r.errors(), r.duplicateKeyErrors(), r.seconds(), r.completed() / r.seconds(),
                    perTenThousand(r.roundTrips(), r.completed()), r.mode().key().equals("b") ? " ¹" : "",
                    millis(percentile(sorted, 0.50)), millis(percentile(sorted, 0.99)), millis(percentile(sorted, 0.999)),
                    c.lostEvents(), c.doubledEvents(), c.lostImpressions(), c.doubledImpressions());
        }
        System.out.println();
        System.out.println("Round trips: " + MODES.values().stream()
                .sorted(Comparator.comparing(Mode::key))
                .map(m -> "(" + m.key() + ") " + m.roundTripsCountedAs())
                .collect(Collectors.joining("; ")) + ".");
        System.out.println("¹ counted, not observed: one per ParticipationUpdates call (each is one findOneAndUpdate).");
        System.out.println("Lost / doubled events: stored chatClicks, qrScans, linkClicks and viewerSampleCount against "
                + "the events whose call completed; impressions in impression units (impression events and viewer samples).");
    }

    private String loadAtStart = "?";

    private static String loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load);
    }

    private static String perTenThousand(long count, int events) {
        return events == 0 ? "-" : String.format(Locale.ROOT, "%,.0f", count * 10_000.0 / events);
    }

    /** Nearest rank: the smallest value with at least {@code p} of the values at or below it; -1 when empty. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    private static String millis(long nanos) {
        if (nanos < 0) {
            return "-";
        }
        double ms = nanos / 1e6;
        return String.format(Locale.ROOT, ms < 10 ? "%.2f" : "%.0f", ms);
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vm.name") + "), " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a temporary folder; the OS cleans it eventually
        }
    }
}
