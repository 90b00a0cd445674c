package com.gametriggers.companion.ui.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.concurrent.NamedThreads;
import com.gametriggers.companion.twitch.DeviceCode;
import com.gametriggers.companion.ui.OpenControl;
import com.gametriggers.companion.ui.Opener;
import com.gametriggers.companion.ui.TwitchAccount;
import com.gametriggers.companion.ui.TwitchAccount.SignInException;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * "Sign in with Twitch" in Settings: shows the code and the page to enter it on, then who is signed in, with "Sign
 * out". Both apply at once. It follows the sign-in as it changes, so a sign-in Twitch refused mid-stream shows here
 * as the sentence that asks the streamer to sign in again. The wait for the streamer runs on its own thread (it can
 * last minutes), never on the FX thread or the store's worker.
 */
public final class TwitchSignInPane extends VBox {

    private static final Logger log = LoggerFactory.getLogger(TwitchSignInPane.class);

    private final TwitchAccount account;
    private final Opener opener;
    /** The page to enter the code on, as a link, while a sign-in waits for it. */
    private final VBox page = new VBox();
    private final ExecutorService waiting = Executors.newSingleThreadExecutor(NamedThreads.factory("twitch-sign-in"));
    private final Label state = new Label();
    private final TextField code = new TextField();
    private final Button copy = new Button("Copy code", new FontIcon(Feather.COPY));
    private final Button signIn = new Button("Sign in with Twitch", new FontIcon(Feather.TWITCH));
    private final Button signOut = new Button("Sign out", new FontIcon(Feather.LOG_OUT));
    private final HBox codeRow = new HBox(8, code, copy);

    /** @param opener opens the page the code is entered on in the browser */
    public TwitchSignInPane(TwitchAccount account, Opener opener) {
        super(8);
        this.account = account;
        this.opener = opener;
        setId("twitch-sign-in");
        Label title = new Label("Twitch");
        title.getStyleClass().add("title-4");
        state.setId("twitch-state");
        state.setWrapText(true);
        code.setId("twitch-code");
        code.setEditable(false);
        code.setPrefColumnCount(12);
        signIn.setId("twitch-sign-in-button");
        signOut.setId("twitch-sign-out-button");
        signOut.managedProperty().bind(signOut.visibleProperty());
        signOut.setVisible(false);
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(code.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        codeRow.setAlignment(Pos.CENTER_LEFT);
        codeRow.managedProperty().bind(codeRow.visibleProperty());
        codeRow.setVisible(false);
        signIn.setOnAction(event -> start());
        signOut.setOnAction(event -> signOut());
        page.managedProperty().bind(page.visibleProperty());
        page.setVisible(false);
        getChildren().addAll(title, state, page, codeRow, new HBox(8, signIn, signOut));
        state.setText("Reading your Twitch sign-in…");
        account.addListener(() -> waiting.execute(this::showSignIn));
        waiting.execute(this::showSignIn);
    }

    /** On the waiting thread, after a sign-in in progress: the sign-in as it is now. */
    private void showSignIn() {
        Optional<String> login = account.signedInAs();
        String shown = account.needsStreamer()
                .or(() -> login.map(name -> "Signed in as " + name + ". Chat commands and viewer counts are on."))
                .orElse("Not signed in. Sign in so the app answers chat commands and knows when you are live.");
        Platform.runLater(() -> {
            state.setText(shown);
            signOut.setVisible(login.isPresent());
        });
    }

    private void signOut() {
        signOut.setDisable(true);
        waiting.execute(() -> {
            try {
                account.signOut();
                showSignIn();
            } catch (SignInException e) {
                Platform.runLater(() -> state.setText(e.getMessage()));
            } finally {
                Platform.runLater(() -> signOut.setDisable(false));
            }
        });
    }

    private void start() {
        signIn.setDisable(true);
        state.setText("Asking Twitch for a code…");
        waiting.execute(() -> {
            try {
                DeviceCode device = account.startSignIn();
                Platform.runLater(() -> {
                    code.setText(device.userCode());
                    codeRow.setVisible(true);
                    page.getChildren().setAll(OpenControl.page(opener, "twitch-activate", activationPage(device)));
                    page.setVisible(true);
                    state.setText("Open this page in your browser and enter the code below. The app waits for you.");
                });
                account.finishSignIn(device);
                showSignIn();
                finish(null);
            } catch (SignInException e) {
                finish(e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finish("The Twitch sign-in stopped.");
            } catch (RuntimeException e) {
                log.warn("Twitch sign-in failed", e);
                finish("The Twitch sign-in failed; logs/companion.log in the data folder has the details for a bug report.");
            }
        });
    }

    /** Twitch's page for the code, as Twitch sent it; one that is not a web address (never seen) gives way to the page Twitch documents. */
    private static URI activationPage(DeviceCode device) {
        try {
            URI uri = new URI(device.verificationUri());
            if ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        return URI.create("https://www.twitch.tv/activate");
    }

    /** @param sentence why the sign-in did not happen; null when it did, which {@link #showSignIn} shows */
    private void finish(String sentence) {
        Platform.runLater(() -> {
            if (sentence != null) {
                state.setText(sentence);
            }
            code.clear();
            codeRow.setVisible(false);
            page.setVisible(false);
            page.getChildren().clear();
            signIn.setDisable(false);
        });
    }
}
