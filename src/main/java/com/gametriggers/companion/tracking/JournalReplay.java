package com.gametriggers.companion.tracking;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.tracking.journal.Journal;

/**
 * Rebuilds the tracker's state from its journal at start: which event ids were seen and which clicks counted (for
 * duplicates and the click guard), which batches were cut but not confirmed (applied again under their own ids), and
 * which events were never batched. Two passes over the journal on disk, so confirmed events are never all held in
 * memory at once.
 */
final class JournalReplay {

    private static final Logger log = LoggerFactory.getLogger(JournalReplay.class);

    /** Called for each event found, oldest first, to seed duplicate detection and the click guard. */
    interface Seen {
        void event(JournalEntry.Event event);
    }

    private record Run(long end, String batchId, boolean confirmed) {
    }

    record Result(List<Batch> unconfirmed, List<JournaledEvent> unbatched, int unreadable) {
    }

    private JournalReplay() {
    }

    static Result replay(Journal journal, Seen seen) throws IOException {
        Map<String, JournalEntry.BatchCut> cuts = new LinkedHashMap<>();
        Set<String> confirmed = new HashSet<>();
        int[] unreadable = {0};
        journal.replay(record -> {
            JournalEntry entry = decode(record.payload(), record.sequence(), unreadable);
            if (entry instanceof JournalEntry.Event event) {
                seen.event(event);
            } else if (entry instanceof JournalEntry.BatchCut cut) {
                cuts.put(cut.batchId(), cut);
            } else if (entry instanceof JournalEntry.BatchConfirmed done) {
                confirmed.add(done.batchId());
            }
        });

        // Each event sequence belongs to at most one batch; index the batches' ranges by their start.
        NavigableMap<Long, Run> runs = new TreeMap<>();
        for (JournalEntry.BatchCut cut : cuts.values()) {
            long[] bounds = cut.runs();
            for (int i = 0; i < bounds.length; i += 2) {
                runs.put(bounds[i], new Run(bounds[i + 1], cut.batchId(), confirmed.contains(cut.batchId())));
            }
        }
        Map<String, List<JournaledEvent>> openEvents = new LinkedHashMap<>();
        cuts.keySet().stream().filter(id -> !confirmed.contains(id)).forEach(id -> openEvents.put(id, new ArrayList<>()));
        List<JournaledEvent> unbatched = new ArrayList<>();
        int[] ignored = {0};
        journal.replay(record -> {
            if (!(decode(record.payload(), record.sequence(), ignored) instanceof JournalEntry.Event event)) {
                return;
            }
            JournaledEvent journaled = new JournaledEvent(record.sequence(), event, false);
            Map.Entry<Long, Run> candidate = runs.floorEntry(record.sequence());
            Run run = candidate == null || candidate.getValue().end() < record.sequence() ? null : candidate.getValue();
            if (run == null) {
                unbatched.add(journaled);
            } else if (!run.confirmed()) {
                openEvents.get(run.batchId()).add(journaled);
            }
        });

        List<Batch> unconfirmed = new ArrayList<>();
        openEvents.forEach((id, events) -> unconfirmed.add(new Batch(id, events)));
        if (!unconfirmed.isEmpty() || !unbatched.isEmpty()) {
            log.info("Journal replay: {} unconfirmed batches and {} unbatched events go to the store again",
                    unconfirmed.size(), unbatched.size());
        }
        return new Result(unconfirmed, unbatched, unreadable[0]);
    }

    private static JournalEntry decode(byte[] payload, long sequence, int[] unreadable) {
        try {
            return JournalEntry.decode(payload);
        } catch (IOException e) {
            unreadable[0]++;
            log.warn("Journal record {} cannot be read and is skipped: {}", sequence, e.getMessage());
            return null;
        }
    }
}
