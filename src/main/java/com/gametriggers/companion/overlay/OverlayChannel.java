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
    private final List<PushClient> clients = new CopyOnWriteArrayList<>();
    private final Map<String, Long> timesShown = new ConcurrentHashMap<>();
    private volatile String currentShow;
    private volatile String currentShowId;

    OverlayChannel(Supplier<List<OverlayEntry>> entries, RotationSettings settings, ShowTickets tickets,
                   ShowMessages messages, Clock clock) {
        this.entries = entries;
        this.scheduler = new RotationScheduler(settings, clock);
        this.tickets = tickets;
        this.messages = messages;
        this.clock = clock;
        // Until the stream status is known from Twitch, the streamer's overlay being on air is the signal that counts.
        scheduler.assumeLive();
    }

    RotationScheduler scheduler() {
        return scheduler;
    }

    /** A page connected: it gets what is on screen right now, so a reload or a restarted source resumes it. */
    void connect(PushClient client) {
        clients.add(client);
        String show = currentShow;
        if (show != null) {
            client.send("show", show);
        }
    }

    boolean hasClients() {
        clients.removeIf(client -> !client.isOpen());
        return !clients.isEmpty();
    }

    void tick() {
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
            currentShowId = show.showId();
            currentShow = messages.show(entry.get(), ticket, show.until());
            broadcast("show", currentShow);
        } else if (decision instanceof RotationDecision.Hide hide && hide.showId().equals(currentShowId)) {
            currentShow = null;
            currentShowId = null;
            JsonObject message = new JsonObject();
            message.addProperty("reason", "done");
            broadcast("hide", message.toString());
        }
    }

    void heartbeat() {
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
