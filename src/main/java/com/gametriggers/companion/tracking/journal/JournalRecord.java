package com.gametriggers.companion.tracking.journal;

import java.util.Arrays;

/**
 * One record read back from the journal. Equality compares payload contents, so that recovered records can be
 * compared with what was appended.
 */
public record JournalRecord(long sequence, byte[] payload) {

    @Override
    public boolean equals(Object other) {
        return other instanceof JournalRecord record
                && record.sequence == sequence
                && Arrays.equals(record.payload, payload);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(sequence) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "JournalRecord[sequence=" + sequence + ", payload=" + payload.length + " bytes]";
    }
}
