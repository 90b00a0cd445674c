package com.gametriggers.companion.overlay;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import com.gametriggers.companion.overlay.rotation.RotationCandidate;
import com.gametriggers.companion.overlay.rotation.RotationDecision;
import com.gametriggers.companion.overlay.rotation.RotationScheduler;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.overlay.rotation.SponsorCountdown;
import com.google.gson.JsonObject;

/**
 * What one overlay URL shows: a single participation's page or the streamer's rotation. It has its own scheduler and
 * the pages listening to it; every showing gets a signed ticket that the page returns in its impression beacon.
 */
final class OverlayChannel {

    private final Supplier<List<OverlayEntry>> entries;
    private final RotationScheduler scheduler;
    private final ShowTickets tickets;
    private final ShowMessages messages;
    private final Clock clock;
    private final java.util.function.Consumer<String> onShow;
    /** Today's showings before this channel, by participation id, from the start of the streamer's day given. */
    private final java.util.function.Function<java.time.Instant, Map<String, Long>> earlierShowings;
    private boolean earlierShowingsCounted;
    private final List<PushClient> clients = new CopyOnWriteArrayList<>();
    private final Map<String, Long> timesShown = new ConcurrentHashMap<>();
    /** What is on screen: rendered afresh for each page that connects, with the time it still has. */
    private record Current(OverlayEntry entry, ShowTickets.Ticket ticket, java.time.Instant until, String showId) {
    }

    private Current current;
    /** Whether the pages show the countdown before a showing, as the streamer's settings say at each tick. */
    private final java.util.function.BooleanSupplier countdownOnOverlay;
    /** When the showing the pages count down to is due, as last sent to them; null while they show no countdown. */
    private java.time.Instant countdownSentFor;

    OverlayChannel(Supplier<List<OverlayEntry>> entries, RotationSettings settings, ShowTickets tickets,
                   ShowMessages messages, Clock clock, Boolean live, java.util.function.Consumer<String> onShow,
                   java.util.function.Function<java.time.Instant, Map<String, Long>> earlierShowings,
                   java.util.function.BooleanSupplier countdownOnOverlay) {
        this.entries = entries;
        this.countdownOnOverlay = countdownOnOverlay;
        this.scheduler = new RotationScheduler(settings, clock);
        this.tickets = tickets;
        this.messages = messages;
        this.clock = clock;
        this.onShow = onShow;
        this.earlierShowings = earlierShowings;
        // Without a stream status from Twitch (null), the streamer's overlay being on air is the signal that counts.
        if (live == null) {
            scheduler.assumeLive();
        } else if (live) {
            scheduler.streamWentLive();
        }
    }

    /** The participation on screen now, if any. */
    synchronized Optional<String> onScreen() {
        return current == null ? Optional.empty() : Optional.of(current.entry().participation().id());
    }

    RotationScheduler scheduler() {
        return scheduler;
    }

    /**
     * A page connected: it gets what is on screen right now, so a reload or a restarted source resumes it. In step
     * with {@link #tick}, so a page cannot get a hide and then the stale show it replaced.
     */
    synchronized void connect(PushClient client) {
        clients.add(client);
        if (current != null) {
            client.send("show", messages.show(current.entry(), current.ticket(), current.until(), clock.instant()));
        }
        if (countdownSentFor != null) {
            client.send("countdown", messages.countdown(countdownSentFor, clock.instant()));
        }
    }

    boolean hasClients() {
        clients.removeIf(client -> !client.isOpen());
        return !clients.isEmpty();
    }

    synchronized void tick() {
        decide();
        announceCountdown();
    }

    /**
     * Tells the pages when the countdown starts, moves or ends, if the streamer wants it on the overlay: called at each
     * tick, and at once after a skip or a pause, so the badge leaves the screen with the showing it announced.
     */
    synchronized void announceCountdown() {
        java.time.Instant due = countdownOnOverlay.getAsBoolean()
                ? scheduler.status().countdown().map(SponsorCountdown::at).orElse(null) : null;
        if (java.util.Objects.equals(due, countdownSentFor)) {
            return;
        }
        countdownSentFor = due;
        broadcast(due == null ? "countdown-end" : "countdown",
                due == null ? "{}" : messages.countdown(due, clock.instant()));
    }

    private void decide() {
        // At the first tick rather than when a page connects: a slow store delays a tick, never a page's answer.
        if (!earlierShowingsCounted) {
            earlierShowingsCounted = true;
            scheduler.countEarlierShowings(earlierShowings.apply(scheduler.startOfToday()));
        }
        List<OverlayEntry> showable = entries.get();
        List<RotationCandidate> candidates = showable.stream()
                .map(entry -> new RotationCandidate(entry.participation(), entry.campaign(),
                        timesShown.getOrDefault(entry.participation().id(), 0L)))
                .toList();
        RotationDecision decision = scheduler.tick(candidates);
        if (decision instanceof RotationDecision.Show show) {
            Optional<OverlayEntry> entry = showable.stream()
                    .filter(e -> e.participation().id().equals(show.candidate().participationId()))
                    .findFirst();
            if (entry.isEmpty()) {
                return;
            }
            timesShown.merge(show.candidate().participationId(), 1L, Long::sum);
            ShowTickets.Ticket ticket = tickets.issue(show.candidate().participationId(), clock.instant());
            current = new Current(entry.get(), ticket, show.until(), show.showId());
            onShow.accept(show.candidate().participationId());
            broadcast("show", messages.show(entry.get(), ticket, show.until(), ticket.issuedAt()));
        } else if (decision instanceof RotationDecision.Hide hide && current != null && hide.showId().equals(current.showId())) {
            current = null;
            JsonObject message = new JsonObject();
            message.addProperty("reason", "done");
            broadcast("hide", message.toString());
        }
    }

    synchronized void heartbeat() {
        clients.forEach(PushClient::heartbeat);
        clients.removeIf(client -> !client.isOpen());
    }

    void closeAll() {
        clients.forEach(PushClient::close);
        clients.clear();
    }

    private void broadcast(String event, String json) {
        clients.forEach(client -> client.send(event, json));
        clients.removeIf(client -> !client.isOpen());
    }
}
