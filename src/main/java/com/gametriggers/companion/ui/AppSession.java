package com.gametriggers.companion.ui;

import com.gametriggers.companion.store.MongoStore;

/** What a window needs from the running app; the {@code app} package provides it. */
public interface AppSession extends AutoCloseable {

    MongoStore store();

    String streamerId();

    /** The URL the streamer adds to OBS as a Browser Source: every active sponsor, in rotation. */
    String obsOverlayUrl();

    /** Adds the demo campaigns and joins them. */
    void installDemo();

    @Override
    void close();
}
