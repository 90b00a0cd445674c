package com.gametriggers.companion.tracking.journal;

import java.io.DataInput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The on-disk record layout, big-endian: payload length (int), CRC32C (int), sequence (long), payload. The checksum
 * covers the sequence as well as the payload, so a stale or misplaced record cannot pass for the one expected.
 */
final class RecordCodec {

    static final int HEADER_BYTES = Integer.BYTES + Integer.BYTES + Long.BYTES;

    /** Anything longer is a damaged length field; the cap keeps garbage from making recovery allocate gigabytes. */
    static final int MAX_PAYLOAD_BYTES = 16 << 20;

    record Header(int payloadLength, int checksum, long sequence) {
    }

    private RecordCodec() {
    }

    static int encodedSize(int payloadLength) {
        return HEADER_BYTES + payloadLength;
    }

    static void encode(long sequence, byte[] payload, ByteBuffer target) {
        target.putInt(payload.length).putInt(checksum(sequence, payload)).putLong(sequence).put(payload);
    }

    static Header readHeader(DataInput in) throws IOException {
        return new Header(in.readInt(), in.readInt(), in.readLong());
    }

    static int checksum(long sequence, byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(Long.BYTES).putLong(0, sequence));
        crc.update(payload);
        return (int) crc.getValue();
    }
}
