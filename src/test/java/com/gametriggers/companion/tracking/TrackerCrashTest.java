package com.gametriggers.companion.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.DailyEarnings;
import com.gametriggers.companion.domain.Money;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.domain.QuarterHourEarnings;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreSettings;

/**
 * The tracker's promise under the worst crash there is: a producer sends events at full speed to a {@link CrashChild}
 * JVM, which is killed with SIGKILL at a random moment, round after round. The producer resends, with the same id,
 * every event it had no completion for. After a last round that ends cleanly, every counter in the store (the
 * participation's, its day and quarter-hour buckets', its audit trail) must equal what the distinct events sent add up
 * to: none lost, none doubled.
 *
 * <p>The seed is printed; run again with {@code -Dcrash.seed=<seed>} to repeat the same event contents and kill delays
 * (how far each child gets before its kill still depends on timing). On failure the data folder (store, journal, each
 * child's stderr) is kept and its path printed.
 */
class TrackerCrashTest {

    /**
     * Rounds 2, 4 and 6 are killed a random moment after the child's store writer first confirmed a batch: killed
     * only relative to "ready", a freshly started child is mostly still before its first store write, and a tracker
     * that wrote a batch twice after a crash would go unnoticed. The other rounds, at least five, follow "ready".
     */
    private static final int KILL_ROUNDS = 8;
    private static final Set<Integer> KILLED_AFTER_A_FLUSH = Set.of(2, 4, 6);
    private static final int MAX_KILL_DELAY_AFTER_FLUSH_MS = 300;
    private static final int MAX_NEW_EVENTS_PER_ROUND = 25_000;
    private static final int MIN_KILL_DELAY_MS = 50;
    private static final int MAX_KILL_DELAY_MS = 800;
    private static final int PARTICIPATIONS = 4;
    /** 2.00 per 1000 impressions is exactly 2000 micros per impression, so earnings do not depend on batching. */
    private static final String CPM_RATE = "2.00";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /** The final round drains every batch left, each with its trail documents (22 s on a quiet machine). */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(120);
    /**
     * A first batch holds up to 10,000 events, and the store keeps each showing and click of it as its own trail
     * document: on the embedded server that is seconds of work, tens of seconds on a loaded two-core CI machine.
     */
    private static final Duration FIRST_FLUSH_TIMEOUT = Duration.ofSeconds(90);
    private static final int SIGKILL_EXIT = 128 + 9;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    /** One event as the producer made it; {@link #line()} is what goes to the child's stdin. */
    private record Spec(String id, char kind, String participationId, long viewers, ClickType click) {
        String line() {
            return kind + " " + id + " " + participationId + " "
                    + (kind == 'C' ? click.name().toLowerCase(Locale.ROOT) : Long.toString(viewers));
        }
    }

    /** What one round did, for the report and the assertions; the final round has no kill. */
    private record Round(int number, int resent, int newEvents, int acks, int duplicateAcks, int flushes,
                         String plannedKill, long endedAfterMs, long firstAckAfterMs, int unackedAfterKill,
                         int exitCode) {
        @Override
        public String toString() {
            String end = plannedKill == null
                    ? "drained " + endedAfterMs + " ms after ready"
                    : "killed " + endedAfterMs + " ms after ready (planned " + plannedKill + ", first ack at "
                            + firstAckAfterMs + " ms)";
            return "round " + number + ": resent " + resent + ", new " + newEvents + ", acks " + acks + " ("
                    + duplicateAcks + " DUPLICATE), store flushes seen " + flushes + ", " + end
                    + ", unacked afterwards " + unackedAfterKill + ", exit " + exitCode;
        }
    }

    /** Every distinct event ever sent, in order; written only by the round's writer thread, read after it ends. */
    private final Map<String, Spec> sent = new LinkedHashMap<>();
    private final Set<String> acked = ConcurrentHashMap.newKeySet();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private int nextEventNumber;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void killedAtRandomMomentsTheTrackerNeitherLosesNorDoublesAnEvent() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("TrackerCrashTest seed " + seed + " (repeat with -Dcrash.seed=" + seed + "), data in " + dataDir);
        Random killMoments = new Random(seed);
        Random eventContents = new Random(~seed);

        List<String> participationIds = createParticipations();
        Supplier<Spec> newEvents = () -> newEvent(eventContents, participationIds);
        List<Round> rounds = new ArrayList<>();
        Child child = null;
        try {
            for (int round = 1; round <= KILL_ROUNDS; round++) {
                child = Child.start(dataDir, participationIds, round, acked, failures);
                rounds.add(killRound(child, round, killMoments, newEvents));
                child = null;
            }
            child = Child.start(dataDir, participationIds, KILL_ROUNDS + 1, acked, failures);
            Round last = finalRound(child, KILL_ROUNDS + 1);
            child = null;
            rounds.add(last);
        } finally {
            if (child != null) {
                child.killQuietly();
            }
            rounds.forEach(r -> System.out.println("TrackerCrashTest " + r));
            System.out.println("TrackerCrashTest " + sent.size() + " distinct events sent");
        }

        List<Round> killed = rounds.subList(0, KILL_ROUNDS);
        assertThat(failures).as("records that failed, or unexpected output, in a child").isEmpty();
        assertThat(killed).as("every kill round killed a running child that had acked events").allSatisfy(r -> {
            assertThat(r.exitCode()).as("round %d exit code", r.number()).isEqualTo(SIGKILL_EXIT);
            assertThat(r.acks()).as("round %d acks", r.number()).isPositive();
        });
        assertThat(killed).as("rounds killed after a store flush").filteredOn(r -> KILLED_AFTER_A_FLUSH.contains(r.number()))
                .hasSize(KILLED_AFTER_A_FLUSH.size()).allSatisfy(r -> assertThat(r.flushes()).isPositive());
        assertThat(killed).as("rounds killed a random moment after ready").filteredOn(
                r -> !KILLED_AFTER_A_FLUSH.contains(r.number())).hasSizeGreaterThanOrEqualTo(5);
        assertThat(killed).as("some round was killed with events sent but not acked, so resending was exercised")
                .anySatisfy(r -> assertThat(r.unackedAfterKill()).isPositive());
        // Not containsAll: AssertJ searches the actual set linearly, quadratic for a hundred thousand ids.
        List<String> neverAcked = unacked().stream().map(Spec::id).toList();
        assertThat(neverAcked.size()).as("events sent but never acked, even after the final round; the first: %s",
                neverAcked.subList(0, Math.min(20, neverAcked.size()))).isZero();

        assertCountersMatchTheDistinctEventsSent(participationIds);
    }

    private List<String> createParticipations() {
        List<String> ids = new ArrayList<>();
        try (MongoStore store = MongoStore.open(StoreSettings.embedded(dataDir.resolve("store")))) {
            for (int i = 0; i < PARTICIPATIONS; i++) {
                ids.add(Campaigns.joined(store, Campaigns.running(PaymentType.CPM, CPM_RATE)).id());
            }
        }
        return ids;
    }

    /**
     * Resends what was never acked, then streams new events at full speed until the child is killed (or
     * {@value #MAX_NEW_EVENTS_PER_ROUND} are sent), so the kill lands while events are in flight: a random
     * {@value #MIN_KILL_DELAY_MS}-{@value #MAX_KILL_DELAY_MS} ms after ready, or 0-{@value #MAX_KILL_DELAY_AFTER_FLUSH_MS}
     * ms after the first store flush, and never before the first ack.
     */
    private Round killRound(Child child, int number, Random killMoments, Supplier<Spec> newEvents) throws Exception {
        long readyAt = child.awaitReady();
        boolean afterFlush = KILLED_AFTER_A_FLUSH.contains(number);
        long killDelayMs = afterFlush ? killMoments.nextInt(MAX_KILL_DELAY_AFTER_FLUSH_MS + 1)
                : MIN_KILL_DELAY_MS + killMoments.nextInt(MAX_KILL_DELAY_MS - MIN_KILL_DELAY_MS + 1);
        List<Spec> resend = unacked();

        Writer writer = child.send(resend, newEvents, MAX_NEW_EVENTS_PER_ROUND, sent, false);
        long firstAckAt = child.awaitFirstAck();
        long from = afterFlush ? child.awaitFirstFlush() : readyAt;
        long wait = from + TimeUnit.MILLISECONDS.toNanos(killDelayMs) - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait); // the random kill moment is the point of the test, not a missing signal
        }
        long killedAt = System.nanoTime();
        int exitCode = child.kill();
        writer.awaitEnd(number);
        String planned = killDelayMs + " ms after " + (afterFlush
                ? "the first flush at " + TimeUnit.NANOSECONDS.toMillis(from - readyAt) + " ms" : "ready");
        return new Round(number, resend.size(), writer.newEventsSent(), child.acks(), child.duplicateAcks(),
                child.flushes(), planned, TimeUnit.NANOSECONDS.toMillis(killedAt - readyAt),
                TimeUnit.NANOSECONDS.toMillis(firstAckAt - readyAt), unacked().size(), exitCode);
    }

    /** Resends what was never acked, closes stdin, and expects the child to drain and exit 0. */
    private Round finalRound(Child child, int number) throws Exception {
        long readyAt = child.awaitReady();
        List<Spec> resend = unacked();
        Writer writer = child.send(resend, () -> null, 0, sent, true);
        child.awaitDrained();
        long drainedAt = System.nanoTime();
        int exitCode = child.awaitExit();
        writer.awaitEnd(number);
        assertThat(exitCode).as("final child's exit code; stderr:\n%s", child.stderr()).isZero();
        return new Round(number, resend.size(), 0, child.acks(), child.duplicateAcks(), child.flushes(), null,
                TimeUnit.NANOSECONDS.toMillis(drainedAt - readyAt), -1, unacked().size(), exitCode);
    }

    private List<Spec> unacked() {
        return sent.values().stream().filter(spec -> !acked.contains(spec.id())).toList();
    }

    private Spec newEvent(Random random, List<String> participationIds) {
        String id = "crash-" + nextEventNumber++;
        String participationId = participationIds.get(random.nextInt(participationIds.size()));
        int kind = random.nextInt(100);
        if (kind < 50) {
            return new Spec(id, 'I', participationId, 1 + random.nextInt(20), null);
        }
        if (kind < 85) {
            return new Spec(id, 'C', participationId, 1, ClickType.values()[random.nextInt(ClickType.values().length)]);
        }
        return new Spec(id, 'V', participationId, random.nextInt(301), null);
    }

    private void assertCountersMatchTheDistinctEventsSent(List<String> participationIds) {
        try (MongoStore store = MongoStore.open(StoreSettings.embedded(dataDir.resolve("store")))) {
            for (String id : participationIds) {
                List<Spec> events = sent.values().stream().filter(spec -> spec.participationId().equals(id)).toList();
                long impressionViewers = sum(events, 'I');
                long sampleViewers = sum(events, 'V');
                long samples = events.stream().filter(spec -> spec.kind() == 'V').count();
                long peak = events.stream().filter(spec -> spec.kind() == 'V').mapToLong(Spec::viewers).max().orElse(0);
                long impressions = impressionViewers; // viewer samples are statistics, never impressions

                Participation after = store.participations().byId(id).orElseThrow();
                String as = "participation " + id + " (" + events.size() + " distinct events)";
                assertThat(after.impressions()).as(as + " impressions").isEqualTo(impressions);
                assertThat(after.clicks()).as(as + " clicks").isEqualTo(clicks(events, null));
                assertThat(after.chatClicks()).as(as + " chatClicks").isEqualTo(clicks(events, ClickType.CHAT));
                assertThat(after.qrScans()).as(as + " qrScans").isEqualTo(clicks(events, ClickType.QR));
                assertThat(after.linkClicks()).as(as + " linkClicks").isEqualTo(clicks(events, ClickType.LINK));
                assertThat(after.filteredClicks()).as(as + " filteredClicks").isZero();
                assertThat(after.unbilledImpressions()).as(as + " unbilledImpressions").isZero();
                assertThat(after.unbilledClicks()).as(as + " unbilledClicks").isZero();
                assertThat(after.viewerSampleCount()).as(as + " viewerSampleCount").isEqualTo(samples);
                assertThat(after.viewerCountSum()).as(as + " viewerCountSum").isEqualTo(sampleViewers);
                assertThat(after.peakViewerCount()).as(as + " peakViewerCount").isEqualTo(peak);
                assertThat(after.estimatedEarnings()).as(as + " estimatedEarnings")
                        .isEqualByComparingTo(new BigDecimal(CPM_RATE).multiply(BigDecimal.valueOf(impressions)).movePointLeft(3));
                assertThat(store.campaignSpending().forCampaigns(List.of(after.campaignId())).get(after.campaignId()).totalMicros())
                        .as(as + ": its campaign's spent counter, settled by every batch, replayed ones too")
                        .isEqualTo(Money.toMicros(after.estimatedEarnings()));
                assertTheTrailHoldsEachShowingAndClickOnce(store, id, events);
                assertQuartersAddUpToDaysAndDaysToTheTotal(store, after);
            }
        }
    }

    /**
     * Each quarter-hour bucket took each batch once too: the quarters add up to the days, the days to the
     * participation's own counters (which match the events sent).
     */
    private static void assertQuartersAddUpToDaysAndDaysToTheTotal(MongoStore store, Participation participation) {
        List<QuarterHourEarnings> quarters = store.earnings().quarterHours(List.of(participation.id()), Instant.EPOCH,
                Instant.parse("9999-12-31T00:00:00Z"));
        List<DailyEarnings> days = store.earnings().daily(List.of(participation.id()), LocalDate.EPOCH,
                LocalDate.of(9999, 12, 31));
        String as = "participation " + participation.id() + " in " + quarters.size() + " quarter hours, " + days.size() + " days";
        assertThat(quarters).as(as).isNotEmpty();
        assertThat(quarters.stream().mapToLong(QuarterHourEarnings::impressions).sum()).as(as + ": impressions of the quarters")
                .isEqualTo(days.stream().mapToLong(DailyEarnings::impressions).sum())
                .isEqualTo(participation.impressions());
        assertThat(quarters.stream().mapToLong(QuarterHourEarnings::clicks).sum()).as(as + ": clicks of the quarters")
                .isEqualTo(days.stream().mapToLong(DailyEarnings::clicks).sum())
                .isEqualTo(participation.clicks());
        assertThat(quarters.stream().map(QuarterHourEarnings::earnings).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as(as + ": earnings of the quarters")
                .isEqualByComparingTo(days.stream().map(DailyEarnings::earnings).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(participation.estimatedEarnings());
    }

    /** The audit trail: one document per showing and per click sent, with what it was, none missing, none twice. */
    private static void assertTheTrailHoldsEachShowingAndClickOnce(MongoStore store, String participationId, List<Spec> events) {
        List<Activity> trail = store.activityLog().recent(participationId, Instant.EPOCH, Integer.MAX_VALUE);
        Map<String, Spec> expected = events.stream().filter(spec -> spec.kind() != 'V')
                .collect(Collectors.toMap(Spec::id, spec -> spec));
        assertThat(trail).extracting(Activity::id).as("the trail of " + participationId)
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Activity entry : trail) {
            Spec spec = expected.get(entry.id());
            if (spec.kind() == 'I') {
                assertThat(entry.kind()).isEqualTo(Activity.Kind.SHOWING);
                assertThat(entry.impressions()).as("impressions of showing " + entry.id()).isEqualTo(spec.viewers());
            } else {
                assertThat(entry.kind()).isEqualTo(Activity.Kind.of(spec.click()));
            }
            assertThat(entry.outcome()).isEqualTo(Activity.Outcome.COUNTED);
        }
    }

    private static long sum(List<Spec> events, char kind) {
        return events.stream().filter(spec -> spec.kind() == kind).mapToLong(Spec::viewers).sum();
    }

    private static long clicks(List<Spec> events, ClickType type) {
        return events.stream().filter(spec -> spec.kind() == 'C' && (type == null || spec.click() == type)).count();
    }

    /** One {@link CrashChild} JVM: its stdout read by a thread that records acks, its stderr in a file. */
    private static final class Child {

        private final Process process;
        private final Path stderrFile;
        private final Set<String> acked;
        private final List<String> failures;
        private final CountDownLatch ready = new CountDownLatch(1);
        private final CountDownLatch firstAck = new CountDownLatch(1);
        private final CountDownLatch drained = new CountDownLatch(1);
        private final CountDownLatch firstFlush = new CountDownLatch(1);
        private final AtomicInteger acks = new AtomicInteger();
        private final AtomicInteger duplicateAcks = new AtomicInteger();
        private final AtomicInteger flushes = new AtomicInteger();
        private final AtomicReference<Throwable> writeProblem = new AtomicReference<>();
        private final Thread reader;
        private volatile long readyAt;
        private volatile long firstAckAt;
        private volatile long firstFlushAt;
        private volatile boolean killing;

        private Child(Process process, Path stderrFile, Set<String> acked, List<String> failures) {
            this.process = process;
            this.stderrFile = stderrFile;
            this.acked = acked;
            this.failures = failures;
            this.reader = new Thread(this::readStdout, "crash-child-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(Path dataDir, List<String> participationIds, int round, Set<String> acked,
                           List<String> failures) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    CrashChild.class.getName(),
                    dataDir.toString()));
            command.addAll(participationIds);
            Path stderrFile = dataDir.resolve("child-round-" + round + ".stderr.log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderrFile.toFile());
            builder.environment().remove("MONGODB_URI");
            return new Child(builder.start(), stderrFile, acked, failures);
        }

        private void readStdout() {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("ack ")) {
                        String[] parts = line.split(" ");
                        acked.add(parts[1]);
                        if (parts.length > 2 && parts[2].equals(RecordOutcome.DUPLICATE.name())) {
                            duplicateAcks.incrementAndGet();
                        }
                        if (acks.incrementAndGet() == 1) {
                            firstAckAt = System.nanoTime();
                            firstAck.countDown();
                        }
                    } else if (line.equals("ready")) {
                        readyAt = System.nanoTime();
                        ready.countDown();
                    } else if (line.startsWith("flushed ")) {
                        if (flushes.incrementAndGet() == 1) {
                            firstFlushAt = System.nanoTime();
                            firstFlush.countDown();
                        }
                    } else if (line.equals("drained")) {
                        drained.countDown();
                    } else {
                        failures.add(line);
                    }
                }
            } catch (IOException e) {
                failures.add("reading the child's stdout: " + e);
            }
        }

        /**
         * Starts a thread writing the resends, then up to {@code maxNew} new events from {@code newEvents} (each put in
         * {@code sent} before it is written) at full speed until the child is killed; then closes stdin if
         * {@code thenClose}, or else keeps it open (EOF would make the child drain and exit by itself).
         */
        Writer send(List<Spec> resend, Supplier<Spec> newEvents, int maxNew, Map<String, Spec> sent, boolean thenClose) {
            AtomicInteger newSent = new AtomicInteger();
            Thread thread = new Thread(() -> {
                // A small buffer: what sits in it at the kill was never read by the child, only counted as unacked.
                try (java.io.Writer stdin = new BufferedWriter(
                        new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), 8192)) {
                    for (Spec spec : resend) {
                        stdin.write(spec.line());
                        stdin.write('\n');
                    }
                    while (!killing && newSent.get() < maxNew) {
                        Spec spec = newEvents.get();
                        sent.put(spec.id(), spec);
                        newSent.incrementAndGet();
                        stdin.write(spec.line());
                        stdin.write('\n');
                    }
                    stdin.flush();
                    if (!thenClose) {
                        process.waitFor();
                    }
                } catch (IOException e) {
                    if (!killing) {
                        writeProblem.set(e);
                    } // otherwise the pipe broke because the child was killed, as intended
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    writeProblem.set(e);
                }
            }, "crash-child-stdin");
            thread.setDaemon(true);
            thread.start();
            return new Writer(thread, newSent, writeProblem);
        }

        long awaitReady() throws InterruptedException {
            awaitLatch(ready, START_TIMEOUT, "ready");
            return readyAt;
        }

        long awaitFirstAck() throws InterruptedException {
            awaitLatch(firstAck, START_TIMEOUT, "a first ack");
            return firstAckAt;
        }

        long awaitFirstFlush() throws InterruptedException {
            awaitLatch(firstFlush, FIRST_FLUSH_TIMEOUT, "a first store flush");
            return firstFlushAt;
        }

        void awaitDrained() throws InterruptedException {
            awaitLatch(drained, DRAIN_TIMEOUT, "drained");
        }

        private void awaitLatch(CountDownLatch latch, Duration timeout, String what) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!latch.await(50, TimeUnit.MILLISECONDS)) {
                if (!process.isAlive()) {
                    reader.join(TimeUnit.SECONDS.toMillis(5));
                    if (latch.getCount() == 0) {
                        return;
                    }
                    throw new AssertionError("the child exited (" + process.exitValue() + ") before " + what
                            + "; stderr:\n" + stderr());
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no " + what + " from the child within " + timeout + "; stderr:\n" + stderr());
                }
            }
        }

        /**
         * SIGKILL through the handle: {@link Process#destroyForcibly()} would also close our ends of the pipes, and the
         * acks the child printed before it died would be lost. Returns the exit code once its last output is read.
         */
        int kill() throws InterruptedException {
            killing = true;
            process.toHandle().destroyForcibly();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the child survived SIGKILL for 10 s");
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(reader.isAlive()).as("the child's stdout reached EOF").isFalse();
            closeStreams();
            return process.exitValue();
        }

        /** For cleanup after a failure: SIGKILL without waiting for output or checking anything. */
        void killQuietly() {
            killing = true;
            process.toHandle().destroyForcibly();
            process.destroyForcibly();
        }

        int awaitExit() throws InterruptedException {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
                throw new AssertionError("the child did not exit within 30 s after draining; stderr:\n" + stderr());
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
            closeStreams();
            return process.exitValue();
        }

        private void closeStreams() {
            try {
                process.getOutputStream().close();
            } catch (IOException ignored) {
                // the child is gone; its stdin pipe may already be broken
            }
        }

        int acks() {
            return acks.get();
        }

        int duplicateAcks() {
            return duplicateAcks.get();
        }

        int flushes() {
            return flushes.get();
        }

        String stderr() {
            try {
                return Files.readString(stderrFile);
            } catch (IOException e) {
                return "(stderr unreadable: " + e + ")";
            }
        }
    }

    /** The thread feeding one child's stdin. */
    private record Writer(Thread thread, AtomicInteger newEvents, AtomicReference<Throwable> problem) {

        int newEventsSent() {
            return newEvents.get();
        }

        /** Once the child is gone the writer ends: its pipe broke, or it closed stdin after the last event. */
        void awaitEnd(int round) throws InterruptedException {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(thread.isAlive()).as("round %d writer still running after its child ended", round).isFalse();
            assertThat(problem.get()).as("round %d writer", round).isNull();
        }
    }
}
