package com.gametriggers.companion.ui.tray;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.concurrent.NamedThreads;
import com.gametriggers.companion.overlay.OverlayStatus;
import com.gametriggers.companion.ui.AppSession;
import com.gametriggers.companion.ui.ChannelStatus;

/**
 * Watches the running app whether or not its window is open: keeps the tray's tooltip current and raises the
 * notifications {@link Attention} asks for. It reads statuses the services keep in memory, every few seconds on a
 * thread of its own, so a closed window costs next to nothing and a stuck store never delays it.
 */
public final class StatusWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StatusWatch.class);
    static final Duration EVERY = Duration.ofSeconds(5);

    private final Supplier<Optional<AppSession>> session;
    private final Optional<DesktopTray> tray;
    private final Consumer<Notice> inWindow;
    private final Attention attention = new Attention();
    private final SponsorWarning sponsorWarning = new SponsorWarning();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            NamedThreads.factory("status-watch"));

    /**
     * @param session  the running app, empty while it starts
     * @param tray     the tray icon, where the desktop has one
     * @param inWindow where notices go as well (the window's message line), on this watch's thread
     */
    public StatusWatch(Supplier<Optional<AppSession>> session, Optional<DesktopTray> tray, Consumer<Notice> inWindow) {
        this.session = session;
        this.tray = tray;
        this.inWindow = inWindow;
    }

    public void start() {
        tray.ifPresent(icon -> icon.show(TrayStatus.STARTING));
        timer.scheduleWithFixedDelay(this::look, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One reading: the tooltip, then the notices it calls for. */
    void look() {
        Optional<AppSession> running = session.get();
        if (running.isEmpty()) {
            return;
        }
        try {
            AppSession app = running.get();
            ChannelStatus channel = app.channelStatus();
            var tracking = app.trackingStatus();
            OverlayStatus overlay = app.overlayStatus();
            TrayStatus status = TrayStatus.of(tracking, channel, overlay, app.clock().getZone());
            tray.ifPresent(icon -> icon.show(status));
            List<Notice> notices = new ArrayList<>(attention.update(tracking, channel.signInProblem(),
                    overlay.creativeProblems(), app.clock().instant()));
            attention.disclosureNotice(app.disclosureWarning()).ifPresent(notices::add);
            for (Notice notice : notices) {
                log.warn("{}: {}", notice.title(), notice.text());
                tray.ifPresent(icon -> icon.notify(notice));
                inWindow.accept(notice);
            }
            // The window's status bar counts down by itself, so the warning goes to the tray only.
            sponsorWarning.update(overlay, app.clock().instant(), app.clock().getZone())
                    .ifPresent(notice -> tray.ifPresent(icon -> icon.notify(notice)));
        } catch (RuntimeException e) {
            // A reading that failed is tried again in a few seconds; the watch itself must never stop.
            log.debug("Status reading failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
