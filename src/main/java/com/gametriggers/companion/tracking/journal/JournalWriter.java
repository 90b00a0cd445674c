package com.gametriggers.companion.tracking.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.concurrent.NamedThreads;

/**
 * The only thread that touches the segment being written. It commits appends in groups, one write and one force per
 * group, because an fsync costs about as much for one record as for thousands.
 *
 * <p>After a failed write or force it holds the group in memory, and later appends wait in the queue behind it up to
 * its limits, while it reopens the journal with backoff, as a restart would: what the failed write left in the file
 * is unknown, and after a failed fsync not even the page cache can be trusted, so the segment is cut back to its last
 * durable byte and writing goes on in a new segment. The group's futures complete once it is finally on disk.
 */
final class JournalWriter implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);
    private static final int INITIAL_BUFFER_BYTES = 64 * 1024;

    private final Path dir;
    private final long segmentBytes;
    private final long windowNanos;
    private final long firstRetryNanos;
    private final long maxRetryNanos;
    private final AppendQueue queue;
    private final LiveSegments segments;
    private final JournalListener listener;
    private final UnaryOperator<FileChannel> segmentChannels;
    private final Thread thread;
    private FileChannel channel;
    private long segmentFirstSequence;
    private long segmentSize;
    private long nextSequence;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(INITIAL_BUFFER_BYTES);

    // Written by the writer thread only; volatile so that other threads read current values.
    private volatile long lastDurableSequence;
    private volatile long appended;
    private volatile long fsyncs;
    private volatile String problem;

    /**
     * Creates the first segment, named firstSequence, right away, so that releasing never waits for an append.
     *
     * @param segmentChannels applied to every segment opened for writing; tests wrap them to make writes fail
     */
    JournalWriter(Path dir, long firstSequence, JournalOptions options, AppendQueue queue, LiveSegments segments,
            JournalListener listener, UnaryOperator<FileChannel> segmentChannels) throws IOException {
        this.dir = dir;
        this.segmentBytes = options.segmentBytes();
        this.windowNanos = options.maxGroupCommitDelay().toNanos();
        this.firstRetryNanos = options.firstRetryDelay().toNanos();
        this.maxRetryNanos = options.maxRetryDelay().toNanos();
        this.queue = queue;
        this.segments = segments;
        this.listener = listener;
        this.segmentChannels = segmentChannels;
        this.nextSequence = firstSequence;
        this.lastDurableSequence = firstSequence - 1;
        this.channel = segmentChannels.apply(SegmentFiles.create(dir, firstSequence));
        this.segmentFirstSequence = firstSequence;
        this.segmentSize = SegmentHeader.BYTES;
        segments.add(firstSequence, SegmentHeader.BYTES);
        this.thread = NamedThreads.factory("journal-writer").newThread(this);
    }

    void start() {
        thread.start();
    }

    /** Waits until the writer has committed everything the closed queue still held. */
    void awaitTermination() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                // Returning early would let the caller believe pending appends were flushed.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    long lastDurableSequence() {
        return lastDurableSequence;
    }

    long appended() {
        return appended;
    }

    long fsyncs() {
        return fsyncs;
    }

    /** What stopped writing, while appends are held in memory; null while writing works. */
    String problem() {
        return problem;
    }

    @Override
    public void run() {
        List<PendingAppend> group = List.of();
        try {
            for (group = queue.takeGroup(windowNanos); !group.isEmpty(); group = queue.takeGroup(windowNanos)) {
                commitUntilWritten(group);
                queue.release(group);
            }
        } catch (InterruptedException | Error e) {
            group.forEach(append -> append.future().completeExceptionally(e));
            queue.abort(e);
            if (e instanceof Error error) {
                throw error;
            }
        } finally {
            closeChannel();
        }
    }

    /**
     * Commits group, reopening the journal after each failure until it goes through. Once the journal is closed it
     * tries one last time, then gives up on the group and on everything still waiting, which is lost.
     */
    private void commitUntilWritten(List<PendingAppend> group) throws InterruptedException {
        long delayNanos = firstRetryNanos;
        int tries = 1;
        for (Exception failure = commit(group); failure != null; failure = reopenAndCommit(group), tries++) {
            if (problem == null) {
                stopped(failure);
            } else {
                log.debug("Journal {}: try {} to write again failed: {}", dir, tries, describe(failure));
            }
            if (queue.awaitClose(delayNanos)) {
                Exception last = reopenAndCommit(group);
                if (last != null) {
                    giveUp(group, last);
                    return;
                }
                break;
            }
            delayNanos = Math.min(2 * delayNanos, maxRetryNanos);
        }
        if (problem != null) {
            problem = null;
            log.info("Journal {} reopened after {} tries; the records held in memory are on disk", dir, tries);
            listener.writingResumed();
        }
        // Only now: whoever learns that a held record is on disk also finds the journal written again.
        long firstSequence = nextSequence - group.size();
        for (int i = 0; i < group.size(); i++) {
            group.get(i).future().complete(firstSequence + i);
        }
    }

    private void stopped(Exception failure) {
        problem = "Writing to the journal in " + dir + " failed (" + describe(failure) + ")";
        log.warn("{}; new records are held in memory and the journal is reopened in {} ms, then less and less often, "
                + "up to every {} ms", problem, firstRetryNanos / 1_000_000, maxRetryNanos / 1_000_000);
        listener.writingStopped(problem);
    }

    /**
     * Fails the held appends, and cuts what the last try left, so that the next open does not bring back records whose
     * appends failed; if even that fails, the next open cuts what it cannot read.
     */
    private void giveUp(List<PendingAppend> group, Exception cause) {
        IOException lost = new IOException("The journal was closed while it could not be written", cause);
        log.error("Journal {} closed while it could not be written ({}): {} records held in memory are lost", dir,
                describe(cause), queue.heldRecords());
        closeChannel();
        try {
            segments.recoverAfterFailedWrite(segmentFirstSequence, segmentSize, listener);
        } catch (IOException | RuntimeException e) {
            log.warn("Journal {}: what the failed write left could not be cut off yet: {}", dir, describe(e));
        }
        fail(group, lost);
        queue.abort(lost);
    }

    /** Null once group is on disk, else what failed; the caller completes the group's futures. */
    private Exception commit(List<PendingAppend> group) {
        long firstSequence = nextSequence;
        int bytes;
        try {
            ByteBuffer encoded = encode(group, firstSequence);
            bytes = encoded.remaining();
            if (segmentSize > SegmentHeader.BYTES && segmentSize + bytes > segmentBytes) {
                roll(firstSequence);
            }
            while (encoded.hasRemaining()) {
                channel.write(encoded);
            }
            channel.force(false);
        } catch (IOException | RuntimeException e) {
            return e;
        }
        segmentSize += bytes;
        segments.growNewest(bytes);
        nextSequence += group.size();
        appended += group.size();
        fsyncs++;
        lastDurableSequence = nextSequence - 1;
        return null;
    }

    private Exception reopenAndCommit(List<PendingAppend> group) {
        try {
            reopen();
        } catch (IOException | RuntimeException e) {
            return e;
        }
        return commit(group);
    }

    /**
     * What opening the journal after a crash would do, without giving up the lock or the sequences: cut the segment
     * being written back to its last durable byte, check the folder, and go on in a new segment.
     */
    private void reopen() throws IOException {
        closeChannel();
        Recovery.Result recovered = segments.recoverAfterFailedWrite(segmentFirstSequence, segmentSize, listener);
        nextSequence = Math.max(nextSequence, recovered.nextSequence());
        channel = segmentChannels.apply(SegmentFiles.create(dir, nextSequence));
        segmentFirstSequence = nextSequence;
        segmentSize = SegmentHeader.BYTES;
        segments.add(nextSequence, SegmentHeader.BYTES);
    }

    private ByteBuffer encode(List<PendingAppend> group, long firstSequence) {
        int total = group.stream().mapToInt(PendingAppend::encodedSize).sum();
        if (buffer.capacity() < total) {
            long doubled = Math.min(2L * buffer.capacity(), Integer.MAX_VALUE);
            buffer = ByteBuffer.allocateDirect((int) Math.max(total, doubled));
        }
        buffer.clear();
        long sequence = firstSequence;
        for (PendingAppend append : group) {
            RecordCodec.encode(sequence++, append.payload(), buffer);
        }
        return buffer.flip();
    }

    private void roll(long firstSequence) throws IOException {
        FileChannel next = segmentChannels.apply(SegmentFiles.create(dir, firstSequence));
        channel.close();
        channel = next;
        segmentFirstSequence = firstSequence;
        segmentSize = SegmentHeader.BYTES;
        segments.add(firstSequence, SegmentHeader.BYTES);
    }

    private static void fail(List<PendingAppend> group, Exception cause) {
        group.forEach(append -> append.future().completeExceptionally(cause));
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            // Every commit was forced already, so a failing close loses nothing.
            log.warn("Closing the journal segment failed: {}", describe(e));
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
