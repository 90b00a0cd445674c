package com.gametriggers.companion.app;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.chat.ChatCommandNames;
import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.ParticipationStatus;
import com.gametriggers.companion.links.TrackingLinks;
import com.gametriggers.companion.overlay.OverlayServer;
import com.gametriggers.companion.store.ChatCommandTakenException;
import com.gametriggers.companion.store.MongoStore;

/**
 * Gives every participation of the streamer what viewers use to reach the sponsor: a tracking link, a chat command
 * made from the brand, and the QR code's URL, each set with the atomic helpers. A chat command or QR URL already set
 * (by the platform or by the streamer) is kept; the link follows the public address, or the sponsor's page without one.
 */
final class ParticipationLinks {

    private static final Logger log = LoggerFactory.getLogger(ParticipationLinks.class);

    private final MongoStore store;
    private final OverlayServer overlay;
    private final TrackingLinks links;

    ParticipationLinks(MongoStore store, OverlayServer overlay, TrackingLinks links) {
        this.links = links;
        this.store = store;
        this.overlay = overlay;
    }

    void assignMissing(String streamerId) {
        List<Participation> participations = store.participations().forStreamer(streamerId);
        Set<String> taken = participations.stream().map(Participation::chatCommand).filter(Objects::nonNull)
                .collect(Collectors.toCollection(HashSet::new));
        for (Participation participation : participations) {
            if (participation.status() == ParticipationStatus.LEFT || participation.browserSourceToken() == null) {
                continue;
            }
            String token = participation.browserSourceToken();
            String trackingUrl = viewerUrl(participation, ClickType.LINK);
            // The link follows the configured public base URL; the chat command stays what it was.
            if (!trackingUrl.equals(participation.trackingUrl()) || participation.chatCommand() == null) {
                assignTrackingLinks(participation, trackingUrl, taken);
            }
            if (participation.qrCodeUrl() == null) {
                store.participationUpdates().setQrCodeUrl(participation.id(), overlay.baseUrl() + "qr/" + token + ".png");
            }
        }
        overlay.control().refresh();
    }

    /** The link viewers get from {@code source}: the tracking link when public, else the sponsor's tagged page. */
    String viewerUrl(Participation participation, ClickType source) {
        Optional<Campaign> campaign = store.campaigns().byId(participation.campaignId());
        return links.viewerUrl(participation.browserSourceToken(), source, participation.campaignId(),
                campaign.map(Campaign::landingUrl).orElse(null));
    }

    private void assignTrackingLinks(Participation participation, String trackingUrl, Set<String> taken) {
        String brand = store.campaigns().byId(participation.campaignId()).map(c -> c.brandName()).orElse("sponsor");
        String command = participation.chatCommand();
        // Another writer (the platform, a second device) may take a command meanwhile: try the next variant then.
        for (int attempt = 0; attempt < 5; attempt++) {
            if (command == null) {
                command = ChatCommandNames.generate(brand, taken);
            }
            try {
                store.participationUpdates().setTrackingLinks(participation, trackingUrl, command);
                taken.add(command);
                return;
            } catch (ChatCommandTakenException e) {
                taken.add(command);
                command = null;
            }
        }
        log.warn("No free chat command found for participation {}; it has none for now", participation.id());
    }
}
