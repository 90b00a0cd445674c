package com.gametriggers.companion.tracking;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * What the tracker writes to its journal: each event as it is recorded, then a marker when the writer cuts a batch
 * (its id and the event sequences it covers, written before the batch reaches the store), and a marker
 * when the store confirmed it. On start, a cut batch without its confirmation is applied again under the same id,
 * which the store's batch guard turns into "exactly once".
 *
 * <p>Journals outlive releases: a change to this encoding must keep reading what older releases wrote, and raise the
 * journal's format version ({@code SegmentHeader.FORMAT_VERSION}) so that older releases refuse it.
 */
sealed interface JournalEntry {

    byte EVENT = 1;
    byte BATCH_CUT = 2;
    byte BATCH_CONFIRMED = 3;

    record Event(TrackingEvent event, boolean filtered, long recordedAtMillis) implements JournalEntry {
    }

    /**
     * @param runs the batch's event sequences as closed ranges {@code [start0, end0, start1, end1, ...]}; events can
     *             reach the writer slightly out of order, and markers sit between them, so a batch is a set of ranges
     */
    record BatchCut(String batchId, long[] runs) implements JournalEntry {

        boolean contains(long sequence) {
            for (int i = 0; i < runs.length; i += 2) {
                if (sequence >= runs[i] && sequence <= runs[i + 1]) {
                    return true;
                }
            }
            return false;
        }
    }

    record BatchConfirmed(String batchId) implements JournalEntry {
    }

    static byte[] encode(JournalEntry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (entry instanceof Event e) {
                out.writeByte(EVENT);
                TrackingEvent event = e.event();
                out.writeUTF(event.eventId());
                out.writeByte(event.type().code());
                out.writeUTF(event.participationId());
                out.writeLong(event.occurredAt().toEpochMilli());
                out.writeLong(event.count());
                out.writeBoolean(event.viewerKey() != null);
                if (event.viewerKey() != null) {
                    out.writeUTF(event.viewerKey());
                }
                out.writeBoolean(e.filtered());
                out.writeLong(e.recordedAtMillis());
            } else if (entry instanceof BatchCut cut) {
                out.writeByte(BATCH_CUT);
                out.writeUTF(cut.batchId());
                out.writeInt(cut.runs().length);
                for (long bound : cut.runs()) {
                    out.writeLong(bound);
                }
            } else if (entry instanceof BatchConfirmed confirmed) {
                out.writeByte(BATCH_CONFIRMED);
                out.writeUTF(confirmed.batchId());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /** @throws IOException for a payload this version cannot read; the journal's checksum has already passed */
    static JournalEntry decode(byte[] payload) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            byte kind = in.readByte();
            return switch (kind) {
                case EVENT -> {
                    String eventId = in.readUTF();
                    EventType type = EventType.ofCode(in.readUnsignedByte());
                    String participationId = in.readUTF();
                    Instant occurredAt = Instant.ofEpochMilli(in.readLong());
                    long count = in.readLong();
                    String viewerKey = in.readBoolean() ? in.readUTF() : null;
                    boolean filtered = in.readBoolean();
                    long recordedAt = in.readLong();
                    yield new Event(new TrackingEvent(eventId, type, participationId, occurredAt, count, viewerKey),
                            filtered, recordedAt);
                }
                case BATCH_CUT -> {
                    String batchId = in.readUTF();
                    long[] runs = new long[in.readInt()];
                    for (int i = 0; i < runs.length; i++) {
                        runs[i] = in.readLong();
                    }
                    yield new BatchCut(batchId, runs);
                }
                case BATCH_CONFIRMED -> new BatchConfirmed(in.readUTF());
                default -> throw new IOException("Unknown journal entry kind " + kind);
            };
        } catch (RuntimeException e) {
            throw new IOException("Unreadable journal entry: " + e.getMessage(), e);
        }
    }
}
