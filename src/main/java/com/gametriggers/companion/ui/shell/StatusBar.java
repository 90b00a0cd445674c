package com.gametriggers.companion.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import com.gametriggers.companion.obs.AddToObs;
import com.gametriggers.companion.obs.ObsConnectionSettings;
import com.gametriggers.companion.obs.ObsException;
import com.gametriggers.companion.tracking.WriterStatus;
import com.gametriggers.companion.twitch.DisclosureWarning;
import com.gametriggers.companion.ui.AppSession;
import com.gametriggers.companion.ui.Background;
import com.gametriggers.companion.ui.ChannelStatus;
import com.gametriggers.companion.ui.DisclosureOffer;
import com.gametriggers.companion.ui.Failures;
import com.gametriggers.companion.ui.OpenControl;
import com.gametriggers.companion.ui.Opener;
import com.gametriggers.companion.ui.PublicLinksStatus;
import com.gametriggers.companion.ui.SavedSettings;
import com.gametriggers.companion.update.Release;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import okhttp3.OkHttpClient;

/**
 * The window's bottom line: the store, the tracking, chat, the stream and the links at a glance, one line of news,
 * and the OBS Browser Source URL with Copy and Add to OBS.
 */
final class StatusBar {

    /** What the streamer reads when something failed that no code expected; the log has the detail. */
    static final String UNEXPECTED = "Something went wrong inside the app; the log has the details for a bug report.";
    /**
     * The OBS URL keeps its start in sight whatever the message line says (Copy takes the whole of it); wider, and
     * Add to OBS falls off a 1280-pixel-wide window beside a long store address.
     */
    static final double URL_MIN_WIDTH = 110;

    private final SavedSettings saved;
    private final OkHttpClient http;
    private final Background background;
    private final Label store = new Label("Store: starting…");
    private final Label tracking = new Label();
    private final Label chat = new Label();
    private final Label stream = new Label();
    private final Label links = new Label();
    private final Label message = new Label();
    private final Hyperlink update = new Hyperlink();
    private final DisclosureOffer disclosure = new DisclosureOffer();
    private final Button turnOnBrandedContent = new Button(DisclosureOffer.LABEL, new FontIcon(Feather.TAG));
    private final TextField overlayUrl = new TextField();
    private final Button copyOverlayUrl = new Button("Copy", new FontIcon(Feather.COPY));
    private final Button addToObs = new Button("Add to OBS", new FontIcon(Feather.CAST));
    private final OpenControl openLogs;
    private final CountdownControls countdown;
    private final HBox bar;

    /**
     * @param http       the app's HTTP client, for Add to OBS
     * @param background where Add to OBS talks to OBS, off the FX thread
     * @param opener     opens the log folder beside a message about an unexpected failure
     */
    StatusBar(SavedSettings saved, OkHttpClient http, Background background, Opener opener) {
        this.saved = saved;
        this.http = http;
        this.background = background;
        store.setId("store-status");
        tracking.setId("tracking-status");
        chat.setId("chat-status");
        stream.setId("stream-status");
        links.setId("links-status");
        message.setId("message");
        update.setId("update-available");
        update.setMinWidth(Region.USE_PREF_SIZE);
        update.setVisible(false);
        update.setManaged(false);
        overlayUrl.setId("overlay-url");
        copyOverlayUrl.setId("copy-overlay-url");
        overlayUrl.setEditable(false);
        overlayUrl.setPromptText("starting…");
        overlayUrl.setPrefColumnCount(24);
        overlayUrl.setMinWidth(URL_MIN_WIDTH);
        HBox.setHgrow(overlayUrl, Priority.ALWAYS);
        Label urlLabel = new Label("OBS Browser Source URL");
        for (Label label : List.of(store, tracking, chat, stream, links, urlLabel)) {
            label.setMinWidth(Region.USE_PREF_SIZE);
        }
        copyOverlayUrl.setDisable(true);
        copyOverlayUrl.setOnAction(event -> {
            ClipboardContent clip = new ClipboardContent();
            clip.putString(overlayUrl.getText());
            Clipboard.getSystemClipboard().setContent(clip);
            message("Copied. Paste it into OBS as a Browser Source, 1920 x 1080.");
        });
        copyOverlayUrl.setMinWidth(Region.USE_PREF_SIZE);
        addToObs.setId("add-to-obs");
        addToObs.setDisable(true);
        addToObs.setMinWidth(Region.USE_PREF_SIZE);
        addToObs.setTooltip(new Tooltip("Puts the overlay into the scene on air in OBS, at your canvas size "
                + "(OBS 28 or later, with its WebSocket server on)."));
        addToObs.setOnAction(event -> addToObs());
        // A long message is cut with an ellipsis and shown whole in its tooltip; it never takes the URL's room.
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinWidth(0);
        message.setPrefWidth(0);
        message.setTextOverrun(OverrunStyle.ELLIPSIS);
        openLogs = OpenControl.folder(opener, "open-log-folder-notice", "Open log folder", saved.logFolder());
        openLogs.managedProperty().bind(openLogs.visibleProperty());
        openLogs.setVisible(false);
        openLogs.setMinWidth(Region.USE_PREF_SIZE);
        countdown = new CountdownControls(background, this::message);
        turnOnBrandedContent.setId("turn-on-branded-content");
        turnOnBrandedContent.setMinWidth(Region.USE_PREF_SIZE);
        turnOnBrandedContent.managedProperty().bind(turnOnBrandedContent.visibleProperty());
        turnOnBrandedContent.setVisible(false);
        bar = new HBox(12, store, tracking, chat, stream, links, countdown.view(), message, openLogs,
                turnOnBrandedContent, update, urlLabel,
                overlayUrl, copyOverlayUrl, addToObs);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 12, 6, 12));
        bar.setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: -color-border-default; -fx-border-width: 1 0 0 0;");
    }

    Node view() {
        return bar;
    }

    /**
     * The services run: who the app counts for when connected to GameTriggers, else where the store is; any index the
     * platform's MongoDB lacks, and the URL for OBS.
     */
    void started(String storeAddress, boolean embedded, List<String> missingIndexes, Optional<String> connectedAs,
                 String obsUrl) {
        // Connected, the name is what the streamer checks; the address is one hover away.
        String where = connectedAs.map(name -> "Connected as " + name)
                .orElse("Store: " + (embedded ? "embedded (" + storeAddress + ")" : storeAddress));
        List<String> details = new ArrayList<>();
        connectedAs.ifPresent(name -> details.add("Store: " + storeAddress));
        if (missingIndexes.isEmpty()) {
            store.setText(where);
        } else {
            store.setText(where + " · " + missingIndexes.size() + (missingIndexes.size() == 1 ? " index" : " indexes")
                    + " missing");
            details.add("The platform's MongoDB lacks " + String.join(", ", missingIndexes)
                    + ": the app works, slower, and a race could make a duplicate where a unique one is missing. Run the "
                    + "app with --print-mongodb-setup and give the output to the platform's administrators.");
        }
        store.setTooltip(details.isEmpty() ? null : new Tooltip(String.join("\n", details)));
        overlayUrl.setText(obsUrl);
        copyOverlayUrl.setDisable(false);
        addToObs.setDisable(false);
    }

    void startFailed() {
        store.setText("Store: not started");
    }

    void show(WriterStatus trackingStatus, ChannelStatus channel, PublicLinksStatus linksStatus) {
        showTracking(trackingStatus);
        links.setText(linksStatus.brief());
        links.setTooltip(new Tooltip(linksStatus.sentence()));
        chat.setText(channel.chatText());
        stream.setText(channel.streamText());
    }

    /** The warning before a sponsor, with its Skip and Pause buttons acting on {@code session}; empty hides it. */
    void showCountdown(Optional<String> warning, AppSession session) {
        countdown.show(warning, session);
    }

    /**
     * Offers to turn on Twitch's branded-content label while the live stream shows sponsors undisclosed.
     *
     * @param turnOn the session's {@link com.gametriggers.companion.ui.AppSession#turnOnBrandedContent}, run off the FX thread
     */
    void offerDisclosure(Optional<DisclosureWarning> warning, Callable<String> turnOn) {
        disclosure.show(warning);
        turnOnBrandedContent.setOnAction(event -> {
            Callable<String> work = disclosure.turnOn(turnOn);
            showDisclosure();
            background.run(work, sentence -> {
                message(disclosure.answered(sentence));
                showDisclosure();
            }, failure -> {
                disclosure.failed();
                message(Failures.sentence(failure));
                showDisclosure();
            });
        });
        showDisclosure();
    }

    private void showDisclosure() {
        turnOnBrandedContent.setVisible(disclosure.visible());
        turnOnBrandedContent.setDisable(!disclosure.enabled());
        turnOnBrandedContent.setTooltip(disclosure.visible() ? new Tooltip(disclosure.explanation()) : null);
    }

    /** A line for the streamer; the whole of it in the tooltip when the bar is too narrow for it. */
    void message(String text) {
        message.setText(text);
        message.setTooltip(text.isEmpty() ? null : new Tooltip(text));
        openLogs.setVisible(false);
    }

    /** Something failed that no code expected: one sentence, and the way to the log that has the detail. */
    void unexpectedFailure() {
        message(UNEXPECTED);
        openLogs.setVisible(true);
    }

    /** A newer release: a link to its download page, opened in the streamer's browser; the app downloads nothing. */
    void offerUpdate(Release release) {
        update.setText(release.sentence());
        update.setTooltip(new Tooltip("Opens " + release.downloadPage() + " in your browser"));
        update.setOnAction(event -> background.run(() -> {
            SystemBrowser.open(release.downloadPage());
            return release;
        }, opened -> update.setVisited(true), failure -> message.setText(
                "Your browser could not be opened; the new version is at " + release.downloadPage() + ".")));
        update.setVisible(true);
        update.setManaged(true);
    }

    private void showTracking(WriterStatus status) {
        if (!status.journalWriting()) {
            long held = status.eventsHeld();
            tracking.setText("journal failing, %d %s in memory".formatted(held, held == 1 ? "event" : "events"));
            tracking.setTooltip(new Tooltip(status.sentence()));
            return;
        }
        if (status.online()) {
            tracking.setText("online");
            tracking.setTooltip(null);
            return;
        }
        long waiting = status.eventsWaiting();
        tracking.setText("offline, %d %s waiting".formatted(waiting, waiting == 1 ? "event" : "events"));
        tracking.setTooltip(new Tooltip(status.sentence()));
    }

    /** Talks to OBS off the FX thread; what OBS did, or why it could not, goes to the message line. */
    private void addToObs() {
        addToObs.setDisable(true);
        message("Talking to OBS…");
        String url = overlayUrl.getText();
        ObsConnectionSettings obs = saved.obsConnection();
        background.run(() -> new AddToObs(http, obs, AddToObs.DEFAULT_TIMEOUT).addOverlay(url).sentence(), sentence -> {
            addToObs.setDisable(false);
            message(sentence);
        }, failure -> {
            addToObs.setDisable(false);
            message(failure instanceof ObsException ? failure.getMessage() : Failures.sentence(failure));
        });
    }
}
