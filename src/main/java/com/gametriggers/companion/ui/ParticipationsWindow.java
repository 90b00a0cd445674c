package com.gametriggers.companion.ui;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.overlay.OverlayException;
import com.gametriggers.companion.store.StoreException;

import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * A first, plain window: starts the app's services in the background and lists the streamer's participations.
 * Store work never runs on the FX thread.
 */
public final class ParticipationsWindow {

    private static final Logger log = LoggerFactory.getLogger(ParticipationsWindow.class);

    private final Callable<AppSession> starter;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "store-work");
        thread.setDaemon(true);
        return thread;
    });
    private final Label status = new Label("Starting the store…");
    private final ProgressIndicator progress = new ProgressIndicator();
    /** A participation with the line the list shows for it. */
    private record Row(Participation participation, String title) {
        @Override
        public String toString() {
            return title;
        }
    }

    private final ListView<Row> participations = new ListView<>();
    private final SponsorDetailPane detail = new SponsorDetailPane(this::runInBackground);
    private final Button demoButton = new Button("Add demo campaigns");
    private final TextField overlayUrl = new TextField();
    private final Button copyOverlayUrl = new Button("Copy");
    private AppSession session;

    public ParticipationsWindow(Callable<AppSession> starter) {
        this.starter = starter;
    }

    public void show(Stage stage) {
        progress.setMaxSize(24, 24);
        progress.managedProperty().bind(progress.visibleProperty());
        demoButton.setVisible(false);
        demoButton.setOnAction(event -> runInBackground(() -> {
            session.installDemo();
            return listParticipations();
        }, this::showParticipations));
        participations.setPlaceholder(new Label("No campaigns joined yet."));

        overlayUrl.setEditable(false);
        overlayUrl.setPromptText("starting…");
        HBox.setHgrow(overlayUrl, javafx.scene.layout.Priority.ALWAYS);
        copyOverlayUrl.setDisable(true);
        copyOverlayUrl.setOnAction(event -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(overlayUrl.getText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        HBox obs = new HBox(8, new Label("OBS Browser Source URL"), overlayUrl, copyOverlayUrl);
        obs.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        participations.getSelectionModel().selectedItemProperty().addListener((observable, old, row) ->
                detail.show(session, row == null ? null : row.participation()));
        HBox.setHgrow(participations, javafx.scene.layout.Priority.ALWAYS);
        HBox lists = new HBox(12, participations, detail);
        VBox.setVgrow(lists, javafx.scene.layout.Priority.ALWAYS);
        VBox root = new VBox(12, new HBox(8, progress, status), obs, lists, demoButton);
        root.setPadding(new Insets(16));
        stage.setTitle("GameTriggers Companion");
        stage.setScene(new Scene(root, 980, 520));
        stage.setOnHidden(event -> closeSession());
        stage.show();

        runInBackground(() -> {
            session = starter.call();
            return listParticipations();
        }, this::showParticipations);
    }

    private List<Row> listParticipations() {
        Map<String, Campaign> campaigns = session.store().campaigns().active().stream()
                .collect(Collectors.toMap(Campaign::id, Function.identity()));
        return session.store().participations().forStreamer(session.streamerId()).stream()
                .map(participation -> new Row(participation, describe(participation, campaigns.get(participation.campaignId()))))
                .toList();
    }

    private static String describe(Participation participation, Campaign campaign) {
        String title = campaign == null ? "Campaign " + participation.campaignId() : campaign.brandName() + " – " + campaign.name();
        return "%s   %s   [%s]   impressions %d · clicks %d · earned %s".formatted(title,
                participation.chatCommand() == null ? "" : participation.chatCommand(), participation.status().wireName(),
                participation.impressions(), participation.clicks(), participation.estimatedEarnings().toPlainString());
    }

    private void showParticipations(List<Row> rows) {
        progress.setVisible(false);
        status.setText("Store: " + session.store().address());
        overlayUrl.setText(session.obsOverlayUrl());
        copyOverlayUrl.setDisable(false);
        participations.getItems().setAll(rows);
        boolean firstStart = rows.isEmpty() && session.store().isEmbedded();
        demoButton.setVisible(firstStart);
        if (firstStart) {
            participations.setPlaceholder(new Label("""
                    Join a sponsor's campaign, then add this app's overlay URL to OBS as a Browser Source.
                    To look around first, add three demo campaigns."""));
        }
    }

    <T> void runInBackground(Callable<T> work, java.util.function.Consumer<T> onSuccess) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(event -> onSuccess.accept(task.getValue()));
        task.setOnFailed(event -> showFailure(task.getException()));
        background.execute(task);
    }

    private void showFailure(Throwable failure) {
        progress.setVisible(false);
        log.warn("Store work failed", failure);
        status.setText(failure instanceof StoreException || failure instanceof OverlayException ? failure.getMessage()
                : "Something went wrong; the log has the details for a bug report.");
    }

    private void closeSession() {
        background.execute(() -> {
            if (session != null) {
                session.close();
            }
            Platform.exit();
        });
        background.shutdown();
    }
}
