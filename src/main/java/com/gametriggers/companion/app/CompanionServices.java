package com.gametriggers.companion.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.chat.ChatBotStatus;
import com.gametriggers.companion.chat.ChatCommandNames;
import com.gametriggers.companion.chat.ChatPlatform;
import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.links.LinksServer;
import com.gametriggers.companion.overlay.OverlayDirectory;
import com.gametriggers.companion.overlay.OverlayServer;
import com.gametriggers.companion.overlay.OverlayStatus;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.overlay.rotation.SkipOutcome;
import com.gametriggers.companion.qr.QrCodes;
import com.gametriggers.companion.store.ChatCommandTakenException;
import com.gametriggers.companion.store.ConnectionCode;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreException;
import com.gametriggers.companion.store.StoreSettings;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.twitch.DisclosureWarning;
import com.gametriggers.companion.tracking.TrackerOptions;
import com.gametriggers.companion.tracking.WriterStatus;
import com.gametriggers.companion.tracking.journal.JournalFormatException;
import com.gametriggers.companion.ui.AppSession;
import com.gametriggers.companion.ui.campaigns.CampaignsViewModel;
import com.gametriggers.companion.ui.ChannelStatus;
import com.gametriggers.companion.ui.PublicLinksStatus;
import com.gametriggers.companion.ui.StreamerData;

import okhttp3.OkHttpClient;

/**
 * Everything the app runs, wired with plain constructors in start order and closed in reverse. Both the window and
 * the headless mode run exactly this.
 */
final class CompanionServices implements AppSession {

    private static final Logger log = LoggerFactory.getLogger(CompanionServices.class);
    /** How far back the quarter-hour buckets are kept (see {@link #forgetOldQuarterHours}). */
    static final Duration QUARTER_HOURS_KEPT = Duration.ofDays(40);

    private final LocalProfile profile;
    private final String streamerId;
    private final Optional<ConnectionCode> platform;
    private final MongoStore store;
    private final Tracker tracker;
    private final LinksServer links;
    private final OverlayServer overlay;
    private final PublicLinks publicLinks;
    private final TwitchLink twitch;
    private final YouTubeLink youtube;
    private final StreamToOverlay audience;
    private final Clock clock;
    private final Resources running;

    private CompanionServices(LocalProfile profile, String streamerId, Optional<ConnectionCode> platform,
                              MongoStore store, Tracker tracker, LinksServer links, OverlayServer overlay, PublicLinks publicLinks,
                              TwitchLink twitch, YouTubeLink youtube, StreamToOverlay audience, Clock clock,
                              Resources running) {
        this.youtube = youtube;
        this.audience = audience;
        this.profile = profile;
        this.platform = platform;
        this.streamerId = streamerId;
        this.store = store;
        this.tracker = tracker;
        this.links = links;
        this.overlay = overlay;
        this.publicLinks = publicLinks;
        this.twitch = twitch;
        this.clock = clock;
        this.running = running;
    }

    /**
     * Starts every service; a {@link StoreException} says in one sentence what stopped it.
     *
     * @param http   the app's HTTP client, which outlives the services
     * @param twitch the app's Twitch sign-in, which chat and the stream status follow while the services run
     * @param youtube the app's YouTube sign-in, likewise
     * @param clock  the app's one clock
     */
    static CompanionServices start(AppOptions options, OkHttpClient http, TwitchSignIn twitch, YouTubeSignIn youtube,
                                   Clock clock) {
        LocalProfile profile = loadProfile(options);
        String streamerId = options.streamerId(profile);
        Resources running = new Resources();
        try {
            MongoStore store = running.add(MongoStore.open(options.storeSettings()));
            if (options.demo()) {
                DemoCampaigns.install(store, streamerId, clock);
            }
            Tracker tracker = running.add(startTracker(store, options, clock));
            forgetOldQuarterHours(store, streamerId, clock);
            AtomicLong viewers = new AtomicLong();
            OverlayDirectory directory = OverlayDirectory.load(store, streamerId);
            LinksServer links = running.add(LinksServer.start(options.linksSettings(), directory, tracker, clock));
            OverlayServer overlay = running.add(OverlayServer.start(options.overlaySettings(), directory,
                    links.trackingLinks(), tracker, profile.rotationKey(), profile.overlaySecretBytes(), viewers::get,
                    clock));
            overlay.control().updateRotation(options.rotation());
            tracker.onBudgetSpent(campaignId -> overlay.control().refreshSoon());
            new ParticipationLinks(store, overlay, links.trackingLinks()).assignMissing(streamerId);
            StreamToOverlay audience = new StreamToOverlay(overlay.control()::streamWentLive,
                    overlay.control()::streamWentOffline, overlay.control()::participationsOnScreen, tracker, viewers);
            TwitchLink twitchLink = running.add(TwitchLink.start(twitch, http, overlay.control(), links.trackingLinks(),
                    tracker, audience, options::disclosureTags, options.twitch().link(clock)));
            YouTubeLink youtubeLink = running.add(YouTubeLink.start(youtube, http, overlay.control(),
                    links.trackingLinks(), tracker, audience, YouTubeLink.Options.youtube(clock)));
            PublicLinks publicLinks = running.add(PublicLinks.forThisComputer(links.trackingLinks(),
                    URI.create(links.baseUrl()), clock,
                    () -> new ParticipationLinks(store, overlay, links.trackingLinks()).assignMissing(streamerId)));
            return new CompanionServices(profile, streamerId, options.platform(), store, tracker, links, overlay, publicLinks,
                    twitchLink, youtubeLink, audience, clock, running);
        } catch (RuntimeException e) {
            running.close();
            throw e;
        }
    }

    /**
     * The quarter-hour buckets the Earnings section no longer shows: older than its 30 days, with a day on either side
     * for time zones and room to spare. Once per start; a store that refuses only leaves them for the next start.
     */
    private static void forgetOldQuarterHours(MongoStore store, String streamerId, Clock clock) {
        try {
            List<String> ids = store.participations().forStreamer(streamerId).stream().map(Participation::id).toList();
            long forgotten = store.counterBatches().forgetQuarterHoursBefore(ids, clock.instant().minus(QUARTER_HOURS_KEPT));
            if (forgotten > 0) {
                log.info("Forgot {} quarter-hour buckets older than {} days", forgotten, QUARTER_HOURS_KEPT.toDays());
            }
        } catch (StoreException e) {
            log.warn("Old quarter-hour buckets could not be forgotten: {}", e.getMessage());
        }
    }

    private static Tracker startTracker(MongoStore store, AppOptions options, Clock clock) {
        Path journalDir = options.journalDir();
        try {
            return Tracker.start(store, journalDir, TrackerOptions.defaults().withClock(clock));
        } catch (JournalFormatException e) {
            // Already one sentence naming the file and what to do.
            throw new StoreException(e.getMessage(), e);
        } catch (IOException e) {
            throw new StoreException("The tracking journal in " + journalDir + " cannot be opened: " + e.getMessage(), e);
        }
    }

    private static LocalProfile loadProfile(AppOptions options) {
        try {
            return LocalProfile.loadOrCreate(options.dataDir());
        } catch (IOException e) {
            throw new StoreException("The streamer profile in " + options.dataDir() + " cannot be read or created: "
                    + e.getMessage(), e);
        }
    }

    MongoStore store() {
        return store;
    }

    /** Where every showing and click of these services enters. */
    Tracker tracker() {
        return tracker;
    }

    /** Settings' connection test: the store as the app would open it at that address, closed again by the caller. */
    static MongoStore openStoreForTest(String uri) {
        return MongoStore.open(new StoreSettings(Optional.of(uri), Path.of(System.getProperty("java.io.tmpdir")),
                Optional.empty()));
    }

    @Override
    public StreamerData data() {
        return new StoreReads(store, streamerId, platform.map(ConnectionCode::displayName));
    }

    @Override
    public String streamerId() {
        return streamerId;
    }

    @Override
    public String obsOverlayUrl() {
        return overlay.rotationUrl();
    }

    @Override
    public byte[] qrCodePng(Participation participation, int size) {
        return QrCodes.png(participationLinks().viewerUrl(participation, ClickType.QR), size);
    }

    @Override
    public Optional<String> changeChatCommand(Participation participation, String command) {
        List<String> others = store.participations().forStreamer(participation.streamerId()).stream()
                .filter(other -> !other.id().equals(participation.id()))
                .map(Participation::chatCommand).filter(Objects::nonNull).toList();
        Optional<String> problem = ChatCommandNames.problem(command, others);
        if (problem.isPresent()) {
            return problem;
        }
        String normalized = command.strip().toLowerCase(Locale.ROOT);
        try {
            store.participationUpdates().setTrackingLinks(participation,
                    participationLinks().viewerUrl(participation, ClickType.LINK), normalized);
        } catch (ChatCommandTakenException e) {
            return Optional.of(e.getMessage());
        }
        overlay.control().refresh();
        return Optional.empty();
    }

    @Override
    public ChannelStatus channelStatus() {
        Optional<ChatBotStatus> chatBot = twitch.chatBotStatus();
        if (chatBot.isEmpty()) {
            return new ChannelStatus(Optional.empty(), Optional.empty(), 0, twitch.needsStreamer(), youtube.status());
        }
        OptionalLong twitchViewers = audience.viewers(ChatPlatform.TWITCH);
        Optional<Boolean> live = overlay.control().status().live().map(any -> twitchViewers.isPresent());
        return new ChannelStatus(chatBot, live, twitchViewers.orElse(0), twitch.needsStreamer(), youtube.status());
    }

    @Override
    public Optional<DisclosureWarning> disclosureWarning() {
        return twitch.disclosureWarning();
    }

    @Override
    public String turnOnBrandedContent() {
        return twitch.turnOnBrandedContent();
    }

    @Override
    public WriterStatus trackingStatus() {
        return tracker.status();
    }

    /* The overlay is told at once, so a paused or left sponsor leaves the rotation now, not at the next poll. */

    @Override
    public Optional<Participation> pause(Participation participation) {
        return refreshingOverlay(store.participationUpdates().pause(participation.id()));
    }

    @Override
    public Optional<Participation> resume(Participation participation) {
        return refreshingOverlay(store.participationUpdates().resume(participation.id()));
    }

    @Override
    public Optional<Participation> leave(Participation participation) {
        return refreshingOverlay(store.participationUpdates().leave(participation.id()));
    }

    private Optional<Participation> refreshingOverlay(Optional<Participation> changed) {
        overlay.control().refresh();
        return changed;
    }

    @Override
    public List<Campaign> joinableCampaigns() {
        return CampaignsViewModel.joinable(store.campaigns().active(), store.participations().forStreamer(streamerId));
    }

    @Override
    public Participation join(Campaign campaign) {
        Participation joined = store.participationUpdates().join(campaign.id(), streamerId);
        participationLinks().assignMissing(streamerId);
        overlay.control().refresh();
        // Read again for the tracking link and chat command just given to it.
        return store.participations().byId(joined.id()).orElse(joined);
    }

    @Override
    public void showNow() {
        overlay.control().showNow();
    }

    @Override
    public SkipOutcome skipNextSponsor() {
        return overlay.control().skipNextSponsor();
    }

    @Override
    public void pauseAds(Duration duration) {
        overlay.control().pauseAds(duration);
    }

    @Override
    public void resumeAds() {
        overlay.control().resumeAds();
    }

    @Override
    public OverlayStatus overlayStatus() {
        return overlay.control().status();
    }

    @Override
    public void changeRotation(RotationSettings rotation) {
        overlay.control().updateRotation(rotation);
    }

    @Override
    public void installDemo() {
        DemoCampaigns.install(store, streamerId, clock);
        participationLinks().assignMissing(streamerId);
    }

    private ParticipationLinks participationLinks() {
        return new ParticipationLinks(store, overlay, links.trackingLinks());
    }

    OverlayServer overlay() {
        return overlay;
    }

    LinksServer links() {
        return links;
    }

    @Override
    public PublicLinksStatus publicLinks() {
        return publicLinks.status();
    }

    @Override
    public Optional<String> makeLinksPublic() {
        return publicLinks.makePublic();
    }

    @Override
    public void close() {
        running.close();
        log.info("Stopped");
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
