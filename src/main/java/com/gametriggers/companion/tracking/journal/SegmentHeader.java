package com.gametriggers.companion.tracking.journal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The first bytes of every segment this version writes: a magic number and the journal's format version, big-endian
 * ints. Segments of format 1 (releases up to 0.1) have no header and start with their first record; they are told
 * apart by their first int, a record's payload length, which is at most 16 MiB and so never the magic number.
 *
 * <p>The format version covers the record layout and what the tracker writes into records ({@code JournalEntry}):
 * a release that changes either writes a higher version, so that an older release refuses the segment instead of
 * misreading it.
 */
final class SegmentHeader {

    /** "GTCJ": GameTriggers Companion journal. */
    static final int MAGIC = 0x4754434A;
    static final int LEGACY_FORMAT = 1;
    static final int FORMAT_VERSION = 2;
    static final int BYTES = Integer.BYTES + Integer.BYTES;

    private static final byte[] MAGIC_BYTES = ByteBuffer.allocate(Integer.BYTES).putInt(MAGIC).array();

    /** How a segment starts: the bytes its header takes (0 for format 1), or a header that cannot be trusted. */
    enum Start {
        LEGACY, HEADER, HEADER_CUT_SHORT, HEADER_DAMAGED;

        int bytes() {
            return this == HEADER ? BYTES : 0;
        }
    }

    private SegmentHeader() {
    }

    static ByteBuffer current() {
        return ByteBuffer.allocate(BYTES).putInt(MAGIC).putInt(FORMAT_VERSION).flip();
    }

    /**
     * Refuses a segment that a newer version wrote; the journal checks every segment this way before it changes any.
     *
     * @throws JournalFormatException if a newer version wrote it
     */
    static void refuseNewer(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            read(file, in.readNBytes(BYTES));
        }
    }

    /**
     * How the segment in file starts, given its first bytes (up to {@link #BYTES}, fewer if the file is shorter).
     *
     * @throws JournalFormatException if a newer version wrote it
     */
    static Start read(Path file, byte[] prefix) throws JournalFormatException {
        int compared = Math.min(prefix.length, Integer.BYTES);
        if (compared == 0 || !Arrays.equals(prefix, 0, compared, MAGIC_BYTES, 0, compared)) {
            return Start.LEGACY;
        }
        if (prefix.length < BYTES) {
            return Start.HEADER_CUT_SHORT;
        }
        int version = ByteBuffer.wrap(prefix).getInt(Integer.BYTES);
        if (version > FORMAT_VERSION) {
            throw new JournalFormatException(file, version);
        }
        // No version below the current one had a header, so a lower number is damage.
        return version == FORMAT_VERSION ? Start.HEADER : Start.HEADER_DAMAGED;
    }
}
