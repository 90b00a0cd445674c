package com.gametriggers.companion.tracking;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Journals on disk store each event's type as a code. These codes are pinned here: renaming a type, reordering the
 * enum or adding one must leave every existing code as it is, or journals written by earlier releases would be read
 * as other events. If this test fails, restore the old code instead of changing the test.
 */
class EventTypeCodesTest {

    /** The codes the first release wrote (it stored the enum's ordinal) and every release since must read. */
    private static final Map<String, Integer> CODES_ON_DISK = Map.of(
            "IMPRESSION", 0,
            "VIEWER_SAMPLE", 1,
            "CHAT_CLICK", 2,
            "QR_CLICK", 3,
            "LINK_CLICK", 4);

    @Test
    void everyTypeKeepsTheCodeJournalsOnDiskHold() {
        Map<String, Integer> codes = Arrays.stream(EventType.values())
                .collect(Collectors.toMap(EventType::name, EventType::code));

        assertThat(codes).containsAllEntriesOf(CODES_ON_DISK);
        assertThat(codes.values()).doesNotHaveDuplicates();
    }

    @Test
    void anUnknownCodeIsRefusedNotGuessed() {
        int unused = Arrays.stream(EventType.values()).mapToInt(EventType::code).max().orElseThrow() + 1;

        assertThatThrownBy(() -> JournalEntry.decode(eventPayload(unused)))
                .isInstanceOf(IOException.class).hasMessageContaining("Unknown event type code " + unused);
    }

    /** The bytes the first release wrote for an event of each type decode to that type, whatever the enum's order. */
    @ParameterizedTest
    @EnumSource(names = {"IMPRESSION", "VIEWER_SAMPLE", "CHAT_CLICK", "QR_CLICK", "LINK_CLICK"})
    void anEventWrittenByTheFirstReleaseReadsAsTheSameEvent(EventType type) throws IOException {
        byte[] written = eventPayload(CODES_ON_DISK.get(type.name()));
        TrackingEvent event = new TrackingEvent("e1", type, "0123456789abcdef01234567",
                Instant.ofEpochMilli(1_700_000_000_000L), 1, "v");
        JournalEntry.Event expected = new JournalEntry.Event(event, false, 1_700_000_000_500L);

        assertThat(JournalEntry.decode(written)).isEqualTo(expected);
        assertThat(JournalEntry.encode(expected)).isEqualTo(written);
    }

    /** An event entry byte for byte as the first release laid it out, with the given type code. */
    private static byte[] eventPayload(int typeCode) {
        Function<String, String> utf = text -> String.format("%04x", text.length())
                + HexFormat.of().formatHex(text.getBytes(UTF_8));
        String hex = "01" // an event
                + utf.apply("e1")
                + String.format("%02x", typeCode)
                + utf.apply("0123456789abcdef01234567")
                + "0000018bcfe56800" // occurred at 1,700,000,000,000 ms
                + "0000000000000001" // count
                + "01" + utf.apply("v") // viewer key
                + "00" // not filtered
                + "0000018bcfe569f4"; // recorded at 1,700,000,000,500 ms
        return HexFormat.of().parseHex(hex);
    }
}
