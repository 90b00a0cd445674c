package com.gametriggers.companion.tracking.journal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands appends from any thread to the writer in groups, and bounds what is held in memory: an append counts against
 * the limits from acceptance until the writer has finished with it, so a burst blocks its producers instead of
 * piling up payloads.
 */
final class AppendQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition hasRoom = lock.newCondition();
    private final ArrayDeque<PendingAppend> waiting = new ArrayDeque<>();
    private final int maxRecords;
    private final long maxBytes;
    private int heldRecords;
    private long heldBytes;
    private boolean closed;

    AppendQueue(int maxRecords, long maxBytes) {
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
    }

    /** Blocks while the limits are reached; false if the queue was closed first. */
    boolean put(PendingAppend append) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!closed && !hasRoomFor(append.encodedSize())) {
                // A blocked producer means the group cannot grow any more: the writer should not wait out its window.
                notEmpty.signal();
                hasRoom.await();
            }
            if (closed) {
                return false;
            }
            waiting.add(append);
            heldRecords++;
            heldBytes += append.encodedSize();
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private boolean hasRoomFor(int size) {
        // An oversized record must still get through once it is alone, or its producer would wait forever.
        return heldRecords == 0 || (heldRecords < maxRecords && heldBytes + size <= maxBytes);
    }

    /**
     * The next group: waits for a first append, then up to {@code windowNanos} for more to join it, unless a
     * producer is blocked or the queue is closed. Empty only once the queue is closed and drained.
     */
    List<PendingAppend> takeGroup(long windowNanos) throws InterruptedException {
        lock.lock();
        try {
            while (waiting.isEmpty() && !closed) {
                notEmpty.await();
            }
            long remaining = windowNanos;
            while (remaining > 0 && !closed && !lock.hasWaiters(hasRoom)) {
                remaining = notEmpty.awaitNanos(remaining);
            }
            List<PendingAppend> group = new ArrayList<>(waiting);
            waiting.clear();
            return group;
        } finally {
            lock.unlock();
        }
    }

    /** The writer is done with group: its room goes back to the producers. */
    void release(List<PendingAppend> group) {
        lock.lock();
        try {
            heldRecords -= group.size();
            heldBytes -= group.stream().mapToLong(PendingAppend::encodedSize).sum();
            hasRoom.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to nanos for {@link #close}; true once the queue is closed. */
    boolean awaitClose(long nanos) throws InterruptedException {
        lock.lock();
        try {
            for (long left = nanos; !closed && left > 0; ) {
                left = notEmpty.awaitNanos(left);
            }
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Records accepted and not yet on disk. */
    int heldRecords() {
        lock.lock();
        try {
            return heldRecords;
        } finally {
            lock.unlock();
        }
    }

    /** Refuses further appends; what is already waiting is still handed to the writer. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
            hasRoom.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The writer is gone: fails what is waiting and refuses the rest, so that no caller waits forever. */
    void abort(Throwable cause) {
        lock.lock();
        try {
            closed = true;
            waiting.forEach(append -> append.future().completeExceptionally(cause));
            waiting.clear();
            hasRoom.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
