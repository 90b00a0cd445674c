package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.update.UpdateCheck;
import com.gametriggers.companion.update.UpdateSettings;
import com.gametriggers.companion.update.Version;

/** What the update check gets from the build and keeps in settings.properties. */
class UpdateCheckWiringTest {

    @TempDir
    Path dataDir;

    @Test
    void aDevelopmentBuildHasItsVersionButNoFeed() {
        BuildDefaults build = BuildDefaults.load();

        assertThat(build.updateFeedUrl()).as("update.feed.url is empty unless the build sets it").isEmpty();
        assertThat(build.version().major() + build.version().minor() + build.version().patch())
                .as("the project's version, filled in by Maven").isPositive();
    }

    @Test
    void theBuildSetsTheFeedAndAPlaceholderLeftByABuildOutsideMavenMeansNone() {
        Properties properties = new Properties();
        properties.setProperty("app.version", "0.10.0");
        properties.setProperty("update.feedUrl", "https://api.github.com/repos/o/r/releases/latest");
        BuildDefaults build = new BuildDefaults(properties);
        assertThat(build.version()).isEqualTo(Version.parse("0.10.0").orElseThrow());
        assertThat(build.updateFeedUrl()).contains(URI.create("https://api.github.com/repos/o/r/releases/latest"));

        properties.setProperty("app.version", "${project.version}");
        properties.setProperty("update.feedUrl", "${update.feed.url}");
        assertThat(build.updateFeedUrl()).isEmpty();
        assertThat(build.version().isRelease()).as("any release is newer").isFalse();
    }

    @Test
    void theLastCheckAndTheSwitchSurviveARestartInTheSettingsFile() throws Exception {
        SettingsFile settings = new SettingsFile(dataDir, AppSettings.load(dataDir));
        UpdateCheck.State state = settings.updateCheckState();
        assertThat(state.enabled()).isTrue();
        assertThat(state.lastCheck()).isEmpty();

        Instant at = Clock.systemUTC().instant();
        state.rememberCheck(at);
        settings.rememberChecksForUpdates(false);

        assertThat(AppSettings.load(dataDir).updates()).isEqualTo(new UpdateSettings(false, Optional.of(at)));
        SettingsFile restarted = new SettingsFile(dataDir, AppSettings.load(dataDir));
        assertThat(restarted.checksForUpdates()).isFalse();
        assertThat(restarted.updateCheckState().lastCheck()).contains(at);
    }
}
