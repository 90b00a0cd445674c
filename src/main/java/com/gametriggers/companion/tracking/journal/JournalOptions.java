package com.gametriggers.companion.tracking.journal;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of a {@link Journal}.
 *
 * @param segmentBytes        size after which writing moves on to a new segment file; only whole segments can be
 *                            released, so smaller segments free disk space sooner after {@link Journal#releaseThrough}
 * @param maxPendingRecords   appends beyond this many not yet on disk block their caller
 * @param maxPendingBytes     appends beyond this many bytes (records plus headers) not yet on disk block their caller;
 *                            a single record larger than this is still accepted once nothing else is pending
 * @param maxGroupCommitDelay how long the writer may wait for more appends to share one fsync; it stops waiting early
 *                            as soon as an appender is blocked
 * @param firstRetryDelay     after a failed write or fsync, how long the writer holds the records in memory before it
 *                            reopens the journal and tries again; the delay doubles with every failed try
 * @param maxRetryDelay       the longest delay between two tries
 */
public record JournalOptions(long segmentBytes, int maxPendingRecords, long maxPendingBytes,
        Duration maxGroupCommitDelay, Duration firstRetryDelay, Duration maxRetryDelay) {

    private static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);

    /** The writer encodes a whole group into one buffer; beyond this, a bigger group would not make fsyncs cheaper. */
    static final long MAX_PENDING_BYTES_LIMIT = 1L << 30;

    public JournalOptions {
        Objects.requireNonNull(maxGroupCommitDelay, "maxGroupCommitDelay");
        if (segmentBytes <= 0) {
            throw new IllegalArgumentException("segmentBytes must be positive: " + segmentBytes);
        }
        if (maxPendingRecords <= 0) {
            throw new IllegalArgumentException("maxPendingRecords must be positive: " + maxPendingRecords);
        }
        if (maxPendingBytes <= 0 || maxPendingBytes > MAX_PENDING_BYTES_LIMIT) {
            throw new IllegalArgumentException(
                    "maxPendingBytes must be between 1 and " + MAX_PENDING_BYTES_LIMIT + ": " + maxPendingBytes);
        }
        if (maxGroupCommitDelay.isNegative()) {
            throw new IllegalArgumentException("maxGroupCommitDelay must not be negative: " + maxGroupCommitDelay);
        }
        Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
        Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
        if (firstRetryDelay.isNegative() || firstRetryDelay.isZero() || maxRetryDelay.compareTo(firstRetryDelay) < 0) {
            throw new IllegalArgumentException("Retry delays must be positive, the first no longer than the longest: "
                    + firstRetryDelay + ", " + maxRetryDelay);
        }
    }

    /** With the usual retries after a failed write: after 1 s, doubling up to 30 s. */
    public JournalOptions(long segmentBytes, int maxPendingRecords, long maxPendingBytes,
            Duration maxGroupCommitDelay) {
        this(segmentBytes, maxPendingRecords, maxPendingBytes, maxGroupCommitDelay, FIRST_RETRY_DELAY,
                MAX_RETRY_DELAY);
    }

    public JournalOptions withRetryDelays(Duration first, Duration max) {
        return new JournalOptions(segmentBytes, maxPendingRecords, maxPendingBytes, maxGroupCommitDelay, first, max);
    }

    /**
     * 8 MiB segments, at most 65,536 records or 32 MiB waiting, up to 2 ms to gather a group commit, retries after a
     * failed write from 1 s doubling to 30 s.
     */
    public static JournalOptions defaults() {
        return new JournalOptions(8L << 20, 65_536, 32L << 20, Duration.ofMillis(2));
    }
}
