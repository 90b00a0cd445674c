package com.gametriggers.companion.ui.tray;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.gametriggers.companion.overlay.CreativeProblem;
import com.gametriggers.companion.overlay.OverlayStatus;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.tracking.WriterStatus;
import com.gametriggers.companion.ui.ChannelStatus;

class TrayStatusTest {

    private static final Instant NOW = Instant.parse("2026-03-14T19:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void liveWithASponsorOnScreenAndTheCountsStored() {
        TrayStatus status = TrayStatus.of(new WriterStatus(true, 0, NOW, null, true, 0, null),
                new ChannelStatus(Optional.empty(), Optional.of(true), 1_234), overlay(List.of("Echo Gear"), Optional.empty()),
                BERLIN);

        assertThat(status.tooltip()).isEqualTo("GameTriggers Companion\nLive, 1,234 viewers\nOn screen: Echo Gear\nCounts stored");
        assertThat(status.attention()).isFalse();
        assertThat(status.tooltip()).hasSizeLessThan(128);
    }

    @Test
    void pausedSponsorsSayUntilWhenInLocalTimeAndAnOfflineStoreNeedsAttention() {
        TrayStatus status = TrayStatus.of(new WriterStatus(false, 12, NOW, "unreachable", true, 0, null), ChannelStatus.UNKNOWN,
                overlay(List.of(), Optional.of(NOW.plusSeconds(900))), BERLIN);

        assertThat(status.lines()).containsExactly("GameTriggers Companion", "Stream: not known",
                "Sponsors paused until 8:15 PM", "Store offline, 12 events waiting");
        assertThat(status.attention()).isTrue();
        assertThat(TrayStatus.of(new WriterStatus(false, 1, NOW, "x", true, 0, null), ChannelStatus.UNKNOWN,
                overlay(List.of(), Optional.empty()), BERLIN).lines()).contains("No sponsor on screen",
                "Store offline, 1 event waiting");
        OverlayStatus limitReached = new OverlayStatus(RotationSettings.defaults().withDailyShowingsPerSponsor(2),
                Optional.of(true), Optional.empty(), 1, List.of(), List.of(), Optional.empty(), true);
        assertThat(TrayStatus.of(new WriterStatus(true, 0, NOW, null, true, 0, null), ChannelStatus.UNKNOWN,
                limitReached, BERLIN).lines()).contains("No sponsor: daily limit reached");
    }

    @Test
    void aJournalThatCannotBeWrittenSaysHowManyEventsAreOnlyInMemory() {
        TrayStatus status = TrayStatus.of(new WriterStatus(true, 0, NOW, null, false, 1_500, "No space left on device"),
                ChannelStatus.UNKNOWN, overlay(List.of(), Optional.empty()), BERLIN);

        assertThat(status.lines()).last().isEqualTo("Disk not writable, 1,500 events in memory");
        assertThat(status.attention()).isTrue();
    }

    @Test
    void aCreativeObsCouldNotShowNamesTheSponsorAndNeedsAttention() {
        WriterStatus stored = new WriterStatus(true, 0, NOW, null, true, 0, null);
        CreativeProblem echo = new CreativeProblem("p-echo", "Echo Gear", "OBS could not show Echo Gear's video.", NOW);
        CreativeProblem nova = new CreativeProblem("p-nova", "Nova Energy", "OBS could not show Nova Energy's image.", NOW);

        TrayStatus one = TrayStatus.of(stored, ChannelStatus.UNKNOWN, withProblems(List.of(echo)), BERLIN);
        assertThat(one.lines()).last().isEqualTo("OBS could not show Echo Gear");
        assertThat(one.attention()).isTrue();
        assertThat(TrayStatus.of(stored, ChannelStatus.UNKNOWN, withProblems(List.of(echo, nova)), BERLIN).lines())
                .last().isEqualTo("OBS could not show 2 sponsors");
        assertThat(TrayStatus.of(stored, ChannelStatus.UNKNOWN, withProblems(List.of()), BERLIN).attention()).isFalse();
    }

    private static OverlayStatus withProblems(List<CreativeProblem> problems) {
        return new OverlayStatus(RotationSettings.defaults(), Optional.empty(), Optional.empty(), 1, List.of(), problems);
    }

    private static OverlayStatus overlay(List<String> onScreen, Optional<Instant> pausedUntil) {
        return new OverlayStatus(RotationSettings.defaults(), Optional.empty(), pausedUntil, 1, onScreen, List.of());
    }
}
