package com.gametriggers.companion.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import com.gametriggers.companion.links.LinksSettings;
import com.gametriggers.companion.overlay.OverlaySettings;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.store.StoreSettings;

/**
 * What the command line asked for, resolved: the data folder is always known here. {@code twitchClientId} is the
 * command line's or the environment's only; Settings and the build's default come after it, at each use.
 */
record AppOptions(Optional<String> mongoUri, Path dataDir, boolean headless, boolean demo, int overlayPort,
                  int linksPort, Optional<URI> publicTrackingUrl, Optional<String> twitchClientId, boolean twitchLogin,
                  RotationSettings rotation, TwitchEndpoints twitch) {

    OverlaySettings overlaySettings() {
        return new OverlaySettings(overlayPort);
    }

    LinksSettings linksSettings() {
        return new LinksSettings(linksPort, publicTrackingUrl);
    }

    StoreSettings storeSettings() {
        return new StoreSettings(mongoUri, dataDir, Optional.empty());
    }
}
