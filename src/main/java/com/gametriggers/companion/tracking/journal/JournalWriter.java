package com.gametriggers.companion.tracking.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only thread that touches the segment being written. It commits appends in groups, one write and one force per
 * group, because an fsync costs about as much for one record as for thousands.
 *
 * <p>After a failed write or force it stops for good and fails every later append: what the failed write left in the
 * file is unknown, and after a failed fsync not even the page cache can be trusted. Reopening the journal cuts such a
 * tail away.
 */
final class JournalWriter implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);
    private static final int INITIAL_BUFFER_BYTES = 64 * 1024;

    private final Path dir;
    private final long segmentBytes;
    private final long windowNanos;
    private final AppendQueue queue;
    private final LiveSegments segments;
    private final Thread thread;
    private FileChannel channel;
    private long segmentSize;
    private long nextSequence;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(INITIAL_BUFFER_BYTES);
    private Exception failure;

    // Written by the writer thread only; volatile so that other threads read current values.
    private volatile long lastDurableSequence;
    private volatile long appended;
    private volatile long fsyncs;

    /** Creates the first segment, named firstSequence, right away, so that releasing never waits for an append. */
    JournalWriter(Path dir, long firstSequence, JournalOptions options, AppendQueue queue, LiveSegments segments)
            throws IOException {
        this.dir = dir;
        this.segmentBytes = options.segmentBytes();
        this.windowNanos = options.maxGroupCommitDelay().toNanos();
        this.queue = queue;
        this.segments = segments;
        this.nextSequence = firstSequence;
        this.lastDurableSequence = firstSequence - 1;
        this.channel = SegmentFiles.create(dir, firstSequence);
        segments.add(firstSequence, 0);
        this.thread = new Thread(this, "journal-writer");
        thread.setDaemon(true);
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

    @Override
    public void run() {
        List<PendingAppend> group = List.of();
        try {
            for (group = queue.takeGroup(windowNanos); !group.isEmpty(); group = queue.takeGroup(windowNanos)) {
                commit(group);
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

    private void commit(List<PendingAppend> group) {
        if (failure != null) {
            fail(group, new IOException("The journal stopped writing after an earlier error; reopen it", failure));
            return;
        }
        long firstSequence = nextSequence;
        int bytes;
        try {
            ByteBuffer encoded = encode(group, firstSequence);
            bytes = encoded.remaining();
            if (segmentSize > 0 && segmentSize + bytes > segmentBytes) {
                roll(firstSequence);
            }
            while (encoded.hasRemaining()) {
                channel.write(encoded);
            }
            channel.force(false);
        } catch (IOException | RuntimeException e) {
            failure = e;
            fail(group, e);
            return;
        }
        segmentSize += bytes;
        segments.growNewest(bytes);
        nextSequence += group.size();
        appended += group.size();
        fsyncs++;
        lastDurableSequence = nextSequence - 1;
        for (int i = 0; i < group.size(); i++) {
            group.get(i).future().complete(firstSequence + i);
        }
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
        FileChannel next = SegmentFiles.create(dir, firstSequence);
        channel.close();
        channel = next;
        segmentSize = 0;
        segments.add(firstSequence, 0);
    }

    private static void fail(List<PendingAppend> group, Exception cause) {
        group.forEach(append -> append.future().completeExceptionally(cause));
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            // Every commit was forced already, so a failing close loses nothing.
            log.warn("Closing the journal segment failed", e);
        }
    }
}
