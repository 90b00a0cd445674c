package com.gametriggers.companion.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.bson.types.ObjectId;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignStatus;
import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.MediaType;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.store.EmbeddedMongoServer;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreSettings;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackerOptions;
import com.gametriggers.companion.tracking.TrackingEvent;
import com.gametriggers.companion.tracking.ViewerKeys;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Benchmark (a main, not a test): what a fleet of live streamers asks of the one MongoDB they all record into.
 *
 * <pre>
 * nice ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.gametriggers.companion.bench.FleetBenchmark -Dexec.args="--streamers 200"
 * </pre>
 *
 * <p>{@code --streamers} app instances in this JVM, each its own {@link Tracker} with its own journal under
 * {@code target/}, each streamer with {@code --participations} sponsors joined in the store, all recording into one
 * store: the embedded server, or {@code MONGODB_URI} when set (a plain {@code mongodb://host:port} one, since the
 * requests are counted on the wire by a {@link CommandTap} in front of it).
 *
 * <p>Each streamer produces what the app produces for a live stream with the default settings: the rotation's showing
 * of 20 s every 5 min 20 s (first one 2 min after going live), each an impression beacon and, when it ends, its time on
 * air; a viewer sample per sponsor on screen at each 60 s stream poll; and chat commands, QR scans and link clicks
 * around the showings. Time is compressed by {@code --speed}: the trackers' clock runs that much faster and their
 * flush interval is that much shorter, so a batch holds what it holds in a real stream while an hour passes in a
 * minute.
 */
@Command(name = "FleetBenchmark", mixinStandardHelpOptions = true,
        description = "Live streamers' apps recording into one store: commands, documents and batch sizes per 1,000 streamers.")
public final class FleetBenchmark implements Callable<Integer> {

    private static final BigDecimal CPM = new BigDecimal("4.50");

    @Option(names = "--streamers", description = "app instances, one live streamer each (default: ${DEFAULT-VALUE})")
    int streamers = 50;

    @Option(names = "--participations", description = "sponsors each streamer rotates (default: ${DEFAULT-VALUE})")
    int participations = 3;

    @Option(names = "--stream-minutes", description = "minutes of stream time measured (default: ${DEFAULT-VALUE})")
    int streamMinutes = 60;

    @Option(names = "--speed", description = "stream seconds per real second (default: ${DEFAULT-VALUE})")
    int speed = 60;

    @Option(names = "--viewers", description = "viewers of each stream, a mid-size one (default: ${DEFAULT-VALUE})")
    int viewers = 200;

    @Option(names = "--chat-per-hour", description = "sponsor chat commands per live hour (default: ${DEFAULT-VALUE})")
    double chatPerHour = 24;

    @Option(names = "--qr-per-hour", description = "QR scans per live hour (default: ${DEFAULT-VALUE})")
    double qrPerHour = 6;

    @Option(names = "--links-per-hour", description = "tracking-link clicks per live hour (default: ${DEFAULT-VALUE})")
    double linksPerHour = 12;

    @Option(names = "--seed", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed = 16;

    // The app's defaults (RotationSettings.defaults(), TwitchLink.POLL_INTERVAL); the fleet runs as shipped.
    static final Duration SHOWING = Duration.ofSeconds(20);
    static final Duration BETWEEN_SHOWINGS = Duration.ofMinutes(5);
    static final Duration FIRST_SHOWING = Duration.ofMinutes(2);
    static final Duration VIEWER_POLL = Duration.ofSeconds(60);
    /** Viewers act on a showing while it is on screen and for a while after (a QR code is photographed, a link typed). */
    static final Duration CLICKS_WITHIN = Duration.ofSeconds(60);

    public static void main(String[] args) {
        int exitCode = new CommandLine(new FleetBenchmark()).execute(args);
        System.out.flush();
        System.exit(exitCode); // ends the embedded server's and the drivers' threads too
    }

    /** One event of one app, due at {@code atSeconds} of stream time after the measured window opened. */
    record Due(double atSeconds, int app, TrackingEvent event) {
    }

    @Override
    public Integer call() throws Exception {
        String loadAtStart = BenchFigures.loadAverage();
        Path runDir = Files.createDirectories(Path.of("target", "fleet-bench")).resolve("run-" + System.currentTimeMillis());
        String uri = System.getenv("MONGODB_URI");
        boolean remote = uri != null && !uri.isBlank();
        if (remote && (uri.startsWith("mongodb+srv:") || new ConnectionString(uri).getHosts().size() != 1
                || Boolean.TRUE.equals(new ConnectionString(uri).getSslEnabled()))) {
            System.err.println("MONGODB_URI must name one host without TLS (mongodb://user:pw@host:port/...): the "
                    + "commands are counted on the wire in front of it.");
            return 2;
        }
        if (!remote) {
            // The embedded server's own indexes first (sparse where the app asks a real MongoDB for partial ones, which
            // this server lacks); the store then opens through the tap like a store given a URI.
            MongoStore.open(StoreSettings.embedded(runDir.resolve("store"))).close();
        }
        EmbeddedMongoServer embedded = remote ? null : EmbeddedMongoServer.start(runDir.resolve("store"));
        String host = remote ? new ConnectionString(uri).getHosts().get(0)
                : embedded.connectionString().substring("mongodb://".length());
        String database = remote ? "gt_fleet_" + Long.toHexString(System.currentTimeMillis()) : StoreSettings.DEFAULT_DATABASE;
        int colon = host.lastIndexOf(':');
        InetSocketAddress target = colon < 0 ? new InetSocketAddress(host, 27017)
                : new InetSocketAddress(host.substring(0, colon), Integer.parseInt(host.substring(colon + 1)));
        try (CommandTap tap = new CommandTap(target)) {
            String tapped = remote ? uri.replace(host, "127.0.0.1:" + tap.port())
                    : "mongodb://127.0.0.1:" + tap.port() + "/?retryWrites=false";
            StoreSettings settings = new StoreSettings(Optional.of(tapped), runDir.resolve("data"), Optional.of(database));
            try (MongoStore store = MongoStore.open(settings)) {
                return run(store, tap, runDir, loadAtStart, remote, tapped, database);
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private int run(MongoStore store, CommandTap tap, Path runDir, String loadAtStart, boolean remote, String uri,
                    String database) throws IOException {
        Instant windowStart = Instant.now();
        CompressedClock streamClock = new CompressedClock(windowStart, speed);
        TrackerOptions defaults = TrackerOptions.defaults();
        TrackerOptions options = new TrackerOptions(defaults.journal(), defaults.retention(), defaults.clickWindow(),
                defaults.flushInterval().dividedBy(speed), defaults.maxBatchEvents(), defaults.maxEventsInMemory(),
                defaults.termsMaxAge(), Duration.ofSeconds(30), streamClock);

        SplittableRandom random = new SplittableRandom(seed);
        List<Tracker> trackers = new ArrayList<>();
        List<Due> due = new ArrayList<>();
        ViewerKeys addresses = ViewerKeys.withRandomSalt();
        for (int app = 0; app < streamers; app++) {
            String streamerId = new ObjectId().toHexString();
            List<String> ids = new ArrayList<>();
            for (int p = 0; p < participations; p++) {
                Campaign campaign = new Campaign(new ObjectId().toHexString(), "Fleet " + app + "/" + p, "Brand " + p, "",
                        CampaignStatus.ACTIVE, PaymentType.CPM, CPM, new BigDecimal("100000"), "/m.png", MediaType.IMAGE,
                        "https://example.com", windowStart.minus(Duration.ofDays(2)), windowStart.plus(Duration.ofDays(30)));
                store.campaigns().addIfMissing(campaign);
                ids.add(store.participationUpdates().join(campaign.id(), streamerId).id());
            }
            trackers.add(Tracker.start(store, runDir.resolve("app-" + app).resolve("journal"), options));
            schedule(app, ids, random, windowStart, addresses, due);
        }
        due.sort(Comparator.comparingDouble(Due::atSeconds));
        tap.reset();
        long[] byType = new long[5];
        due.forEach(d -> byType[kind(d.event())]++);

        // The producer: each event goes to its app's tracker at its time, compressed.
        long began = streamClock.restart();
        long behindMaxNanos = 0;
        for (Due d : due) {
            long at = began + (long) (d.atSeconds() * 1e9 / speed);
            long wait = at - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                behindMaxNanos = Math.max(behindMaxNanos, -wait);
            }
            trackers.get(d.app()).record(d.event());
        }
        long produced = System.nanoTime();
        long drainDeadline = produced + TimeUnit.MINUTES.toNanos(5);
        while (trackers.stream().anyMatch(t -> t.status().eventsWaiting() > 0) && System.nanoTime() < drainDeadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        long drained = System.nanoTime();
        long waiting = trackers.stream().mapToLong(t -> t.status().eventsWaiting()).sum();
        Map<String, CommandTap.Tally> tallies = tap.tallies();
        trackers.forEach(Tracker::close);
        long recorded = trackers.stream().mapToLong(t -> t.stats().recorded()).sum();
        long filtered = trackers.stream().mapToLong(t -> t.stats().filtered()).sum();
        long orphaned = trackers.stream().mapToLong(t -> t.stats().orphaned()).sum();

        print(tallies, due.size(), byType, recorded, filtered, orphaned, waiting, (produced - began) / 1e9,
                (drained - produced) / 1e9, behindMaxNanos, loadAtStart, remote);
        printStored(uri, database, remote);
        return waiting == 0 ? 0 : 1;
    }

    /**
     * One streamer's events in the window: the stream went live up to an hour before it opened (so the fleet is in its
     * steady state, not all starting at once), and the rotation, the viewer poll and the viewers follow from there.
     */
    private void schedule(int app, List<String> ids, SplittableRandom random, Instant windowStart, ViewerKeys addresses,
                          List<Due> due) {
        double window = streamMinutes * 60.0;
        double liveSince = -random.nextDouble(3600);
        double cycle = SHOWING.toSeconds() + BETWEEN_SHOWINGS.toSeconds();
        double pollPhase = random.nextDouble(VIEWER_POLL.toSeconds());
        double perShowing = cycle / 3600.0;
        int showing = 0;
        for (double start = liveSince + FIRST_SHOWING.toSeconds(); start < window; start += cycle, showing++) {
            String participationId = ids.get(showing % ids.size());
            String showingId = "show-" + app + "-" + showing;
            double end = start + SHOWING.toSeconds();
            long audience = Math.max(1, Math.round(viewers * (0.8 + random.nextDouble(0.4))));
            add(due, start, window, app, TrackingEvent.impression(showingId, participationId, at(windowStart, start), audience));
            add(due, end, window, app, TrackingEvent.onAir(showingId, participationId, at(windowStart, end), SHOWING.toSeconds()));
            // The stream poll that falls within the showing samples its sponsor.
            double firstPoll = liveSince + pollPhase + Math.ceil((start - liveSince - pollPhase) / VIEWER_POLL.toSeconds()) * VIEWER_POLL.toSeconds();
            for (double poll = firstPoll; poll < end; poll += VIEWER_POLL.toSeconds()) {
                add(due, poll, window, app, TrackingEvent.viewerSample("vs:" + participationId + ":" + at(windowStart, poll).toEpochMilli(),
                        participationId, at(windowStart, poll), audience));
            }
            clicks(due, app, participationId, ClickType.CHAT, chatPerHour * perShowing, start, window, windowStart, random, addresses);
            clicks(due, app, participationId, ClickType.QR, qrPerHour * perShowing, start, window, windowStart, random, addresses);
            clicks(due, app, participationId, ClickType.LINK, linksPerHour * perShowing, start, window, windowStart, random, addresses);
        }
    }

    private void clicks(List<Due> due, int app, String participationId, ClickType type, double mean, double showingStart,
                        double window, Instant windowStart, SplittableRandom random, ViewerKeys addresses) {
        int count = poisson(mean, random);
        for (int i = 0; i < count; i++) {
            double at = showingStart + random.nextDouble(CLICKS_WITHIN.toSeconds());
            int viewer = random.nextInt(viewers); // the same viewer twice within 10 minutes is filtered, as in the app
            String key = type == ClickType.CHAT ? ViewerKeys.forChatUser("u" + app + "-" + viewer)
                    : addresses.forAddress("10." + (app % 250) + "." + (viewer / 250) + "." + (viewer % 250));
            add(due, at, window, app, TrackingEvent.click(type.name().toLowerCase(Locale.ROOT) + ":" + new ObjectId(),
                    participationId, at(windowStart, at), type, key));
        }
    }

    private static void add(List<Due> due, double atSeconds, double window, int app, TrackingEvent event) {
        if (atSeconds >= 0 && atSeconds < window) {
            due.add(new Due(atSeconds, app, event));
        }
    }

    private static int poisson(double mean, SplittableRandom random) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private static Instant at(Instant windowStart, double seconds) {
        return windowStart.plusMillis(Math.round(seconds * 1000));
    }

    /** 0 impression, 1 on air, 2 viewer sample, 3 click, 4 other. */
    private static int kind(TrackingEvent event) {
        return switch (event.type()) {
            case IMPRESSION -> 0;
            case ON_AIR -> 1;
            case VIEWER_SAMPLE -> 2;
            default -> event.isClick() ? 3 : 4;
        };
    }

    // ------------------------------------------------------------------------------------------------------------

    private void print(Map<String, CommandTap.Tally> tallies, int events, long[] byType, long recorded, long filtered,
                       long orphaned, long waiting, double producedSeconds, double drainSeconds, long behindMaxNanos,
                       String loadAtStart, boolean remote) {
        double streamSeconds = streamMinutes * 60.0;
        double per1000PerSecond = 1000.0 / streamers / streamSeconds;
        long batches = tallies.entrySet().stream().filter(e -> e.getKey().equals("update campaignparticipations"))
                .mapToLong(e -> e.getValue().commands.sum()).sum();
        System.out.println();
        System.out.println("## Fleet: " + streamers + " live streamers into one store");
        System.out.println();
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        System.out.println("load average (/proc/loadavg): " + loadAtStart + " at start, " + BenchFigures.loadAverage() + " at end");
        System.out.println("store: " + (remote ? "MONGODB_URI" : "embedded (mongo-java-server + H2), in this JVM")
                + ", through the command tap; one MongoClient shared by every app (a real app has its own)");
        System.out.printf(Locale.ROOT, "%d streamers x %d sponsors, %d stream minutes at %dx (%.1f s real), %d viewers; "
                        + "flush interval %s ms real (200 ms of stream time)%n", streamers, participations, streamMinutes, speed,
                producedSeconds, viewers, BenchFigures.ms(TrackerOptions.defaults().flushInterval().dividedBy(speed).toNanos()));
        System.out.printf(Locale.ROOT, "events: %,d (impressions %,d, on-air %,d, viewer samples %,d, clicks %,d); "
                        + "recorded %,d, repeat clicks filtered %,d, orphaned %,d, still waiting %,d%n", events, byType[0],
                byType[1], byType[2], byType[3], recorded, filtered, orphaned, waiting);
        System.out.printf(Locale.ROOT, "per streamer and live hour: %.1f events (%.1f impressions, %.1f on-air, "
                        + "%.1f viewer samples, %.1f clicks)%n", perHour(events), perHour(byType[0]), perHour(byType[1]),
                perHour(byType[2]), perHour(byType[3]));
        System.out.printf(Locale.ROOT, "producer at most %s ms behind schedule; drained %.2f s after the last event%n",
                BenchFigures.ms(behindMaxNanos), drainSeconds);
        System.out.printf(Locale.ROOT, "batches (participations bulkWrites): %,d, %.2f events per batch%n%n", batches,
                batches == 0 ? 0 : (double) recorded / batches);
        System.out.println("| command collection | commands | per 1,000 streamers / s | documents | per 1,000 streamers / s | docs per command mean / max |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        long totalCommands = 0;
        long totalDocs = 0;
        for (Map.Entry<String, CommandTap.Tally> entry : tallies.entrySet()) {
            long commands = entry.getValue().commands.sum();
            long docs = entry.getValue().documents.sum();
            totalCommands += commands;
            totalDocs += docs;
            System.out.printf(Locale.ROOT, "| %s | %,d | %.2f | %,d | %.2f | %s |%n", entry.getKey(), commands,
                    commands * per1000PerSecond, docs, docs * per1000PerSecond,
                    docs == 0 ? "-" : String.format(Locale.ROOT, "%.2f / %d", (double) docs / commands, entry.getValue().largest()));
        }
        System.out.printf(Locale.ROOT, "| all | %,d | %.2f | %,d | %.2f | |%n", totalCommands,
                totalCommands * per1000PerSecond, totalDocs, totalDocs * per1000PerSecond);
        System.out.println();
        System.out.println("Per 1,000 streamers / s: counts / streamers x 1,000 / stream seconds (the rate a platform sees "
                + "in real time; compression changes when, not how much). Monitoring (hello, ping) is one shared client's.");
    }

    /**
     * What the run left in the store: the documents it created (it started from an empty database). A real MongoDB's
     * throw-away database is dropped after.
     */
    private void printStored(String uri, String database, boolean remote) {
        System.out.println();
        System.out.println("| collection | documents after the run | per streamer and live hour |");
        System.out.println("|---|---:|---:|");
        try (MongoClient raw = MongoClients.create(uri)) {
            MongoDatabase db = raw.getDatabase(database);
            for (String collection : List.of("campaignparticipations", "participationdailystats",
                    "participationquarterhours", "participationshowings", "participationclicks")) {
                long count = db.getCollection(collection).countDocuments();
                System.out.printf(Locale.ROOT, "| %s | %,d | %.1f |%n", collection, count, perHour(count));
            }
            if (remote) {
                db.drop();
            }
        }
    }

    private double perHour(long count) {
        return count / (double) streamers / (streamMinutes / 60.0);
    }

    /** Stream time: starts at {@code origin} and runs {@code speed} times faster than the machine's clock. */
    private static final class CompressedClock extends Clock {
        private final Instant origin;
        private final int speed;
        private volatile long originNanos = System.nanoTime();

        CompressedClock(Instant origin, int speed) {
            this.origin = origin;
            this.speed = speed;
        }

        /** Reads {@code origin} again from now on (the set-up's time is not stream time); returns now's nano time. */
        long restart() {
            originNanos = System.nanoTime();
            return originNanos;
        }

        @Override
        public Instant instant() {
            return origin.plusNanos((System.nanoTime() - originNanos) * speed);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
