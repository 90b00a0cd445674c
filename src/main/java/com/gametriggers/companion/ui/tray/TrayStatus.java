package com.gametriggers.companion.ui.tray;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.gametriggers.companion.overlay.CreativeProblem;
import com.gametriggers.companion.overlay.OverlayStatus;
import com.gametriggers.companion.tracking.WriterStatus;
import com.gametriggers.companion.ui.ChannelStatus;
import com.gametriggers.companion.ui.Formats;

/**
 * The app at a glance while its window is closed, as the tray icon's tooltip says it: live or not, who is on screen,
 * whether the counts reach the store, whose creative OBS could not show. Short lines: Windows cuts a tray tooltip at
 * 127 characters.
 *
 * @param lines     the tooltip, one fact per line
 * @param attention whether something needs the streamer (the counts do not reach the store or the disk, or OBS could
 *                  not show a sponsor's creative)
 */
public record TrayStatus(List<String> lines, boolean attention) {

    static final String TITLE = "GameTriggers Companion";

    public TrayStatus {
        lines = List.copyOf(lines);
    }

    /** Shown until the services have started. */
    public static final TrayStatus STARTING = new TrayStatus(List.of(TITLE, "Starting…"), false);

    public static TrayStatus of(WriterStatus tracking, ChannelStatus channel, OverlayStatus overlay, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        lines.add(TITLE);
        lines.add(channel.streamText());
        if (!overlay.onScreen().isEmpty()) {
            lines.add("On screen: " + String.join(", ", overlay.onScreen()));
        } else if (overlay.pausedUntil().isPresent()) {
            lines.add("Sponsors paused until " + Formats.time(overlay.pausedUntil().get(), zone));
        } else if (overlay.dailyLimitReached()) {
            lines.add("No sponsor: daily limit reached");
        } else {
            lines.add("No sponsor on screen");
        }
        if (!tracking.journalWriting()) {
            lines.add("Disk not writable, %,d %s in memory".formatted(tracking.eventsHeld(),
                    tracking.eventsHeld() == 1 ? "event" : "events"));
        } else if (tracking.online()) {
            lines.add("Counts stored");
        } else {
            long waiting = tracking.eventsWaiting();
            lines.add("Store offline, %,d %s waiting".formatted(waiting, waiting == 1 ? "event" : "events"));
        }
        List<String> refused = overlay.creativeProblems().stream().map(CreativeProblem::brand).distinct().toList();
        if (refused.size() == 1) {
            lines.add("OBS could not show " + refused.get(0));
        } else if (refused.size() > 1) {
            lines.add("OBS could not show " + refused.size() + " sponsors");
        }
        return new TrayStatus(lines, !tracking.online() || !tracking.journalWriting() || !refused.isEmpty());
    }

    public String tooltip() {
        return String.join("\n", lines);
    }
}
