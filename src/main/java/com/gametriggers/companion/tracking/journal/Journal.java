package com.gametriggers.companion.tracking.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable, append-only log of opaque records in a folder of its own. A record counts as written once its
 * {@link #append} future completes: it is then on disk and survives a crash or power loss, and is replayed by every
 * later {@link #open} until {@link #releaseThrough released}.
 *
 * <p>All methods are safe to call from any thread. Append futures are completed on the journal's single writer
 * thread, and callbacks attached with the non-async {@code CompletableFuture} methods run there too, holding up every
 * other append; attach heavy or blocking work with the {@code *Async} variants.
 *
 * <p>After a write or fsync fails (a full disk, say), appends are held in memory, within the same limits as any
 * waiting append, while the journal reopens itself with backoff, cutting off whatever the failed write left behind;
 * their futures complete once they are on disk. {@link #writeProblem()} says so meanwhile, and the listener hears
 * when writing stops and starts again. Only what is held in memory when the process dies is lost.
 */
public final class Journal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Journal.class);

    private final DirectoryLock lock;
    private final Recovery.Result recovered;
    private final AppendQueue queue;
    private final LiveSegments segments;
    private final JournalWriter writer;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Journal(DirectoryLock lock, Recovery.Result recovered, AppendQueue queue, LiveSegments segments,
            JournalWriter writer) {
        this.lock = lock;
        this.recovered = recovered;
        this.queue = queue;
        this.segments = segments;
        this.writer = writer;
    }

    /**
     * Opens the journal in dir, creating the folder if needed. A damaged or torn tail of any segment is cut off,
     * logged at WARN and reported to listener once; the good records before it are kept. Writing always continues in
     * a new segment, with sequences above any ever used in this folder.
     *
     * @throws IOException if the folder cannot be read or written, or another journal has it open
     */
    public static Journal open(Path dir, JournalOptions options, JournalListener listener) throws IOException {
        return open(dir, options, listener, UnaryOperator.identity());
    }

    /** As {@link #open(Path, JournalOptions, JournalListener)}, with every segment's channel wrapped, for tests. */
    static Journal open(Path dir, JournalOptions options, JournalListener listener,
            UnaryOperator<FileChannel> segmentChannels) throws IOException {
        Objects.requireNonNull(options, "options");
        JournalListener reporter = CorruptionLog.alongside(listener);
        Files.createDirectories(dir);
        DirectoryLock lock = DirectoryLock.acquire(dir);
        try {
            Recovery.Result recovered = Recovery.run(dir, reporter);
            LiveSegments segments = new LiveSegments(dir);
            recovered.segments().forEach(segment -> segments.add(segment.firstSequence(), segment.length()));
            AppendQueue queue = new AppendQueue(options.maxPendingRecords(), options.maxPendingBytes());
            JournalWriter writer = new JournalWriter(dir, recovered.nextSequence(), options, queue, segments, reporter,
                    segmentChannels);
            writer.start();
            log.info("Journal {} opened: {} segments kept, next sequence {}", dir, recovered.segments().size(),
                    recovered.nextSequence());
            return new Journal(lock, recovered, queue, segments, writer);
        } catch (IOException | RuntimeException | Error e) {
            try {
                lock.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Hands every record found at open to consumer, oldest first, reading them from disk one at a time so that a
     * large backlog is never held in memory. Records appended since open are not included; records of segments
     * released in the meantime are skipped.
     *
     * @throws IOException if a segment cannot be read, or changed since open
     */
    public void replay(Consumer<? super JournalRecord> consumer) throws IOException {
        for (Recovery.RecoveredSegment segment : recovered.segments()) {
            replay(segment, consumer);
        }
    }

    private static void replay(Recovery.RecoveredSegment segment, Consumer<? super JournalRecord> consumer)
            throws IOException {
        SegmentReader reader;
        try {
            reader = SegmentReader.open(segment.path(), segment.length(), segment.firstSequence(), Long.MAX_VALUE);
        } catch (NoSuchFileException released) {
            return;
        }
        try (reader) {
            for (JournalRecord record = reader.next(); record != null; record = reader.next()) {
                consumer.accept(record);
            }
            if (reader.damage() != null) {
                throw new IOException(segment.path() + " changed since the journal was opened: " + reader.damage());
            }
        }
    }

    /**
     * Queues payload to be written and returns at once, unless more than the configured pending records or bytes are
     * waiting for the disk: then it blocks until there is room, so that a burst cannot exhaust memory. The future
     * completes with the record's sequence once the record is on disk, or fails if writing failed, the journal is
     * closed or the caller was interrupted while blocked.
     *
     * @param payload taken over by the journal: it must not be modified afterwards
     * @throws IllegalArgumentException if payload is larger than 16 MiB
     */
    public CompletableFuture<Long> append(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        if (payload.length > RecordCodec.MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException(
                    "A journal record holds at most " + RecordCodec.MAX_PAYLOAD_BYTES + " bytes: " + payload.length);
        }
        CompletableFuture<Long> future = new CompletableFuture<>();
        try {
            if (!queue.put(new PendingAppend(payload, future))) {
                future.completeExceptionally(new IllegalStateException("The journal is closed"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.completeExceptionally(e);
        }
        return future;
    }

    /**
     * Declares the records up to and including upTo processed: every segment whose records all lie at or below upTo
     * is deleted, except the one being written. Records above upTo are never deleted.
     */
    public void releaseThrough(long upTo) throws IOException {
        segments.releaseThrough(upTo);
    }

    /** The highest sequence known to be on disk; until the first append completes, the one before the next one. */
    public long lastDurableSequence() {
        return writer.lastDurableSequence();
    }

    /**
     * Why writing stopped, in one sentence, while appends are held in memory until the journal could be reopened;
     * null while writing works.
     */
    public String writeProblem() {
        return writer.problem();
    }

    public JournalStats stats() {
        return new JournalStats(writer.appended(), writer.fsyncs(), segments.bytes(), segments.count(),
                recovered.damagedSegments());
    }

    /**
     * Writes and forces everything already accepted, completes those futures, and closes. Appends still blocked
     * waiting for room, and any made later, fail. While writing fails, it tries once more, and if that fails too,
     * the appends held in memory fail and are lost.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        queue.close();
        writer.awaitTermination();
        try {
            lock.close();
        } catch (IOException e) {
            log.warn("Releasing the journal lock failed", e);
        }
    }
}
