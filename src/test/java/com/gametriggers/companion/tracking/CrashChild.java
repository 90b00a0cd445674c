package com.gametriggers.companion.tracking;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreSettings;

/**
 * The producer's side of {@link TrackerCrashTest}, run in its own JVM so it can be killed with SIGKILL: the embedded
 * store in {@code dataDir/store}, a {@link Tracker} on {@code dataDir/journal}, and events read from stdin as fast as
 * they come, one per line:
 *
 * <pre>
 * I &lt;eventId&gt; &lt;participationId&gt; &lt;viewers&gt;        an impression
 * V &lt;eventId&gt; &lt;participationId&gt; &lt;viewers&gt;        a viewer sample
 * C &lt;eventId&gt; &lt;participationId&gt; chat|qr|link      a click, without a viewer key (the click guard counts it)
 * </pre>
 *
 * <p>It never waits for one event before taking the next. Stdout carries {@code ready} once the tracker runs,
 * {@code ack <eventId> <outcome>} for each completed record (from one printer thread), {@code fail <eventId> ...} for a
 * failed one, {@code flushed <eventsWaiting>} whenever the store confirmed a batch (polled, so close confirmations may
 * show as one), and on stdin EOF {@code drained} once every future completed and the store took every event; it then
 * closes the tracker and store and exits 0. Logs go to stderr.
 *
 * <p>Arguments: {@code dataDir participationId...}; an event for another participation is a usage error.
 */
public final class CrashChild {

    /** Exit code for a failure the test should report (bad input, a failed record, no drain in time). */
    static final int FAILED = 3;

    private static final String POISON = "\u0000";

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CrashChild dataDir participationId...");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        Set<String> participations = Set.of(java.util.Arrays.copyOfRange(args, 1, args.length));

        BlockingQueue<String> out = new LinkedBlockingQueue<>();
        Thread printer = new Thread(() -> print(out), "crash-child-printer");
        printer.start();

        int exitCode = 0;
        try (MongoStore store = MongoStore.open(StoreSettings.embedded(dataDir.resolve("store")))) {
            Tracker tracker = Tracker.start(store, dataDir.resolve("journal"), TrackerOptions.defaults());
            try {
                out.add("ready");
                Thread flushes = new Thread(() -> reportFlushes(tracker, out), "crash-child-flushes");
                flushes.setDaemon(true);
                flushes.start();
                List<CompletableFuture<RecordOutcome>> futures = new ArrayList<>();
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.isBlank()) {
                        continue;
                    }
                    TrackingEvent event = parse(line, participations);
                    String id = event.eventId();
                    futures.add(tracker.record(event).whenComplete((outcome, failure) -> out.add(failure == null
                            ? "ack " + id + " " + outcome
                            : "fail " + id + " " + failure.toString().replace('\n', ' '))));
                }
                CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (tracker.status().eventsWaiting() > 0) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the store did not take every event within 60 s: " + tracker.status());
                    }
                    Thread.sleep(10);
                }
                out.add("drained");
                System.err.println("CrashChild: " + futures.size() + " records, " + tracker.stats() + ", " + tracker.status());
            } finally {
                tracker.close();
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
            exitCode = FAILED;
        } finally {
            out.add(POISON);
            printer.join(TimeUnit.SECONDS.toMillis(10));
        }
        System.exit(exitCode);
    }

    static TrackingEvent parse(String line, Set<String> participations) {
        String[] parts = line.strip().split(" ");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an event spec: " + line);
        }
        String id = parts[1];
        String participationId = parts[2];
        if (!participations.contains(participationId)) {
            throw new IllegalArgumentException("unknown participation in: " + line);
        }
        Instant now = Instant.now();
        return switch (parts[0]) {
            case "I" -> TrackingEvent.impression(id, participationId, now, Long.parseLong(parts[3]));
            case "V" -> TrackingEvent.viewerSample(id, participationId, now, Long.parseLong(parts[3]));
            case "C" -> TrackingEvent.click(id, participationId, now, ClickType.fromWireName(parts[3]), null);
            default -> throw new IllegalArgumentException("not an event spec: " + line);
        };
    }

    private static void reportFlushes(Tracker tracker, BlockingQueue<String> out) {
        Instant last = null;
        try {
            while (true) {
                WriterStatus status = tracker.status();
                Instant flushed = status.lastSuccessfulFlush();
                if (flushed != null && !flushed.equals(last)) {
                    last = flushed;
                    out.add("flushed " + status.eventsWaiting());
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The one thread writing stdout: drains what is queued, then flushes, so acks leave within moments. */
    private static void print(BlockingQueue<String> out) {
        Writer writer = new BufferedWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16);
        List<String> lines = new ArrayList<>();
        try {
            while (true) {
                lines.add(out.take());
                out.drainTo(lines);
                for (String line : lines) {
                    if (line.equals(POISON)) {
                        writer.flush();
                        return;
                    }
                    writer.write(line);
                    writer.write('\n');
                }
                lines.clear();
                writer.flush();
            }
        } catch (IOException | InterruptedException e) {
            e.printStackTrace();
        }
    }
}
