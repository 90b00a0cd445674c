package com.gametriggers.companion.obs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.gametriggers.companion.obs.OverlayUrls.Match;

class OverlayUrlsTest {

    private static final String OURS = "http://127.0.0.1:17730/rotation/k3y";

    @Test
    void theSameUrlGiveOrTakeATrailingSlash() {
        assertThat(OverlayUrls.match(OURS, OURS)).isEqualTo(Match.SAME);
        assertThat(OverlayUrls.match(OURS, OURS + "/")).isEqualTo(Match.SAME);
        assertThat(OverlayUrls.match(OURS + "/", OURS)).isEqualTo(Match.SAME);
    }

    @Test
    void anotherPortOrKeyOfTheLocalRotationOverlay() {
        assertThat(OverlayUrls.match(OURS, "http://127.0.0.1:18000/rotation/k3y")).isEqualTo(Match.EARLIER_ROTATION);
        assertThat(OverlayUrls.match(OURS, "http://localhost:17730/rotation/oldkey/"))
                .isEqualTo(Match.EARLIER_ROTATION);
        assertThat(OverlayUrls.match(OURS, "http://LOCALHOST:17730/rotation/oldkey")).isEqualTo(Match.EARLIER_ROTATION);
    }

    @Test
    void notOthersPages() {
        assertThat(OverlayUrls.match(OURS, null)).isEqualTo(Match.NONE);
        assertThat(OverlayUrls.match(OURS, "")).isEqualTo(Match.NONE);
        assertThat(OverlayUrls.match(OURS, "https://streamlabs.com/alert-box/v3/abc")).isEqualTo(Match.NONE);
        assertThat(OverlayUrls.match(OURS, "http://192.168.1.5:17730/rotation/k3y")).isEqualTo(Match.NONE);
        assertThat(OverlayUrls.match(OURS, "http://127.0.0.1:17730/overlay/0123")).isEqualTo(Match.NONE);
        assertThat(OverlayUrls.match(OURS, "http://127.0.0.1:17730/rotation/")).isEqualTo(Match.NONE);
        assertThat(OverlayUrls.match(OURS, "file:///home/me/rotation/x.html")).isEqualTo(Match.NONE);
        assertThat(OverlayUrls.match(OURS, "http://127.0.0.1:17730/rotation/ bad")).isEqualTo(Match.NONE);
    }

    @Test
    void onlyARotationOverlayClaimsOtherRotationUrls() {
        String single = "http://127.0.0.1:17730/overlay/0123";
        assertThat(OverlayUrls.match(single, "http://127.0.0.1:17730/rotation/k3y")).isEqualTo(Match.NONE);
        assertThat(OverlayUrls.match(single, "http://127.0.0.1:17730/overlay/4567")).isEqualTo(Match.NONE);
    }
}
