package com.gametriggers.companion.obs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ObsConnectionSettingsTest {

    @Test
    void defaultsToThisMachineOnPort4455WithoutPassword() {
        ObsConnectionSettings settings = ObsConnectionSettings.defaults();
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(4455);
        assertThat(settings.password()).isEmpty();
        assertThat(settings.endpoint()).isEqualTo("127.0.0.1:4455");
    }

    @Test
    void toStringHidesThePassword() {
        ObsConnectionSettings settings = ObsConnectionSettings.defaults().withPassword("s3cr3t-obs");
        assertThat(settings.password()).contains("s3cr3t-obs");
        assertThat(settings.toString()).doesNotContain("s3cr3t").contains("password=***");
        assertThat(ObsConnectionSettings.defaults().toString()).contains("password=none");
    }

    @Test
    void anEmptyPasswordIsNoPassword() {
        assertThat(ObsConnectionSettings.defaults().withPassword("").password()).isEmpty();
        assertThat(ObsConnectionSettings.defaults().withPassword(null).password()).isEmpty();
        assertThat(new ObsConnectionSettings("localhost", 4455, null).password()).isEmpty();
    }

    @Test
    void refusesWhatIsNoHostOrPort() {
        assertThatThrownBy(() -> new ObsConnectionSettings(" ", 4455)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ObsConnectionSettings("obs pc", 4455))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ObsConnectionSettings("127.0.0.1", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ObsConnectionSettings("127.0.0.1", 65_536))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIpv6AddressGetsBracketsInTheEndpoint() {
        assertThat(new ObsConnectionSettings("::1", 4455, Optional.empty()).endpoint()).isEqualTo("[::1]:4455");
        assertThat(new ObsConnectionSettings(" obs-pc.local ", 4456).host()).isEqualTo("obs-pc.local");
    }
}
