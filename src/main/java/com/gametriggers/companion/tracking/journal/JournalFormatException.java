package com.gametriggers.companion.tracking.journal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A segment written in a journal format newer than this version reads. The journal is not opened and nothing in its
 * folder is changed, so that the newer release that wrote it can still read every event.
 */
public final class JournalFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    JournalFormatException(Path file, int version) {
        super("The tracking journal file " + file + " was written by a newer version of the app (journal format "
                + version + "; this version reads up to " + SegmentHeader.FORMAT_VERSION + "): install that newer "
                + "version again to count its events; this version does not start counting over them.");
    }
}
