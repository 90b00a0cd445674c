package com.gametriggers.companion.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.overlay.OverlayStatus;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.overlay.rotation.SkipOutcome;
import com.gametriggers.companion.store.ConnectionCode;
import com.gametriggers.companion.tracking.WriterStatus;
import com.gametriggers.companion.twitch.DisclosureWarning;
import com.gametriggers.companion.ui.AppSession;
import com.gametriggers.companion.ui.ChannelStatus;
import com.gametriggers.companion.ui.PublicLinksStatus;
import com.gametriggers.companion.ui.StreamerData;

/**
 * The window's and the tray's one session, whose services can move to another GameTriggers account without the app
 * starting again: {@link #switchTo} stops them (their tracker flushing to the store its events were recorded for, the
 * rest kept in that store's own journal) and starts them on the new store. Every call goes to the services running
 * at that moment.
 */
final class SwitchingSession implements AppSession {

    private static final Logger log = LoggerFactory.getLogger(SwitchingSession.class);

    private final Function<Optional<ConnectionCode>, CompanionServices> starter;
    /** Guarded by this. */
    private Optional<ConnectionCode> platform;
    private volatile CompanionServices current;

    /** Starts the services on {@code platform} (empty: not connected); a failure to start is thrown, as from the starter. */
    SwitchingSession(Function<Optional<ConnectionCode>, CompanionServices> starter, Optional<ConnectionCode> platform) {
        this.starter = starter;
        this.platform = platform;
        this.current = starter.apply(platform);
    }

    /**
     * Moves the services to {@code next}. When they cannot start there they start again where they were, and the
     * failure is thrown: the streamer keeps a running app and hears why.
     */
    synchronized void switchTo(Optional<ConnectionCode> next) {
        long started = System.nanoTime();
        current.close();
        try {
            current = starter.apply(next);
            platform = next;
            log.info("The services moved to {} in {} ms",
                    next.map(ConnectionCode::address).orElse("the store without a GameTriggers account"),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException refused) {
            try {
                current = starter.apply(platform);
            } catch (RuntimeException again) {
                refused.addSuppressed(again);
            }
            throw refused;
        }
    }

    @Override
    public StreamerData data() {
        return current.data();
    }

    @Override
    public Clock clock() {
        return current.clock();
    }

    @Override
    public String streamerId() {
        return current.streamerId();
    }

    @Override
    public String obsOverlayUrl() {
        return current.obsOverlayUrl();
    }

    @Override
    public byte[] qrCodePng(Participation participation, int size) {
        return current.qrCodePng(participation, size);
    }

    @Override
    public Optional<String> changeChatCommand(Participation participation, String command) {
        return current.changeChatCommand(participation, command);
    }

    @Override
    public ChannelStatus channelStatus() {
        return current.channelStatus();
    }

    @Override
    public Optional<DisclosureWarning> disclosureWarning() {
        return current.disclosureWarning();
    }

    @Override
    public String turnOnBrandedContent() {
        return current.turnOnBrandedContent();
    }

    @Override
    public WriterStatus trackingStatus() {
        return current.trackingStatus();
    }

    @Override
    public Optional<Participation> pause(Participation participation) {
        return current.pause(participation);
    }

    @Override
    public Optional<Participation> resume(Participation participation) {
        return current.resume(participation);
    }

    @Override
    public Optional<Participation> leave(Participation participation) {
        return current.leave(participation);
    }

    @Override
    public List<Campaign> joinableCampaigns() {
        return current.joinableCampaigns();
    }

    @Override
    public Participation join(Campaign campaign) {
        return current.join(campaign);
    }

    @Override
    public void showNow() {
        current.showNow();
    }

    @Override
    public SkipOutcome skipNextSponsor() {
        return current.skipNextSponsor();
    }

    @Override
    public void pauseAds(Duration duration) {
        current.pauseAds(duration);
    }

    @Override
    public void resumeAds() {
        current.resumeAds();
    }

    @Override
    public OverlayStatus overlayStatus() {
        return current.overlayStatus();
    }

    @Override
    public void changeRotation(RotationSettings rotation) {
        current.changeRotation(rotation);
    }

    @Override
    public PublicLinksStatus publicLinks() {
        return current.publicLinks();
    }

    @Override
    public Optional<String> makeLinksPublic() {
        return current.makeLinksPublic();
    }

    @Override
    public void installDemo() {
        current.installDemo();
    }

    /** Waits for a switch under way, so what it started is what closes. */
    @Override
    public synchronized void close() {
        current.close();
    }
}
