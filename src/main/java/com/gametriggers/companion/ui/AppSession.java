package com.gametriggers.companion.ui;

import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.tracking.WriterStatus;

/** What a window needs from the running app; the {@code app} package provides it. */
public interface AppSession extends AutoCloseable {

    MongoStore store();

    String streamerId();

    /** The URL the streamer adds to OBS as a Browser Source: every active sponsor, in rotation. */
    String obsOverlayUrl();

    /** The QR code of the participation's tracking link (as a scan), as a PNG of {@code size} pixels. */
    byte[] qrCodePng(Participation participation, int size);

    /**
     * Gives the participation another chat command.
     *
     * @return why it cannot be used, as a sentence for the streamer; empty when it was saved
     */
    java.util.Optional<String> changeChatCommand(Participation participation, String command);

    /** How the way from the tracker to the store is doing: online, or offline with events waiting. */
    WriterStatus trackingStatus();

    /**
     * Stops showing the sponsor and earning from it. Like {@link #resume} and {@link #leave}, it returns the
     * participation as it stands afterwards (unchanged when its status did not allow the change), empty when it is gone.
     */
    java.util.Optional<Participation> pause(Participation participation);

    java.util.Optional<Participation> resume(Participation participation);

    java.util.Optional<Participation> leave(Participation participation);

    /** Adds the demo campaigns and joins them. */
    void installDemo();

    @Override
    void close();
}
