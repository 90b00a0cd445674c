package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.obs.ObsConnectionSettings;
import com.gametriggers.companion.overlay.OverlaySettings;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.twitch.DisclosureCheck;
import com.gametriggers.companion.ui.WhenWindowCloses;
import com.gametriggers.companion.ui.WindowBounds;
import com.gametriggers.companion.update.UpdateSettings;

class AppSettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutAFileTheDefaultsApply() throws IOException {
        AppSettings settings = AppSettings.load(dataDir);

        assertThat(settings).isEqualTo(AppSettings.defaults());
        assertThat(settings.mongoUri()).isEmpty();
        assertThat(settings.overlayPort()).isEqualTo(OverlaySettings.DEFAULT_PORT);
        assertThat(settings.publicTrackingUrl()).isEmpty();
        assertThat(settings.twitchClientId()).isEmpty();
        assertThat(settings.theme()).isEqualTo("dark");
        assertThat(settings.window()).isEmpty();
        assertThat(dataDir.resolve(AppSettings.FILE_NAME)).doesNotExist();
    }

    @Test
    void everyValueSurvivesASaveAndALoadInAFileOnlyTheUserCanRead() throws IOException {
        AppSettings settings = new AppSettings(Optional.of("mongodb://streamer:s3cret@db.example.net:27017/gt"), 18000,
                Optional.of(URI.create("https://gt.example.net/base")), Optional.of("abcdefghij0123456789klmnopqrst"),
                "light", Optional.of(new WindowBounds(-1200.5, 40, 1024, 768)),
                new RotationSettings(Duration.ofSeconds(45), Duration.ofMinutes(10), Duration.ZERO, "least-shown",
                        Duration.ofSeconds(25), 6, true),
                new ObsConnectionSettings("192.168.1.20", 4460, Optional.of("obs-s3cret")), WhenWindowCloses.KEEP_RUNNING,
                new UpdateSettings(false, Optional.of(Instant.parse("2026-03-01T18:04:05.123Z"))), true,
                List.of("#werbung", "#anzeige"));

        settings.writeTo(dataDir);

        Path file = dataDir.resolve(AppSettings.FILE_NAME);
        OwnerOnly.assertOwnerOnly(file);
        assertThat(AppSettings.load(dataDir)).isEqualTo(settings);
        assertThat(dataDir.resolve(AppSettings.FILE_NAME + ".tmp")).doesNotExist();
    }

    @Test
    void disclosureTagsAreReadAsTypedWithCommasOrSpacesAndDefaultToAdAndSponsored() throws IOException {
        assertThat(AppSettings.defaults().disclosureTags()).containsExactly("#ad", "#sponsored");

        Files.writeString(dataDir.resolve(AppSettings.FILE_NAME), "disclosure.tags = #ad,  #werbung #anzeige\n");

        assertThat(AppSettings.load(dataDir).disclosureTags()).containsExactly("#ad", "#werbung", "#anzeige");
    }

    @Test
    void savingTheDefaultsLeavesOutWhatIsNotSetAndLoadsBackTheSame() throws IOException {
        AppSettings.defaults().writeTo(dataDir);

        String text = Files.readString(dataDir.resolve(AppSettings.FILE_NAME));
        assertThat(text).doesNotContain("mongoUri", "publicTrackingUrl", "twitchClientId", "window.");
        assertThat(AppSettings.load(dataDir)).isEqualTo(AppSettings.defaults());
    }

    @Test
    void aSecondSaveReplacesTheFirstAndKeepsTheFilePrivate() throws IOException {
        AppSettings first = AppSettings.defaults();
        first.writeTo(dataDir);
        AppSettings second = first.withWindow(Optional.of(new WindowBounds(10, 20, 800, 600)));
        second.writeTo(dataDir);

        assertThat(AppSettings.load(dataDir)).isEqualTo(second);
        OwnerOnly.assertOwnerOnly(dataDir.resolve(AppSettings.FILE_NAME));
    }

    @Test
    void blankValuesMeanTheDefaultAndSpacesAroundValuesAreIgnored() throws IOException {
        write("mongoUri=\noverlayPort=  17731  \ntheme= LIGHT \ntwitchClientId=   \n");

        AppSettings settings = AppSettings.load(dataDir);

        assertThat(settings.mongoUri()).isEmpty();
        assertThat(settings.overlayPort()).isEqualTo(17731);
        assertThat(settings.theme()).isEqualTo("light");
        assertThat(settings.twitchClientId()).isEmpty();
    }

    @Test
    void aPortThatIsNotANumberIsReportedByItsKey() throws IOException {
        write("overlayPort=seventeen\n");

        assertThatThrownBy(() -> AppSettings.load(dataDir)).isInstanceOf(IOException.class)
                .hasMessageContaining("overlayPort must be a number from 1024 to 65535")
                .hasMessageContaining("seventeen");
    }

    @Test
    void aPortOutOfRangeIsReportedByItsKey() throws IOException {
        write("overlayPort=80\n");

        assertThatThrownBy(() -> AppSettings.load(dataDir)).isInstanceOf(IOException.class)
                .hasMessageContaining("overlayPort");
    }

    @Test
    void aMongoUriWithAnotherSchemeIsReportedWithoutItsPassword() throws IOException {
        write("mongoUri=postgres://user:hunter2@db.example.net/gt\n");

        assertThatThrownBy(() -> AppSettings.load(dataDir)).isInstanceOf(IOException.class)
                .hasMessageContaining("mongoUri must start with mongodb:// or mongodb+srv://")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aTrackingUrlThatIsNotAWebAddressIsReportedByItsKey() throws IOException {
        write("publicTrackingUrl=ftp://gt.example.net\n");
        assertThatThrownBy(() -> AppSettings.load(dataDir)).isInstanceOf(IOException.class)
                .hasMessageContaining("publicTrackingUrl must be an address starting with http:// or https://");

        write("publicTrackingUrl=https://not a host\n");
        assertThatThrownBy(() -> AppSettings.load(dataDir)).isInstanceOf(IOException.class)
                .hasMessageContaining("publicTrackingUrl");
    }

    @Test
    void anUnknownThemeIsReportedByItsKey() throws IOException {
        write("theme=purple\n");

        assertThatThrownBy(() -> AppSettings.load(dataDir)).isInstanceOf(IOException.class)
                .hasMessageContaining("theme must be dark or light").hasMessageContaining("purple");
    }

    @Test
    void whatClosingTheWindowDoesIsOneOfThreeWordsAndAskUntilChosen() throws IOException {
        assertThat(AppSettings.load(dataDir).whenClosed()).isEqualTo(WhenWindowCloses.ASK);

        write("whenWindowCloses=Keep-Running\n");
        assertThat(AppSettings.load(dataDir).whenClosed()).isEqualTo(WhenWindowCloses.KEEP_RUNNING);

        write("whenWindowCloses=minimize\n");
        assertThatThrownBy(() -> AppSettings.load(dataDir)).isInstanceOf(IOException.class)
                .hasMessageContaining("whenWindowCloses must be ask, keep-running or quit").hasMessageContaining("minimize");
    }

    @Test
    void startingWithTheComputerIsOffUntilChosenAndTrueOrFalse() throws IOException {
        assertThat(AppSettings.load(dataDir).startWithComputer()).isFalse();

        write("startWithComputer=TRUE\n");
        assertThat(AppSettings.load(dataDir).startWithComputer()).isTrue();

        write("startWithComputer=yes\n");
        assertThatThrownBy(() -> AppSettings.load(dataDir)).isInstanceOf(IOException.class)
                .hasMessageContaining("startWithComputer must be true or false").hasMessageContaining("yes");
    }

    @Test
    void windowValuesMustBeNumbersAndComeTogether() throws IOException {
        write("window.x=1\nwindow.y=2\nwindow.width=wide\nwindow.height=600\n");
        assertThatThrownBy(() -> AppSettings.load(dataDir)).isInstanceOf(IOException.class)
                .hasMessageContaining("window.width must be a number");

        write("window.x=1\nwindow.y=2\nwindow.width=0\nwindow.height=600\n");
        assertThatThrownBy(() -> AppSettings.load(dataDir)).isInstanceOf(IOException.class)
                .hasMessageContaining("window.width must be a number above 0");

        write("window.x=1\nwindow.y=2\nwindow.width=800\n");
        assertThatThrownBy(() -> AppSettings.load(dataDir)).isInstanceOf(IOException.class)
                .hasMessageContaining("window.height");
    }

    @Test
    void unknownKeysFromANewerVersionAreIgnored() throws IOException {
        write("overlayPort=17740\nsomethingNew=yes\n");

        assertThat(AppSettings.load(dataDir).overlayPort()).isEqualTo(17740);
    }

    @Test
    void theRecordRefusesValuesTheFileCouldNotHold() {
        assertThatThrownBy(() -> new AppSettings(Optional.empty(), 70_000, Optional.empty(), Optional.empty(), "dark",
                Optional.empty(), RotationSettings.defaults(), ObsConnectionSettings.defaults(), WhenWindowCloses.ASK,
                UpdateSettings.defaults(), false, DisclosureCheck.DEFAULT_TAGS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AppSettings(Optional.empty(), 17730, Optional.empty(), Optional.empty(), "blue",
                Optional.empty(), RotationSettings.defaults(), ObsConnectionSettings.defaults(), WhenWindowCloses.ASK,
                UpdateSettings.defaults(), false, DisclosureCheck.DEFAULT_TAGS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AppSettings(Optional.of("http://db"), 17730, Optional.empty(), Optional.empty(),
                "dark", Optional.empty(), RotationSettings.defaults(), ObsConnectionSettings.defaults(), WhenWindowCloses.ASK,
                UpdateSettings.defaults(), false, DisclosureCheck.DEFAULT_TAGS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printingTheSettingsHidesTheMongoPassword() {
        AppSettings settings = new AppSettings(Optional.of("mongodb://streamer:s3cret@db.example.net/gt"), 17730,
                Optional.empty(), Optional.empty(), "dark", Optional.empty(), RotationSettings.defaults(),
                ObsConnectionSettings.defaults(), WhenWindowCloses.ASK, UpdateSettings.defaults(), false,
                DisclosureCheck.DEFAULT_TAGS);

        assertThat(settings.toString()).contains("streamer:****@db.example.net").doesNotContain("s3cret");
        assertThat(settings.withObs(ObsConnectionSettings.defaults().withPassword("obs-s3cret")).toString())
                .doesNotContain("obs-s3cret");
    }

    @Test
    void theUpdateCheckIsOnByDefaultAWrongSwitchIsNamedAndAnUnreadableLastCheckIsForgotten() throws IOException {
        assertThat(AppSettings.load(dataDir).updates()).isEqualTo(UpdateSettings.defaults());

        write("update.check=sometimes\n");
        assertThatThrownBy(() -> AppSettings.load(dataDir)).isInstanceOf(IOException.class)
                .hasMessageContaining("update.check").hasMessageContaining("true or false");

        write("update.check=FALSE\nupdate.lastCheck=yesterday\n");
        assertThat(AppSettings.load(dataDir).updates()).isEqualTo(new UpdateSettings(false, Optional.empty()));
    }

    @Test
    void aRotationValueThatCannotBeUsedIsNamedAndMissingOnesKeepTheirDefault() throws IOException {
        write("rotation.displaySeconds=0\n");
        assertThatThrownBy(() -> AppSettings.load(dataDir)).isInstanceOf(IOException.class)
                .hasMessageContaining("rotation.displaySeconds").hasMessageContaining("from 1 to 86400");

        write("rotation.strategy=loudest\n");
        assertThatThrownBy(() -> AppSettings.load(dataDir)).isInstanceOf(IOException.class)
                .hasMessageContaining("rotation.strategy").hasMessageContaining("round-robin");

        write("rotation.secondsBetweenSponsors=60\n");
        RotationSettings rotation = AppSettings.load(dataDir).rotation();
        assertThat(rotation.timeBetweenSponsors()).isEqualTo(Duration.ofMinutes(1));
        assertThat(rotation.displayDuration()).isEqualTo(RotationSettings.defaults().displayDuration());
        assertThat(rotation.countdown()).isEqualTo(Duration.ofSeconds(10));

        write("rotation.countdownSeconds=0\n");
        assertThat(AppSettings.load(dataDir).rotation().countdown()).as("0 turns the warning off").isZero();
        write("rotation.countdownSeconds=soon\n");
        assertThatThrownBy(() -> AppSettings.load(dataDir)).isInstanceOf(IOException.class)
                .hasMessageContaining("rotation.countdownSeconds").hasMessageContaining("from 0 to 86400");

        write("rotation.secondsBetweenSponsors=60\n");
        assertThat(AppSettings.load(dataDir).rotation().dailyShowingsPerSponsor()).as("no limit unless set").isZero();
        write("rotation.dailyShowingsPerSponsor=4\n");
        assertThat(AppSettings.load(dataDir).rotation().dailyShowingsPerSponsor()).isEqualTo(4);
        for (String wrong : List.of("-1", "twice", "1001", "2.5")) {
            write("rotation.dailyShowingsPerSponsor=" + wrong + "\n");
            assertThatThrownBy(() -> AppSettings.load(dataDir)).as(wrong).isInstanceOf(IOException.class)
                    .hasMessageContaining("rotation.dailyShowingsPerSponsor")
                    .hasMessageContaining("from 0 (no limit) to 1000");
        }

        write("rotation.secondsBetweenSponsors=60\n");
        assertThat(AppSettings.load(dataDir).rotation().countdownOnOverlay()).as("off unless turned on").isFalse();
        write("rotation.countdownOnOverlay=TRUE\n");
        assertThat(AppSettings.load(dataDir).rotation().countdownOnOverlay()).isTrue();
        write("rotation.countdownOnOverlay=maybe\n");
        assertThatThrownBy(() -> AppSettings.load(dataDir)).isInstanceOf(IOException.class)
                .hasMessageContaining("rotation.countdownOnOverlay").hasMessageContaining("true or false");
    }

    private void write(String text) throws IOException {
        Files.writeString(dataDir.resolve(AppSettings.FILE_NAME), text);
    }
}
