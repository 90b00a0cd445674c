package com.gametriggers.companion.app;

import java.util.List;
import java.util.function.Consumer;

import com.gametriggers.companion.chat.ChatCommand;
import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.links.TrackingLinks;
import com.gametriggers.companion.overlay.OverlayControl;

/** The sponsors' chat commands every platform's chat answers, and announcing the sponsor that comes on screen. */
final class SponsorCommands {

    private SponsorCommands() {
    }

    /** The commands chat can use now, answered with the tracking link that counts a chat click. */
    static List<ChatCommand> now(OverlayControl overlay, TrackingLinks links) {
        return overlay.showableSponsors().stream()
                .filter(sponsor -> sponsor.chatCommand() != null)
                .map(sponsor -> new ChatCommand(sponsor.chatCommand(), sponsor.participationId(), sponsor.brand(),
                        links.viewerUrl(sponsor.browserSourceToken(), ClickType.CHAT,
                                sponsor.campaignId(), sponsor.landingUrl())))
                .toList();
    }

    /** While a sponsor is on screen, chat hears its link too (the chat itself skips it if it spoke within the last lines). */
    static void announceOnShow(OverlayControl overlay, TrackingLinks links, Consumer<ChatCommand> chat) {
        overlay.onShow(participationId -> now(overlay, links).stream()
                .filter(command -> command.participationId().equals(participationId))
                .findFirst()
                .ifPresent(chat));
    }
}
