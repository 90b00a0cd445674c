package com.gametriggers.companion.ui;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.util.Optional;

import com.gametriggers.companion.domain.Participation;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * One sponsor in detail: its QR code (saved as a PNG for other uses), and its chat command, editable with the
 * reason shown when a command cannot be used. Work goes to the background worker, never the FX thread.
 */
public final class SponsorDetailPane extends VBox {

    private static final int PREVIEW_SIZE = 220;
    private static final int EXPORT_SIZE = 1024;

    private final Background background;
    private final ImageView qr = new ImageView();
    private final TextField command = new TextField();
    private final Label message = new Label();
    private final Button saveCommand = new Button("Save command");
    private final Button saveQr = new Button("Save QR as PNG…");
    private final Label linksNotice = new Label();
    private final Button makeLinksPublic = new Button("Make links public…");
    private final VBox linksNoticeBox = new VBox(6, linksNotice, makeLinksPublic);
    private AppSession session;
    private Participation shown;

    /** @param openPublicLinks shows where the links are made public (Settings) */
    public SponsorDetailPane(Background background, Runnable openPublicLinks) {
        super(10);
        this.background = background;
        linksNotice.setId("links-notice");
        linksNotice.setWrapText(true);
        makeLinksPublic.setId("open-public-links");
        makeLinksPublic.setOnAction(event -> openPublicLinks.run());
        linksNoticeBox.managedProperty().bind(linksNoticeBox.visibleProperty());
        linksNoticeBox.setVisible(false);
        qr.setFitWidth(PREVIEW_SIZE);
        qr.setFitHeight(PREVIEW_SIZE);
        command.setId("chat-command");
        saveCommand.setId("save-command");
        message.setId("detail-message");
        saveQr.setId("save-qr");
        command.setPromptText("!command");
        message.setWrapText(true);
        saveCommand.setOnAction(event -> saveCommand());
        saveQr.setOnAction(event -> saveQr());
        command.setOnAction(event -> saveCommand());
        saveCommand.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(command, Priority.ALWAYS);
        HBox commandRow = new HBox(8, command, saveCommand);
        commandRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(qr, saveQr, linksNoticeBox, new Label("Chat command"), commandRow, message);
        setDisable(true);
    }

    public void show(AppSession appSession, Participation participation) {
        this.session = appSession;
        this.shown = participation;
        setDisable(participation == null);
        message.setText("");
        if (participation == null) {
            qr.setImage(null);
            command.clear();
            return;
        }
        command.setText(Optional.ofNullable(participation.chatCommand()).orElse(""));
        background.run(() -> new Shown(session.qrCodePng(participation, PREVIEW_SIZE * 2), session.publicLinks()),
                shown -> {
                    qr.setImage(new Image(new ByteArrayInputStream(shown.png())));
                    showLinks(shown.links());
                });
    }

    private record Shown(byte[] png, PublicLinksStatus links) {
    }

    /** While the links are not public the pane says what that means, one click from the fix. */
    private void showLinks(PublicLinksStatus links) {
        linksNotice.setText(links.sentence());
        linksNoticeBox.setVisible(!links.counted());
    }

    private void saveCommand() {
        Participation participation = shown;
        String typed = command.getText();
        background.run(() -> session.changeChatCommand(participation, typed),
                problem -> message.setText(problem.orElse("Saved: viewers can now type " + typed.strip().toLowerCase(java.util.Locale.ROOT) + " in chat.")));
    }

    private void saveQr() {
        Participation participation = shown;
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save QR code");
        chooser.setInitialFileName("qr-" + Optional.ofNullable(participation.chatCommand()).orElse("sponsor").replace("!", "") + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        Window window = getScene() == null ? null : getScene().getWindow();
        File file = chooser.showSaveDialog(window);
        if (file == null) {
            return;
        }
        background.run(() -> Files.write(file.toPath(), session.qrCodePng(participation, EXPORT_SIZE)),
                path -> message.setText("Saved " + path.getFileName() + " (" + EXPORT_SIZE + " x " + EXPORT_SIZE + " pixels)."));
    }
}
