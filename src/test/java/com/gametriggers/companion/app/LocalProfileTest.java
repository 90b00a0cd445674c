package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalProfileTest {

    @TempDir
    Path dataDir;

    @Test
    void theStreamerIdIsMadeOnceAndKept() throws IOException {
        LocalProfile first = LocalProfile.loadOrCreate(dataDir);
        LocalProfile second = LocalProfile.loadOrCreate(dataDir);

        assertThat(first.streamerId()).matches("[0-9a-f]{24}");
        assertThat(first.rotationKey()).matches("[0-9a-f]{64}");
        assertThat(first.overlaySecret()).matches("[0-9a-f]{64}").isNotEqualTo(first.rotationKey());
        assertThat(second).isEqualTo(first);
        OwnerOnly.assertOwnerOnly(dataDir.resolve(LocalProfile.FILE_NAME));
    }

    @Test
    void anOlderProfileGetsTheMissingSecretsAndKeepsItsStreamerId() throws IOException {
        Files.writeString(dataDir.resolve(LocalProfile.FILE_NAME), "streamerId=64d0000000000000000000aa\n");

        LocalProfile profile = LocalProfile.loadOrCreate(dataDir);

        assertThat(profile.streamerId()).isEqualTo("64d0000000000000000000aa");
        assertThat(profile.rotationKey()).matches("[0-9a-f]{64}");
        assertThat(LocalProfile.loadOrCreate(dataDir)).isEqualTo(profile);
    }

    @Test
    void anEditedProfileWithABadIdIsRefusedNotReplaced() throws IOException {
        Files.writeString(dataDir.resolve(LocalProfile.FILE_NAME), "streamerId=not-an-id\n");

        assertThatThrownBy(() -> LocalProfile.loadOrCreate(dataDir)).isInstanceOf(IOException.class)
                .hasMessageContaining("no valid streamerId");
        assertThat(Files.readString(dataDir.resolve(LocalProfile.FILE_NAME))).contains("not-an-id");
    }
}
