package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.youtube.GoogleToken;

class YouTubeAccountStoreTest {

    @TempDir
    Path dataDir;

    private final GoogleToken token = new GoogleToken("ya29.accessTOKEN0123456789", "1//refreshTOKEN0123456789",
            Instant.parse("2030-05-01T20:00:00Z"));

    @Test
    void aKeptSignInIsLoadedAgain() throws IOException {
        YouTubeAccountStore store = new YouTubeAccountStore(dataDir);
        assertThat(store.load()).isEmpty();

        store.keep(token);

        assertThat(new YouTubeAccountStore(dataDir).load()).contains(token);
        store.delete();
        assertThat(store.load()).isEmpty();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void onlyTheUserCanReadIt() throws IOException {
        new YouTubeAccountStore(dataDir).keep(token);

        assertThat(Files.getPosixFilePermissions(dataDir.resolve(YouTubeAccountStore.FILE_NAME)))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void aFileWithoutTokensIsOneSentence() throws IOException {
        PrivateFiles.write(dataDir.resolve(YouTubeAccountStore.FILE_NAME), new Properties(), "empty");

        assertThatThrownBy(() -> new YouTubeAccountStore(dataDir).load())
                .hasMessageEndingWith("has no YouTube sign-in; remove it and sign in again");
    }

    @Test
    void theBuildNamesTheGoogleClient() {
        Properties properties = new Properties();
        properties.setProperty("youtube.clientId", "1234-desktop.apps.googleusercontent.com");
        properties.setProperty("youtube.clientSecret", "${youtube.client.secret}");
        BuildDefaults build = new BuildDefaults(properties);

        assertThat(build.youtubeClientId()).contains("1234-desktop.apps.googleusercontent.com");
        assertThat(build.youtubeClientSecret()).as("built outside Maven").isEmpty();
        assertThat(BuildDefaults.load().youtubeClientId()).as("empty unless the build sets it").isEmpty();
    }
}
