package com.gametriggers.companion.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.gametriggers.companion.links.LinksSettings;
import com.gametriggers.companion.overlay.OverlaySettings;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.store.ConnectionCode;
import com.gametriggers.companion.store.StoreSettings;
import com.gametriggers.companion.twitch.DisclosureCheck;

/**
 * What the command line asked for, resolved: the data folder is always known here. {@code twitchClientId} is the
 * command line's or the environment's only; Settings and the build's default come after it, at each use.
 * {@code platform} is the GameTriggers connection the streamer pasted: when present it names the store and the
 * streamer, over Settings' MongoDB address and the profile's streamer id. {@code disclosureTags} are the title tags
 * that disclose sponsors, from the settings file.
 */
record AppOptions(Optional<String> mongoUri, Path dataDir, boolean headless, boolean demo, int overlayPort,
                  int linksPort, Optional<URI> publicTrackingUrl, Optional<String> twitchClientId, boolean twitchLogin,
                  RotationSettings rotation, TwitchEndpoints twitch, Optional<ConnectionCode> platform,
                  List<String> disclosureTags) {

    AppOptions(Optional<String> mongoUri, Path dataDir, boolean headless, boolean demo, int overlayPort, int linksPort,
               Optional<URI> publicTrackingUrl, Optional<String> twitchClientId, boolean twitchLogin,
               RotationSettings rotation, TwitchEndpoints twitch) {
        this(mongoUri, dataDir, headless, demo, overlayPort, linksPort, publicTrackingUrl, twitchClientId, twitchLogin,
                rotation, twitch, Optional.empty(), DisclosureCheck.DEFAULT_TAGS);
    }

    AppOptions withPlatform(Optional<ConnectionCode> connection) {
        return new AppOptions(mongoUri, dataDir, headless, demo, overlayPort, linksPort, publicTrackingUrl,
                twitchClientId, twitchLogin, rotation, twitch, connection, disclosureTags);
    }

    AppOptions withRotation(RotationSettings paced) {
        return new AppOptions(mongoUri, dataDir, headless, demo, overlayPort, linksPort, publicTrackingUrl,
                twitchClientId, twitchLogin, paced, twitch, platform, disclosureTags);
    }

    /** Whom the app counts for: the connected GameTriggers user, else the profile's own id. */
    String streamerId(LocalProfile profile) {
        return platform.map(ConnectionCode::userId).orElse(profile.streamerId());
    }

    OverlaySettings overlaySettings() {
        return new OverlaySettings(overlayPort);
    }

    LinksSettings linksSettings() {
        return new LinksSettings(linksPort, publicTrackingUrl);
    }

    StoreSettings storeSettings() {
        return new StoreSettings(platform.map(ConnectionCode::mongoUri).or(() -> mongoUri), dataDir, Optional.empty());
    }

    /**
     * The tracking journal of this store: events wait there for the store they were recorded for, so a connection
     * made or changed while some wait never sends them to another one.
     */
    Path journalDir() {
        return dataDir.resolve(platform.map(code -> "journal-" + code.userId()).orElse("journal"));
    }
}
