package com.gametriggers.companion.ui.settings;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import com.gametriggers.companion.ui.AppSession;
import com.gametriggers.companion.ui.Background;
import com.gametriggers.companion.ui.PublicLinksStatus;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * "Make links public": whether viewers' scans and link clicks are counted, and the one click that starts a Cloudflare
 * quick tunnel for them. Without cloudflared it explains the choices instead. Works once the app's services run.
 */
public final class PublicLinksPane extends VBox {

    private final Background background;
    private final Label status = new Label("The app is starting…");
    private final Label message = new Label();
    private final Button makePublic = new Button("Make links public", new FontIcon(Feather.GLOBE));
    private AppSession session;

    public PublicLinksPane(Background background) {
        super(8);
        this.background = background;
        setId("public-links");
        status.setId("public-links-status");
        message.setId("public-links-message");
        makePublic.setId("make-links-public");
        status.setWrapText(true);
        message.setWrapText(true);
        makePublic.setMinWidth(USE_PREF_SIZE);
        // As wide as the Twitch text above it, so the OBS form beside them keeps its width.
        setMaxWidth(480);
        makePublic.setDisable(true);
        makePublic.setOnAction(event -> makePublic());
        Label title = new Label("Public links");
        title.getStyleClass().add("title-4");
        getChildren().addAll(title, status, makePublic, message);
    }

    /** The services are running: the pane can tell and act from now on. */
    public void attach(AppSession running) {
        this.session = running;
        refresh();
    }

    /** Reads the state again (from memory), as the window's refresh does. */
    public void refresh() {
        AppSession running = session;
        if (running == null) {
            return;
        }
        background.run(running::publicLinks, this::show);
    }

    private void show(PublicLinksStatus links) {
        status.setText(links.sentence());
        makePublic.setDisable(links.counted());
    }

    private void makePublic() {
        AppSession running = session;
        makePublic.setDisable(true);
        background.run(running::makeLinksPublic, instead -> {
            message.setText(instead.orElse("Starting the tunnel; the links switch to its address as soon as it is up."));
            refresh();
        });
    }
}
