package com.gametriggers.companion.tracking.journal;

import static com.gametriggers.companion.tracking.journal.JournalFixtures.RECORD_BYTES;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.TEN_RECORD_SEGMENTS;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.appendOneByOne;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.await;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.expected;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.payload;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.replayed;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.segmentFile;
import static com.gametriggers.companion.tracking.journal.JournalFixtures.segmentFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The segment header: written on every new segment, format-1 segments without it still read, newer ones refused. */
@Timeout(60)
class JournalFormatTest {

    @TempDir
    Path dir;

    private final List<String> reports = new CopyOnWriteArrayList<>();

    @Test
    void everyNewSegmentStartsWithTheMagicNumberAndTheFormatVersion() throws Exception {
        try (Journal journal = Journal.open(dir, TEN_RECORD_SEGMENTS, reports::add)) {
            appendOneByOne(journal, 1, 15);
        }

        assertThat(segmentFiles(dir)).hasSize(2).allSatisfy(file -> {
            ByteBuffer start = ByteBuffer.wrap(Files.readAllBytes(file));
            assertThat(start.getInt()).isEqualTo(0x4754434A);
            assertThat(start.getInt()).isEqualTo(2);
        });
    }

    @Test
    void segmentsOfTheFormatWithoutHeaderAreReadAndWritingGoesOnWithTheHeader() throws Exception {
        Files.write(segmentFile(dir, 1), legacyRecords(1, 2, 3));
        Files.write(segmentFile(dir, 4), legacyRecords(4, 5));

        long next;
        try (Journal journal = Journal.open(dir, TEN_RECORD_SEGMENTS, reports::add)) {
            assertThat(replayed(journal)).isEqualTo(expected(1, 5));
            next = await(journal.append(payload(6)));
        }

        assertThat(next).isEqualTo(6);
        assertThat(segmentFile(dir, 1)).hasSize(3L * RECORD_BYTES);
        try (Journal journal = Journal.open(dir, TEN_RECORD_SEGMENTS, reports::add)) {
            assertThat(replayed(journal)).isEqualTo(expected(1, 6));
        }
        assertThat(reports).isEmpty();
    }

    @Test
    void aTornTailOfASegmentWithoutHeaderIsCutOffAsBefore() throws Exception {
        byte[] records = legacyRecords(1, 2, 3);
        Files.write(segmentFile(dir, 1), Arrays.copyOf(records, records.length - 5));

        try (Journal journal = Journal.open(dir, TEN_RECORD_SEGMENTS, reports::add)) {
            assertThat(replayed(journal)).isEqualTo(expected(1, 2));
        }
        assertThat(reports).singleElement().asString().contains("cut short", "up to sequence 2");
    }

    @Test
    void aSegmentOfANewerFormatIsRefusedInOneSentenceAndNothingIsChanged() throws Exception {
        Files.write(segmentFile(dir, 1), legacyRecords(1, 2, 3));
        byte[] torn = legacyRecords(4, 5);
        Files.write(segmentFile(dir, 4), Arrays.copyOf(torn, torn.length - 5));
        Files.write(segmentFile(dir, 6), new byte[0]);
        ByteBuffer newer = ByteBuffer.allocate(SegmentHeader.BYTES + RECORD_BYTES).putInt(0x4754434A).putInt(3);
        RecordCodec.encode(6, payload(6), newer);
        Files.write(segmentFile(dir, 7), newer.array());
        Map<Path, byte[]> before = contents();

        assertThatThrownBy(() -> Journal.open(dir, TEN_RECORD_SEGMENTS, reports::add))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining(segmentFile(dir, 7).toString())
                .hasMessageContaining("newer version")
                .hasMessageContaining("install that newer version")
                .hasMessageNotContaining("\n");

        assertThat(contents()).containsOnlyKeys(before.keySet())
                .allSatisfy((file, bytes) -> assertThat(bytes).as("%s", file).isEqualTo(before.get(file)));
        assertThat(reports).isEmpty();
        // The lock was given back: opening again is refused for the same reason, not as "in use".
        assertThatThrownBy(() -> Journal.open(dir, TEN_RECORD_SEGMENTS, reports::add))
                .isInstanceOf(JournalFormatException.class);
    }

    @Test
    void aHeaderCutShortByACrashLeavesASegmentWithoutRecordsThatIsReportedAndRemoved() throws Exception {
        try (Journal journal = Journal.open(dir, TEN_RECORD_SEGMENTS, reports::add)) {
            appendOneByOne(journal, 1, 3);
        }
        Files.write(segmentFile(dir, 4), Arrays.copyOf(SegmentHeader.current().array(), 5));

        try (Journal journal = Journal.open(dir, TEN_RECORD_SEGMENTS, reports::add)) {
            assertThat(replayed(journal)).isEqualTo(expected(1, 3));
            assertThat(await(journal.append(payload(4)))).isGreaterThan(3);
        }
        assertThat(reports).singleElement().asString().contains("incomplete segment header", "segment was removed");
    }

    /** Records as releases up to 0.1 wrote them: straight from the first byte, no header. */
    private static byte[] legacyRecords(long... sequences) {
        ByteBuffer buffer = ByteBuffer.allocate(sequences.length * RECORD_BYTES);
        for (long sequence : sequences) {
            RecordCodec.encode(sequence, payload(sequence), buffer);
        }
        return buffer.array();
    }

    private Map<Path, byte[]> contents() throws Exception {
        Map<Path, byte[]> contents = new LinkedHashMap<>();
        for (Path file : new ArrayList<>(segmentFiles(dir))) {
            contents.put(file, Files.readAllBytes(file));
        }
        return contents;
    }
}
