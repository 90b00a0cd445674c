package com.gametriggers.companion.ui.settings;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.concurrent.NamedThreads;
import com.gametriggers.companion.ui.OpenControl;
import com.gametriggers.companion.ui.Opener;
import com.gametriggers.companion.ui.TwitchAccount.SignInException;
import com.gametriggers.companion.ui.YouTubeAccount;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * "Sign in with Google" for YouTube in Settings: opens Google's page in the system browser (and shows it as a link
 * when no browser opens), waits there for the streamer on its own thread, then says YouTube is on, with "Sign out".
 * It follows the sign-in as it changes, so a sign-in Google refused mid-stream shows here. Without a Google client id
 * in the build it says YouTube is off and offers nothing.
 */
public final class YouTubeSignInPane extends VBox {

    private static final Logger log = LoggerFactory.getLogger(YouTubeSignInPane.class);

    private final YouTubeAccount account;
    private final Opener opener;
    /** Google's page as a link, when the browser could not be opened. */
    private final VBox page = new VBox();
    private final ExecutorService waiting = Executors.newSingleThreadExecutor(NamedThreads.factory("youtube-sign-in"));
    private final Label state = new Label();
    private final Button signIn = new Button("Sign in with Google", new FontIcon(Feather.YOUTUBE));
    private final Button signOut = new Button("Sign out", new FontIcon(Feather.LOG_OUT));

    public YouTubeSignInPane(YouTubeAccount account, Opener opener) {
        super(8);
        this.account = account;
        this.opener = opener;
        setId("youtube-sign-in");
        Label title = new Label("YouTube");
        title.getStyleClass().add("title-4");
        state.setId("youtube-state");
        state.setWrapText(true);
        signIn.setId("youtube-sign-in-button");
        signOut.setId("youtube-sign-out-button");
        for (Node node : List.of(signIn, signOut, page)) {
            node.managedProperty().bind(node.visibleProperty());
            node.setVisible(false);
        }
        signIn.setOnAction(event -> start());
        signOut.setOnAction(event -> signOut());
        getChildren().addAll(title, state, page, new HBox(8, signIn, signOut));
        state.setText("Reading your YouTube sign-in…");
        account.addListener(() -> waiting.execute(this::showSignIn));
        waiting.execute(this::showSignIn);
    }

    /** What the pane says: why YouTube is off, what Google needs from the streamer, or whether it is on. */
    static String stateText(Optional<String> unavailable, Optional<String> needsStreamer, boolean signedIn) {
        return unavailable.or(() -> needsStreamer).orElse(signedIn
                ? "Signed in with Google. YouTube chat commands and viewer counts are on while you are live."
                : "Not signed in. Sign in so the app answers chat commands in your YouTube live chat and counts your "
                        + "YouTube viewers.");
    }

    /** On the waiting thread: the sign-in as it is now. */
    private void showSignIn() {
        Optional<String> unavailable = account.unavailable();
        boolean signedIn = account.signedIn();
        String shown = stateText(unavailable, account.needsStreamer(), signedIn);
        Platform.runLater(() -> {
            state.setText(shown);
            signIn.setVisible(unavailable.isEmpty());
            signOut.setVisible(signedIn);
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
        state.setText("Finish signing in on Google's page in your browser. The app waits for you.");
        waiting.execute(() -> {
            try {
                account.signIn(this::open);
                showSignIn();
                finish(null);
            } catch (SignInException e) {
                finish(e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finish("The YouTube sign-in stopped.");
            } catch (RuntimeException e) {
                log.warn("YouTube sign-in failed", e);
                finish("The YouTube sign-in failed; logs/companion.log in the data folder has the details for a bug "
                        + "report.");
            }
        });
    }

    /** Google's page in the browser; when none opens, as a link the streamer can open or copy. */
    private void open(URI google) {
        try {
            opener.openPage(google);
        } catch (IOException e) {
            Platform.runLater(() -> {
                page.getChildren().setAll(OpenControl.page(opener, "youtube-google-page", google));
                page.setVisible(true);
                state.setText("Open this page in your browser to sign in with Google. The app waits for you.");
            });
        }
    }

    /** @param sentence why the sign-in did not happen; null when it did, which {@link #showSignIn} shows */
    private void finish(String sentence) {
        Platform.runLater(() -> {
            if (sentence != null) {
                state.setText(sentence);
            }
            page.setVisible(false);
            page.getChildren().clear();
            signIn.setDisable(false);
        });
    }
}
