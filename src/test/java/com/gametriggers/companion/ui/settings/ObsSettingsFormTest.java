package com.gametriggers.companion.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.gametriggers.companion.obs.ObsConnectionSettings;

class ObsSettingsFormTest {

    private static final ObsConnectionSettings STORED = new ObsConnectionSettings("127.0.0.1", 4455, Optional.of("kept"));

    @Test
    void anEmptyPasswordFieldKeepsTheStoredPasswordAndTypingReplacesIt() {
        assertThat(ObsSettingsForm.read(" 192.168.1.20 ", "4460", "", STORED).settings())
                .contains(new ObsConnectionSettings("192.168.1.20", 4460, Optional.of("kept")));
        assertThat(ObsSettingsForm.read("127.0.0.1", "4455", "new one", STORED).settings())
                .contains(new ObsConnectionSettings("127.0.0.1", 4455, Optional.of("new one")));
    }

    @Test
    void aHostOrPortThatCannotBeUsedGetsASentence() {
        assertThat(ObsSettingsForm.read("", "4455", "", STORED).problem()).get().asString().startsWith("The OBS host is");
        assertThat(ObsSettingsForm.read("obs pc", "4455", "", STORED).problem()).isPresent();
        assertThat(ObsSettingsForm.read("127.0.0.1", "0", "", STORED).problem()).get().asString()
                .startsWith("The OBS WebSocket port is a number from 1 to 65535");
        assertThat(ObsSettingsForm.read("127.0.0.1", "99999", "", STORED).settings()).isEmpty();
    }
}
