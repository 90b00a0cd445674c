package com.gametriggers.companion.overlay;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.overlay.rotation.RotationScheduler;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.overlay.rotation.SkipOutcome;
import com.gametriggers.companion.overlay.rotation.SponsorCountdown;
import com.gametriggers.companion.store.StoreException;

/**
 * Every overlay URL's channel: one per participation token and one for the streamer's rotation. Channels are made
 * when a page first connects and are ticked while pages listen, so nothing is shown to nobody.
 */
final class OverlayChannels {

    private static final Logger log = LoggerFactory.getLogger(OverlayChannels.class);

    private final OverlayDirectory directory;
    private final String rotationKey;
    private final ShowTickets tickets;
    private final ShowMessages messages;
    private final Clock clock;
    private final Map<String, OverlayChannel> channels = new ConcurrentHashMap<>();
    private volatile RotationSettings settings;
    private volatile java.time.Instant pausedUntil = java.time.Instant.MIN;
    /** Whether the stream is live, as Twitch says; null while nobody told (the overlays then assume live). */
    private volatile Boolean live;
    private final java.util.List<java.util.function.Consumer<String>> showListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Runnable pageConnected = () -> { };
    private final AtomicBoolean toldEarlierShowingsUnread = new AtomicBoolean();

    OverlayChannels(OverlayDirectory directory, String rotationKey, ShowTickets tickets, ShowMessages messages,
                    RotationSettings settings, Clock clock) {
        this.directory = directory;
        this.rotationKey = rotationKey;
        this.tickets = tickets;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    /** The channel an overlay key names: the rotation key, or the token of a known participation. */
    Optional<OverlayChannel> channel(String key) {
        if (key.equals(rotationKey)) {
            return Optional.of(channels.computeIfAbsent(key, k -> newChannel(() -> directory.showableAt(clock.instant()))));
        }
        if (directory.byToken(key).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(channels.computeIfAbsent(key, token -> newChannel(
                () -> directory.byToken(token).filter(entry -> entry.showableAt(clock.instant())).map(List::of)
                        .orElse(List.of()))));
    }

    private OverlayChannel newChannel(java.util.function.Supplier<List<OverlayEntry>> entries) {
        OverlayChannel channel = new OverlayChannel(entries, settings, tickets, messages, clock, live,
                participationId -> showListeners.forEach(listener -> listener.accept(participationId)),
                this::showingsSince, () -> settings.countdownOnOverlay());
        Duration pauseLeft = Duration.between(clock.instant(), pausedUntil);
        if (!pauseLeft.isNegative() && !pauseLeft.isZero()) {
            channel.scheduler().pauseFor(pauseLeft);
        }
        return channel;
    }

    /**
     * Today's showings before a channel was made, from the audit trail, so a restart does not give every sponsor a
     * fresh daily limit. With the store away the channel starts from zero rather than wait: said once, not per channel.
     */
    private Map<String, Long> showingsSince(java.time.Instant startOfToday) {
        try {
            return directory.showingsBetween(startOfToday, clock.instant());
        } catch (StoreException e) {
            if (toldEarlierShowingsUnread.compareAndSet(false, true)) {
                log.warn("Today's earlier showings could not be read ({}), so each sponsor's daily limit counts from "
                        + "zero", e.getMessage());
            }
            return Map.of();
        }
    }

    boolean isRotationKey(String key) {
        return key.equals(rotationKey);
    }

    /** A page starts listening to the channel: it gets what is on screen, and the channel is ticked from now on. */
    void connect(OverlayChannel channel, PushClient client) {
        channel.connect(client);
        pageConnected.run();
    }

    /** Runs, on the connecting thread, each time a page starts listening. */
    void whenAPageConnects(Runnable action) {
        pageConnected = action;
    }

    /** Brings the countdown on the listened pages in line with the schedulers, after a skip, a pause or new settings. */
    void announceCountdowns() {
        channels.values().stream().filter(OverlayChannel::hasClients).forEach(OverlayChannel::announceCountdown);
    }

    void tickListened() {
        channels.values().stream().filter(OverlayChannel::hasClients).forEach(OverlayChannel::tick);
    }

    boolean anyListened() {
        return channels.values().stream().anyMatch(OverlayChannel::hasClients);
    }

    void heartbeat() {
        channels.values().forEach(OverlayChannel::heartbeat);
    }

    void closeAll() {
        channels.values().forEach(OverlayChannel::closeAll);
    }

    void updateSettings(RotationSettings newSettings) {
        settings = newSettings;
        forEachScheduler(scheduler -> scheduler.updateSettings(newSettings));
    }

    void forEachScheduler(Consumer<RotationScheduler> action) {
        channels.values().forEach(channel -> action.accept(channel.scheduler()));
    }

    void onShow(java.util.function.Consumer<String> listener) {
        showListeners.add(listener);
    }

    void streamWentLive() {
        live = true;
        forEachScheduler(RotationScheduler::streamWentLive);
    }

    void streamWentOffline() {
        live = false;
        forEachScheduler(RotationScheduler::streamWentOffline);
    }

    /** The participations on screen now on overlays that pages listen to. */
    java.util.Set<String> onScreen() {
        return channels.values().stream().filter(OverlayChannel::hasClients)
                .map(OverlayChannel::onScreen).flatMap(Optional::stream)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Pauses every overlay, including those whose pages connect during the pause. */
    void pauseFor(Duration duration) {
        pausedUntil = clock.instant().plus(duration);
        forEachScheduler(scheduler -> scheduler.pauseFor(duration));
    }

    OverlayStatus status(java.util.function.Function<String, Optional<String>> brandOf,
                         List<CreativeProblem> creativeProblems) {
        java.time.Instant until = pausedUntil;
        int listening = (int) channels.values().stream().filter(OverlayChannel::hasClients).count();
        return new OverlayStatus(settings, Optional.ofNullable(live),
                until.isAfter(clock.instant()) ? Optional.of(until) : Optional.empty(), listening,
                onScreen().stream().map(brandOf).flatMap(Optional::stream).sorted().toList(), creativeProblems,
                countdown(), listenedSchedulers().anyMatch(scheduler -> scheduler.status().dailyLimitReached()));
    }

    /** The soonest sponsor about to come on an overlay a page listens to: the one the streamer is warned of. */
    private Optional<SponsorCountdown> countdown() {
        return listenedSchedulers().map(scheduler -> scheduler.status().countdown()).flatMap(Optional::stream)
                .min(java.util.Comparator.comparing(SponsorCountdown::at));
    }

    /**
     * Skips the coming showing on every overlay a page listens to. Skipped if any overlay had one to skip (the
     * others had nothing coming); otherwise the first reason why not.
     */
    SkipOutcome skipNext() {
        List<SkipOutcome> outcomes = listenedSchedulers().map(RotationScheduler::skipNext).toList();
        return outcomes.stream().filter(SkipOutcome::skipped).findFirst()
                .or(() -> outcomes.stream().findFirst())
                .orElse(new SkipOutcome(false, "No overlay is open in OBS, so no sponsor is coming to skip."));
    }

    private java.util.stream.Stream<RotationScheduler> listenedSchedulers() {
        return channels.values().stream().filter(OverlayChannel::hasClients).map(OverlayChannel::scheduler);
    }

    void resume() {
        pausedUntil = java.time.Instant.MIN;
        forEachScheduler(RotationScheduler::resume);
    }
}
