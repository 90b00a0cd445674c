package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** What {@link PrivateFiles} promises about a secrets file, on each kind of file system. */
final class OwnerOnly {

    private OwnerOnly() {
    }

    static void assertOwnerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as("the mode of " + file)
                    .isEqualTo("rw-------");
        } else {
            // Windows: the file keeps the access list of the user's profile folder, which only that user can read.
            assertThat(file).isRegularFile().isReadable();
        }
    }
}
