package com.gametriggers.companion.ui;

import java.util.Optional;
import java.util.concurrent.Callable;

import com.gametriggers.companion.twitch.DisclosureCheck;
import com.gametriggers.companion.twitch.DisclosureWarning;

/**
 * The status bar's offer to disclose sponsors with one click, without its button: shown while the live stream shows
 * sponsors undisclosed, held back while Twitch is being asked, and gone as soon as Twitch turned the label on. No
 * JavaFX here, so it is tested without a screen; use it from the FX thread only.
 */
public final class DisclosureOffer {

    public static final String LABEL = "Turn on Twitch's branded-content label";

    private Optional<DisclosureWarning> warning = Optional.empty();
    private boolean asking;

    /** The latest status reading: the warning, or empty when the stream discloses its sponsors. */
    public void show(Optional<DisclosureWarning> now) {
        warning = now;
    }

    public boolean visible() {
        return warning.isPresent();
    }

    /** False while Twitch is being asked, so a second click does not send a second change. */
    public boolean enabled() {
        return !asking;
    }

    /** What is missing and what the button does, for its tooltip. */
    public String explanation() {
        return warning.map(DisclosureWarning::sentence).orElse("");
    }

    /**
     * The button was clicked: {@code ask} (the session's {@link AppSession#turnOnBrandedContent}) is the work to run
     * off the FX thread, and its sentence goes to {@link #answered}.
     */
    public Callable<String> turnOn(Callable<String> ask) {
        asking = true;
        return ask;
    }

    /** Twitch answered: the sentence for the message line. With the label on, the offer ends now, not at the next read. */
    public String answered(String sentence) {
        asking = false;
        if (DisclosureCheck.TURNED_ON.equals(sentence)) {
            warning = Optional.empty();
        }
        return sentence;
    }

    /** The work failed in a way no sentence foresaw; the button may be tried again. */
    public void failed() {
        asking = false;
    }
}
