package com.gametriggers.companion.ui;

import java.io.IOException;

import com.gametriggers.companion.overlay.OverlayException;
import com.gametriggers.companion.store.StoreException;

/** What the streamer reads when work failed: the app's own sentences, never an exception's text from elsewhere. */
public final class Failures {

    static final String UNEXPECTED = "Something went wrong; logs/companion.log in the data folder (Settings) has the details for a bug report.";

    private Failures() {
    }

    /** A failure the app has no sentence of its own for: a bug, whose detail only the log has. */
    public static boolean unexpected(Throwable failure) {
        return !(failure instanceof StoreException || failure instanceof OverlayException
                || failure instanceof IOException);
    }

    public static String sentence(Throwable failure) {
        if (unexpected(failure)) {
            return UNEXPECTED;
        }
        if (failure instanceof StoreException || failure instanceof OverlayException) {
            return failure.getMessage();
        }
        // The JDK's file exceptions carry the path, and sometimes the reason the system gave.
        return "A file in the data folder could not be read or written (" + failure.getMessage() + ").";
    }
}
