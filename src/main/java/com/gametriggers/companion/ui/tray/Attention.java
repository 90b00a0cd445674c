package com.gametriggers.companion.ui.tray;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.gametriggers.companion.overlay.CreativeProblem;
import com.gametriggers.companion.tracking.WriterStatus;
import com.gametriggers.companion.twitch.DisclosureWarning;

/**
 * Decides which changes need the streamer, who is busy streaming: one notification when a problem has lasted long
 * enough to matter, one when it is over, never one per status reading. A store that is away for a few seconds (a
 * replica-set election, a Wi-Fi hiccup) is the tracker's business, not the streamer's.
 */
public final class Attention {

    /** How long the store may be out of reach before the streamer hears of it. */
    public static final Duration STORE_GRACE = Duration.ofMinutes(1);

    private Instant storeAwaySince;
    private boolean storeNoticeGiven;
    private Optional<String> signInProblem = Optional.empty();
    private boolean journalFailing;
    private Set<String> creativesTold = Set.of();
    private Instant disclosureToldFor;

    /**
     * The notices this status reading calls for.
     *
     * @param signIn    why the Twitch sign-in needs the streamer, empty while it works or nobody is signed in
     * @param creatives the sponsors' creatives OBS could not show, as the overlay knows them now
     */
    public List<Notice> update(WriterStatus tracking, Optional<String> signIn, List<CreativeProblem> creatives,
                               Instant now) {
        List<Notice> notices = new ArrayList<>();
        journalNotice(tracking).ifPresent(notices::add);
        storeNotice(tracking, now).ifPresent(notices::add);
        if (signIn.isPresent() && !signIn.equals(signInProblem)) {
            notices.add(new Notice("Twitch needs you", signIn.get()));
        }
        signInProblem = signIn;
        notices.addAll(creativeNotices(creatives));
        return notices;
    }

    /**
     * One notice per stream that shows sponsors without disclosing them, however often that is read, and whether or
     * not the streamer fixed it and undid the fix within the stream.
     */
    public Optional<Notice> disclosureNotice(Optional<DisclosureWarning> warning) {
        if (warning.isEmpty() || warning.get().streamSeen().equals(disclosureToldFor)) {
            return Optional.empty();
        }
        disclosureToldFor = warning.get().streamSeen();
        return Optional.of(new Notice("Disclose your sponsors", warning.get().sentence()));
    }

    /**
     * One notice per sponsor per problem, however often the page shows the sponsor or reloads. A problem told before
     * is told again only after it was gone (the sponsor changed the creative, and the new one fails too).
     */
    private List<Notice> creativeNotices(List<CreativeProblem> creatives) {
        List<Notice> notices = creatives.stream()
                .filter(problem -> !creativesTold.contains(key(problem)))
                .map(problem -> new Notice("OBS could not show a sponsor", problem.sentence()))
                .toList();
        creativesTold = creatives.stream().map(Attention::key).collect(Collectors.toUnmodifiableSet());
        return notices;
    }

    private static String key(CreativeProblem problem) {
        return problem.participationId() + "\n" + problem.sentence();
    }

    /** At once, unlike the store: counts held only in memory are lost if the computer goes down now. */
    private Optional<Notice> journalNotice(WriterStatus tracking) {
        boolean failing = !tracking.journalWriting();
        if (failing == journalFailing) {
            return Optional.empty();
        }
        journalFailing = failing;
        return Optional.of(failing
                ? new Notice("Counts cannot be written to disk", tracking.sentence() + " Free some space on the disk "
                        + "with the app's data folder; the app carries on by itself.")
                : new Notice("Counts are written to disk again", "Every count held in memory is kept."));
    }

    private Optional<Notice> storeNotice(WriterStatus tracking, Instant now) {
        if (tracking.online()) {
            boolean wasAnnounced = storeNoticeGiven;
            storeAwaySince = null;
            storeNoticeGiven = false;
            return wasAnnounced
                    ? Optional.of(new Notice("Store reachable again", "The counts that waited on this computer are stored."))
                    : Optional.empty();
        }
        if (storeAwaySince == null) {
            storeAwaySince = now;
        }
        if (storeNoticeGiven || Duration.between(storeAwaySince, now).compareTo(STORE_GRACE) < 0) {
            return Optional.empty();
        }
        storeNoticeGiven = true;
        long waiting = tracking.eventsWaiting();
        String counts = waiting == 1 ? "1 count waits on this computer and is stored"
                : "%,d counts wait on this computer and are stored".formatted(waiting);
        return Optional.of(new Notice("The store cannot be reached", "For over a minute now. " + counts
                + " when it is back."));
    }
}
