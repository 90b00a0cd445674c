package com.gametriggers.companion.ui;

import java.io.IOException;

import com.gametriggers.companion.overlay.OverlayException;
import com.gametriggers.companion.store.StoreException;

/** What the streamer reads when work failed: the app's own sentences, never an exception's text from elsewhere. */
public final class Failures {

    static final String UNEXPECTED = "Something went wrong; logs/companion.log in the data folder (Settings) has the details for a bug report.";

    private Failures() {
    }

    public static String sentence(Throwable failure) {
        if (failure instanceof StoreException || failure instanceof OverlayException) {
            return failure.getMessage();
        }
        if (failure instanceof IOException) {
            // The JDK's file exceptions carry the path, and sometimes the reason the system gave.
            return "A file in the data folder could not be read or written (" + failure.getMessage() + ").";
        }
        return UNEXPECTED;
    }
}
