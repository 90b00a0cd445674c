package com.gametriggers.companion.ui;

import java.net.URI;
import java.nio.file.Path;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.concurrent.NamedThreads;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * A button that opens a folder, or a link that opens a web page, with the system's own apps and off the FX thread.
 * Where the system cannot open it, the folder or address shows below as text to copy, with one sentence.
 */
public final class OpenControl extends VBox {

    private static final Logger log = LoggerFactory.getLogger(OpenControl.class);

    private interface Opening {
        void open() throws Exception;
    }

    private static final String FOLDER_FALLBACK = "The folder could not be opened from here; copy its place:";

    private final Label sentence = new Label();
    private final TextField place = new TextField();

    private OpenControl(String id, ButtonBase control, String placeText, String fallbackSentence, Opening opening) {
        super(4);
        setId(id);
        control.setId(id + "-button");
        control.setMinWidth(USE_PREF_SIZE);
        sentence.setId(id + "-fallback");
        sentence.setText(fallbackSentence);
        sentence.setWrapText(true);
        place.setId(id + "-place");
        place.setText(placeText);
        place.setEditable(false);
        for (Node fallback : new Node[] {sentence, place}) {
            fallback.managedProperty().bind(fallback.visibleProperty());
            fallback.setVisible(false);
        }
        control.setOnAction(event -> NamedThreads.start("open-" + id, () -> {
            try {
                opening.open();
            } catch (Exception e) {
                log.info("Could not open {}: {}", placeText, e.toString());
                Platform.runLater(this::showFallback);
            }
        }));
        getChildren().addAll(control, sentence, place);
    }

    /** A button opening {@code folder} in the file manager. */
    public static OpenControl folder(Opener opener, String id, String text, Path folder) {
        return new OpenControl(id, new Button(text, new FontIcon(Feather.FOLDER)), folder.toString(), FOLDER_FALLBACK,
                () -> opener.openFolder(folder));
    }

    /** As {@link #folder}, as a link: for forms, where it takes no more height than a line of text. */
    public static OpenControl folderLink(Opener opener, String id, String text, Path folder) {
        Hyperlink link = new Hyperlink(text, new FontIcon(Feather.FOLDER));
        link.setPadding(Insets.EMPTY);
        return new OpenControl(id, link, folder.toString(), FOLDER_FALLBACK,
                () -> opener.openFolder(folder));
    }

    /** A link showing and opening {@code page} in the browser. */
    public static OpenControl page(Opener opener, String id, URI page) {
        Hyperlink link = new Hyperlink(page.toString());
        link.setPadding(Insets.EMPTY);
        return new OpenControl(id, link, page.toString(), "The browser could not be opened from here; copy the address:",
                () -> opener.openPage(page));
    }

    private void showFallback() {
        sentence.setVisible(true);
        place.setVisible(true);
        place.selectAll();
    }
}
