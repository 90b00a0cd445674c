package com.gametriggers.companion.ui.shell;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import com.gametriggers.companion.ui.AppSession;
import com.gametriggers.companion.ui.Background;
import com.gametriggers.companion.ui.overlay.OverlayView;
import com.gametriggers.companion.ui.tray.SponsorWarning;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The status bar's warning before a sponsor comes on screen ("Echo Gear in 7 s") with Skip this one and Pause ads
 * 15 min; it takes no room while no sponsor is about to come. Used on the FX thread only.
 */
final class CountdownControls {

    private static final Duration PAUSE = OverlayView.PAUSES.get(0);

    private final Background background;
    private final Consumer<String> message;
    private final Label line = new Label();
    private final Button skip = new Button(SponsorWarning.SKIP, new FontIcon(Feather.SKIP_FORWARD));
    private final Button pause = new Button(SponsorWarning.PAUSE, new FontIcon(Feather.PAUSE));
    private final HBox box = new HBox(6, line, skip, pause);
    private AppSession running;

    /** @param message the status bar's message line, for what a button did */
    CountdownControls(Background background, Consumer<String> message) {
        this.background = background;
        this.message = message;
        line.setId("sponsor-countdown");
        skip.setId("skip-sponsor");
        pause.setId("pause-ads-countdown");
        for (Region part : new Region[] {line, skip, pause}) {
            part.setMinWidth(Region.USE_PREF_SIZE);
        }
        box.setAlignment(Pos.CENTER_LEFT);
        box.managedProperty().bind(box.visibleProperty());
        box.setVisible(false);
        skip.setOnAction(event -> act(session -> session.skipNextSponsor().sentence()));
        pause.setOnAction(event -> act(session -> {
            session.pauseAds(PAUSE);
            return "Ads paused for " + PAUSE.toMinutes() + " minutes; Resume ads is in the Overlay section and the tray.";
        }));
    }

    Node view() {
        return box;
    }

    /** The warning as the last status reading has it, empty when no sponsor is about to come. */
    void show(Optional<String> warning, AppSession session) {
        running = session;
        warning.ifPresent(line::setText);
        box.setVisible(warning.isPresent());
    }

    /** Hides the warning at once, so a second click cannot act twice; the next reading shows it again if it still applies. */
    private void act(Function<AppSession, String> action) {
        AppSession session = running;
        box.setVisible(false);
        if (session != null) {
            background.run(() -> action.apply(session), message);
        }
    }
}
