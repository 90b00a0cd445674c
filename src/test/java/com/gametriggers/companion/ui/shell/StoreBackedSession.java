package com.gametriggers.companion.ui.shell;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.gametriggers.companion.app.StoreReads;
import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.overlay.OverlayStatus;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.overlay.rotation.SkipOutcome;
import com.gametriggers.companion.qr.QrCodes;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.WriterStatus;
import com.gametriggers.companion.twitch.DisclosureWarning;
import com.gametriggers.companion.ui.AppSession;
import com.gametriggers.companion.ui.campaigns.CampaignsViewModel;
import com.gametriggers.companion.ui.ChannelStatus;
import com.gametriggers.companion.ui.PublicLinksStatus;
import com.gametriggers.companion.ui.StreamerData;

/**
 * The running app as the window sees it, over a real store and tracker but without the overlay server and Twitch,
 * which the window does not need to be tested. The test owns the store and tracker and closes them.
 */
record StoreBackedSession(MongoStore store, Tracker tracker, String streamerId) implements AppSession {

    static final String OVERLAY_URL = "http://127.0.0.1:17730/rotation/test-rotation-key";
    static final PublicLinksStatus LOCAL_LINKS = new PublicLinksStatus(false, "links: local",
            "Scans and link clicks are not counted: your links are not public yet.");

    /** The window tests try no MongoDB address; Settings' own tests do. */
    static AutoCloseable noConnectionTest(String uri) {
        throw new UnsupportedOperationException("no connection test in the window tests: " + uri);
    }

    @Override
    public StreamerData data() {
        return new StoreReads(store, streamerId);
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public String obsOverlayUrl() {
        return OVERLAY_URL;
    }

    @Override
    public byte[] qrCodePng(Participation participation, int size) {
        return QrCodes.png("http://127.0.0.1:17730/t/" + participation.id() + "?src=qr", size);
    }

    @Override
    public Optional<String> changeChatCommand(Participation participation, String command) {
        throw new UnsupportedOperationException("not used by the window tests");
    }

    @Override
    public WriterStatus trackingStatus() {
        return tracker.status();
    }

    @Override
    public Optional<Participation> pause(Participation participation) {
        return store.participationUpdates().pause(participation.id());
    }

    @Override
    public Optional<Participation> resume(Participation participation) {
        return store.participationUpdates().resume(participation.id());
    }

    @Override
    public Optional<Participation> leave(Participation participation) {
        return store.participationUpdates().leave(participation.id());
    }

    @Override
    public ChannelStatus channelStatus() {
        return ChannelStatus.UNKNOWN;
    }

    @Override
    public Optional<DisclosureWarning> disclosureWarning() {
        return Optional.empty();
    }

    @Override
    public String turnOnBrandedContent() {
        return "Not signed in to Twitch.";
    }

    @Override
    public List<Campaign> joinableCampaigns() {
        return CampaignsViewModel.joinable(store.campaigns().active(), store.participations().forStreamer(streamerId));
    }

    @Override
    public Participation join(Campaign campaign) {
        return store.participationUpdates().join(campaign.id(), streamerId);
    }

    @Override
    public void showNow() {
        throw new UnsupportedOperationException("no overlay server in the window tests");
    }

    @Override
    public SkipOutcome skipNextSponsor() {
        throw new UnsupportedOperationException("no overlay server in the window tests");
    }

    @Override
    public void pauseAds(Duration duration) {
        throw new UnsupportedOperationException("no overlay server in the window tests");
    }

    @Override
    public void resumeAds() {
        throw new UnsupportedOperationException("no overlay server in the window tests");
    }

    @Override
    public OverlayStatus overlayStatus() {
        return new OverlayStatus(RotationSettings.defaults(), Optional.empty(), Optional.empty(), 0, List.of(), List.of());
    }

    @Override
    public void changeRotation(RotationSettings rotation) {
        throw new UnsupportedOperationException("no overlay server in the window tests");
    }

    /** The links as a fresh install has them: local, so scans and link clicks are not counted. */
    @Override
    public PublicLinksStatus publicLinks() {
        return LOCAL_LINKS;
    }

    @Override
    public java.util.Optional<String> makeLinksPublic() {
        return java.util.Optional.of("cloudflared is not installed on this test machine.");
    }

    @Override
    public void installDemo() {
        throw new UnsupportedOperationException("not used by the window tests");
    }

    @Override
    public void close() {
        // The test closes the tracker and the store after the window.
    }
}
