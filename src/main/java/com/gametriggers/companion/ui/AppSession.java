package com.gametriggers.companion.ui;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.overlay.OverlayStatus;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.overlay.rotation.SkipOutcome;
import com.gametriggers.companion.tracking.WriterStatus;
import com.gametriggers.companion.twitch.DisclosureWarning;

/** What a window needs from the running app; the {@code app} package provides it. */
public interface AppSession extends AutoCloseable {

    /** The streamer's data as the window reads it. */
    StreamerData data();

    /** The app's one clock: every "now" the window shows or asks for comes from it. */
    Clock clock();

    String streamerId();

    /** The URL the streamer adds to OBS as a Browser Source: every active sponsor, in rotation. */
    String obsOverlayUrl();

    /** The QR code of the participation's tracking link (as a scan), as a PNG of {@code size} pixels. */
    byte[] qrCodePng(Participation participation, int size);

    /**
     * Gives the participation another chat command.
     *
     * @return why it cannot be used, as a sentence for the streamer; empty when it was saved
     */
    java.util.Optional<String> changeChatCommand(Participation participation, String command);

    /** The chat bot and the stream, as Twitch tells them. */
    ChannelStatus channelStatus();

    /** The live stream shows sponsors without disclosing them; empty while it does, or nobody knows. */
    java.util.Optional<DisclosureWarning> disclosureWarning();

    /** Turns on Twitch's branded-content label: one sentence saying it is on, or why not. Blocks on Twitch. */
    String turnOnBrandedContent();

    /** How the way from the tracker to the store is doing: online, or offline with events waiting. */
    WriterStatus trackingStatus();

    /**
     * Stops showing the sponsor and earning from it. Like {@link #resume} and {@link #leave}, it returns the
     * participation as it stands afterwards (unchanged when its status did not allow the change), empty when it is gone.
     */
    java.util.Optional<Participation> pause(Participation participation);

    java.util.Optional<Participation> resume(Participation participation);

    java.util.Optional<Participation> leave(Participation participation);

    /** Campaigns open for joining that the streamer is not in (never joined, or left), by brand. */
    List<Campaign> joinableCampaigns();

    /** Joins the campaign (again, after leaving it), gives it a tracking link and chat command, and puts it in the overlay. */
    Participation join(Campaign campaign);

    /** Shows a sponsor on the overlay at once, outside the rotation's pace. */
    void showNow();

    /** "Skip this one": the sponsor about to come does not, and keeps its turn; or why there is none to skip. */
    SkipOutcome skipNextSponsor();

    /** Keeps sponsors off the overlay for this long (the one on screen leaves now). */
    void pauseAds(Duration duration);

    void resumeAds();

    OverlayStatus overlayStatus();

    /** Paces the overlay's sponsors this way from now on. */
    void changeRotation(RotationSettings rotation);

    /** Whether scans and link clicks are counted now: the links are public (typed address or tunnel), or not. */
    PublicLinksStatus publicLinks();

    /**
     * Makes the tracking links public through a Cloudflare quick tunnel, in the background; see {@link #publicLinks()}.
     *
     * @return what the streamer should do instead, when it cannot (cloudflared is not installed)
     */
    java.util.Optional<String> makeLinksPublic();

    /** Adds the demo campaigns and joins them. */
    void installDemo();

    @Override
    void close();
}
