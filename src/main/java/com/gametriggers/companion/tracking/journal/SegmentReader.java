package com.gametriggers.companion.tracking.journal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one segment from the front and stops at the first record that cannot be trusted: records have no markers to
 * resynchronise on, so nothing behind a bad one can be located reliably.
 */
final class SegmentReader implements Closeable {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final DataInputStream in;
    private final long end;
    private final long sequenceLimit;
    private long minSequence;
    private long goodLength;
    private String damage;

    private SegmentReader(DataInputStream in, long end, long minSequence, long sequenceLimit) {
        this.in = in;
        this.end = end;
        this.minSequence = minSequence;
        this.sequenceLimit = sequenceLimit;
    }

    /**
     * Reads the first {@code end} bytes of file, accepting strictly increasing sequences from {@code minSequence} up to
     * but excluding {@code sequenceLimit}. Reads segments with the current header and format-1 segments without one.
     *
     * @throws JournalFormatException if a newer version wrote the segment
     */
    static SegmentReader open(Path file, long end, long minSequence, long sequenceLimit) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES));
        SegmentReader reader = new SegmentReader(in, end, minSequence, sequenceLimit);
        try {
            reader.readHeader(file);
            return reader;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private void readHeader(Path file) throws IOException {
        in.mark(SegmentHeader.BYTES);
        byte[] prefix = in.readNBytes((int) Math.min(end, SegmentHeader.BYTES));
        SegmentHeader.Start start = SegmentHeader.read(file, prefix);
        switch (start) {
            case LEGACY -> in.reset();
            case HEADER -> goodLength = SegmentHeader.BYTES;
            case HEADER_CUT_SHORT -> damaged("an incomplete segment header");
            case HEADER_DAMAGED -> damaged("an unknown segment header");
        }
    }

    /** The next good record, or null at the end of the readable part; {@link #damage()} then says why it ended. */
    JournalRecord next() throws IOException {
        long remaining = end - goodLength;
        if (damage != null || remaining == 0) {
            return null;
        }
        if (remaining < RecordCodec.HEADER_BYTES) {
            return damaged("an incomplete record header");
        }
        RecordCodec.Header header = RecordCodec.readHeader(in);
        int length = header.payloadLength();
        if (length < 0 || length > RecordCodec.MAX_PAYLOAD_BYTES) {
            return damaged("an impossible record length " + length);
        }
        if (RecordCodec.encodedSize(length) > remaining) {
            return damaged("a record cut short");
        }
        byte[] payload = in.readNBytes(length);
        if (payload.length < length) {
            throw new IOException("The segment shrank while being read");
        }
        if (RecordCodec.checksum(header.sequence(), payload) != header.checksum()) {
            return damaged("a checksum mismatch");
        }
        long sequence = header.sequence();
        if (sequence < minSequence || sequence >= sequenceLimit) {
            return damaged("sequence " + sequence + " out of order");
        }
        goodLength += RecordCodec.encodedSize(length);
        minSequence = sequence + 1;
        return new JournalRecord(sequence, payload);
    }

    /** How many bytes from the start hold good records. */
    long goodLength() {
        return goodLength;
    }

    /** What ended the readable part early and where, or null if every byte up to the end was good. */
    String damage() {
        return damage;
    }

    private JournalRecord damaged(String what) {
        damage = what + " at byte " + goodLength;
        return null;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
