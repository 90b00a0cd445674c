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
        assertThat(second).isEqualTo(first);
    }

    @Test
    void anEditedProfileWithABadIdIsRefusedNotReplaced() throws IOException {
        Files.writeString(dataDir.resolve(LocalProfile.FILE_NAME), "streamerId=not-an-id\n");

        assertThatThrownBy(() -> LocalProfile.loadOrCreate(dataDir)).isInstanceOf(IOException.class)
                .hasMessageContaining("no valid streamerId");
        assertThat(Files.readString(dataDir.resolve(LocalProfile.FILE_NAME))).contains("not-an-id");
    }
}
