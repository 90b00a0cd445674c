package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.ui.settings.SettingsViewModel;

/** Which Twitch client id the app uses: the command line, else Settings (as saved a moment ago), else the build's. */
class TwitchClientIdTest {

    @TempDir
    Path dataDir;

    @Test
    void theCommandLineWinsOverSettingsWhichWinOverTheBuildsDefault() throws Exception {
        SettingsFile settings = new SettingsFile(dataDir, AppSettings.defaults());
        BuildDefaults build = build("shippedclientid");

        Supplier<Optional<String>> fromCommandLine = Main.twitchClientId(Optional.of("commandlineid"), settings, build);
        Supplier<Optional<String>> withoutCommandLine = Main.twitchClientId(Optional.empty(), settings, build);
        assertThat(withoutCommandLine.get()).contains("shippedclientid");

        SettingsViewModel.Values form = settings.form();
        settings.changeForm(new SettingsViewModel.Values(form.mongoUri(), form.overlayPort(), form.publicTrackingUrl(),
                Optional.of("settingsclientid"), form.disclosureTags(), form.theme()));

        assertThat(withoutCommandLine.get()).as("read at each use").contains("settingsclientid");
        assertThat(fromCommandLine.get()).contains("commandlineid");
    }

    @Test
    void aDevelopmentBuildShipsNoClientId() {
        assertThat(BuildDefaults.load().twitchClientId()).as("twitch.client.id is empty unless the build sets it").isEmpty();
        assertThat(build("").twitchClientId()).isEmpty();
        assertThat(build("${twitch.client.id}").twitchClientId()).as("built outside Maven").isEmpty();
        assertThat(Main.twitchClientId(Optional.empty(), new SettingsFile(dataDir, AppSettings.defaults()), build(""))
                .get()).isEmpty();
    }

    private static BuildDefaults build(String clientId) {
        Properties properties = new Properties();
        properties.setProperty("twitch.clientId", clientId);
        return new BuildDefaults(properties);
    }
}
