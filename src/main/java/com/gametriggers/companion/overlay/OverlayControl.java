package com.gametriggers.companion.overlay;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.overlay.rotation.SkipOutcome;

/**
 * What the rest of the app changes and reads about the overlays: the rotation, the stream's state, a pause, what is
 * on screen and which sponsors can be shown. The web server only serves what this decides.
 *
 * <p>Two threads of its own: the ticker moves the rotation and never touches the store; the directory thread reads
 * the participations every few seconds, so a slow MongoDB delays a new sponsor's arrival, never a showing. The ticker
 * ticks four times a second while a page listens and not at all while none does (OBS closed, the app started with
 * the computer): nothing is shown to nobody, and an idle app does not wake for nothing.
 */
public final class OverlayControl implements AutoCloseable {

    private static final Duration TICK = Duration.ofMillis(250);

    private final OverlayDirectory directory;
    private final OverlayChannels channels;
    private final CreativeProblems creativeProblems;
    private final Clock clock;
    private final ScheduledExecutorService ticker = OverlayServer.singleThread("overlay-ticker");
    private final ScheduledExecutorService directoryReader = OverlayServer.singleThread("overlay-directory");
    /** The rotation's ticks while a page listens; null while none does. Guarded by this. */
    private ScheduledFuture<?> ticking;

    OverlayControl(OverlayDirectory directory, OverlayChannels channels, CreativeProblems creativeProblems, Clock clock) {
        this.directory = directory;
        this.channels = channels;
        this.creativeProblems = creativeProblems;
        this.clock = clock;
    }

    void start() {
        channels.whenAPageConnects(this::tickWhileListened);
        ticker.scheduleWithFixedDelay(channels::heartbeat, 15, 15, TimeUnit.SECONDS);
        // The app refreshes at once after its own changes; this catches the platform's, at little cost.
        long refreshMillis = directory.refreshEvery().toMillis();
        directoryReader.scheduleWithFixedDelay(directory::refresh, refreshMillis, refreshMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Called after a page was added to its channel. Together with {@link #tick} under one lock: a page that connects
     * while the last tick finds nobody listening either is seen by that tick or starts the ticks again itself.
     */
    private synchronized void tickWhileListened() {
        if (ticking == null && !ticker.isShutdown()) {
            ticking = ticker.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void tick() {
        channels.tickListened();
        synchronized (this) {
            if (!channels.anyListened()) {
                ticking.cancel(false);
                ticking = null;
            }
        }
    }

    /** Shows a sponsor on every overlay at the next tick. */
    public void showNow() {
        channels.forEachScheduler(scheduler -> scheduler.showNow());
    }

    /** "Skip this one": drops the showing about to come, or says why there is none to drop. */
    public SkipOutcome skipNextSponsor() {
        SkipOutcome outcome = channels.skipNext();
        announceCountdownsNow();
        return outcome;
    }

    public void pauseAds(Duration duration) {
        channels.pauseFor(duration);
        announceCountdownsNow();
    }

    public void resumeAds() {
        channels.resume();
        announceCountdownsNow();
    }

    public void updateRotation(RotationSettings settings) {
        channels.updateSettings(settings);
        announceCountdownsNow();
    }

    /**
     * The countdown on the pages follows a skip or a pause at once rather than at the next tick; on the ticker, so a
     * slow page never holds up the caller.
     */
    private void announceCountdownsNow() {
        try {
            ticker.execute(channels::announceCountdowns);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Closing: the pages are going away with their countdown.
        }
    }

    /** Called on the ticker thread with the participation id each time a sponsor comes on screen; keep it short. */
    public void onShow(Consumer<String> listener) {
        channels.onShow(listener);
    }

    /** The rotation, the stream, a pause, what is on screen and the creatives OBS could not show, as the window shows them. */
    public OverlayStatus status() {
        return channels.status(participationId -> directory.showableAt(clock.instant()).stream()
                .filter(entry -> entry.participation().id().equals(participationId))
                .map(entry -> entry.campaign().brandName()).findFirst(), creativeProblems.current(directory));
    }

    /** Twitch says the stream started: the first sponsor follows after the rotation's delay. */
    public void streamWentLive() {
        channels.streamWentLive();
    }

    /** Twitch says the stream ended: sponsors leave the screen until it is live again. */
    public void streamWentOffline() {
        channels.streamWentOffline();
    }

    /** The participations a listening overlay shows right now: where a viewer-count sample belongs. */
    public Set<String> participationsOnScreen() {
        return channels.onScreen();
    }

    /** A sponsor that can be on stream now, with what chat needs to answer its command. */
    public record Sponsor(String participationId, String brand, String chatCommand, String browserSourceToken,
                          String campaignId, String landingUrl) {
    }

    /** The sponsors that can be on stream now, from memory: asked at every chat line, it never waits on MongoDB. */
    public List<Sponsor> showableSponsors() {
        return directory.showableAt(clock.instant()).stream()
                .map(entry -> new Sponsor(entry.participation().id(), entry.campaign().brandName(),
                        entry.participation().chatCommand(), entry.token(), entry.campaign().id(),
                        entry.campaign().landingUrl()))
                .toList();
    }

    /**
     * Reads the participations again soon, on the overlay's own reader thread: for a caller that must not wait on the
     * store, such as the tracker finding a campaign's budget spent.
     */
    public void refreshSoon() {
        try {
            directoryReader.execute(directory::refresh);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Closing: there is no rotation left to correct.
        }
    }

    /** Reads the participations again now, on the caller's thread, after the app changed one. */
    public void refresh() {
        directory.refresh();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        directoryReader.shutdownNow();
        channels.closeAll();
    }
}
