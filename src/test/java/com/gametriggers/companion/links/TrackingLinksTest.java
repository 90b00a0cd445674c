package com.gametriggers.companion.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.gametriggers.companion.domain.ClickType;

/** Which link a viewer gets: one that counts when the links are public, the sponsor's own page when they are not. */
class TrackingLinksTest {

    private static final String TOKEN = "ab".repeat(32);
    private static final String CAMPAIGN = "6740a1b2c3d4e5f601234567";

    @Test
    void withoutAPublicAddressViewersGetTheSponsorsPageTaggedWithWhereTheyCameFrom() {
        TrackingLinks links = new TrackingLinks(Optional.empty(), "http://127.0.0.1:17731");

        assertThat(links.isPublic()).isFalse();
        assertThat(links.viewerUrl(TOKEN, ClickType.QR, CAMPAIGN, "https://nova.example/drink"))
                .isEqualTo("https://nova.example/drink?utm_source=gametriggers&utm_medium=qr&utm_campaign=" + CAMPAIGN);
        assertThat(links.viewerUrl(TOKEN, ClickType.CHAT, CAMPAIGN, "https://nova.example/drink"))
                .endsWith("utm_medium=chat&utm_campaign=" + CAMPAIGN);
    }

    @Test
    void theSponsorsOwnParametersAndFragmentStayAndOldUtmTagsAreReplaced() {
        assertThat(TrackingLinks.tagged("https://nova.example/p?ref=tv&utm_source=old&utm_medium=x#buy", ClickType.LINK, CAMPAIGN))
                .isEqualTo("https://nova.example/p?ref=tv&utm_source=gametriggers&utm_medium=link&utm_campaign=" + CAMPAIGN + "#buy");
        assertThat(TrackingLinks.tagged("https://nova.example/p?", ClickType.LINK, "a b&c"))
                .isEqualTo("https://nova.example/p?utm_source=gametriggers&utm_medium=link&utm_campaign=a+b%26c");
    }

    @Test
    void publicLinksCountTheVisitAndATypedAddressWinsOverATunnel() {
        TrackingLinks links = new TrackingLinks(Optional.empty(), "http://127.0.0.1:17731");
        links.useTunnel(Optional.of(URI.create("https://abc-def.trycloudflare.com")));

        assertThat(links.viewerUrl(TOKEN, ClickType.QR, CAMPAIGN, "https://nova.example/drink"))
                .isEqualTo("https://abc-def.trycloudflare.com/t/" + TrackingLinks.code(TOKEN) + "?src=qr");

        TrackingLinks typed = new TrackingLinks(Optional.of(URI.create("https://gt.example.net/")), "http://127.0.0.1:17731");
        typed.useTunnel(Optional.of(URI.create("https://abc-def.trycloudflare.com")));
        assertThat(typed.trackingUrl(TOKEN, ClickType.LINK)).startsWith("https://gt.example.net/t/");

        links.useTunnel(Optional.empty());
        assertThat(links.isPublic()).as("the tunnel went down").isFalse();
    }

    @Test
    void withoutAUsableLandingPageTheTrackingLinkStays() {
        TrackingLinks links = new TrackingLinks(Optional.empty(), "http://127.0.0.1:17731");

        assertThat(links.viewerUrl(TOKEN, ClickType.QR, CAMPAIGN, null)).startsWith("http://127.0.0.1:17731/t/");
        assertThat(links.viewerUrl(TOKEN, ClickType.QR, CAMPAIGN, "javascript:alert(1)")).startsWith("http://127.0.0.1:17731/t/");
    }
}
