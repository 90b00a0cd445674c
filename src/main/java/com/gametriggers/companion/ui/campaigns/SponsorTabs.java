package com.gametriggers.companion.ui.campaigns;

import java.time.Duration;
import java.util.List;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.ui.AppSession;
import com.gametriggers.companion.ui.Background;
import com.gametriggers.companion.ui.Failures;
import com.gametriggers.companion.ui.SponsorDetailPane;
import com.gametriggers.companion.ui.campaigns.CampaignsViewModel.Row;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The selected sponsor, in three tabs, narrow enough to sit beside the table: its QR code and chat command; what the campaign is and the counts side
 * by side; and the Activity behind those counts, showings and clicks of the last days, newest first.
 */
final class SponsorTabs extends TabPane {

    /** How far back the Activity list reaches, and how many entries it shows at most. */
    static final Duration ACTIVITY_DAYS = Duration.ofDays(7);
    static final int ACTIVITY_LIMIT = 500;

    private final Background background;
    private final SponsorDetailPane linkAndQr;
    private final GridPane facts = new GridPane();
    private final TextField trackingLink = new TextField();
    private final TableView<SponsorFacts.Line> activity = new TableView<>();
    private final Tab activityTab = new Tab("Activity");
    private AppSession session;
    private Row shown;
    private boolean activityLoading;

    SponsorTabs(Background background, Runnable openPublicLinks) {
        this.background = background;
        this.linkAndQr = new SponsorDetailPane(background, openPublicLinks);
        setId("sponsor-tabs");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);

        facts.setId("sponsor-facts");
        facts.setHgap(10);
        facts.setVgap(6);
        trackingLink.setId("tracking-link");
        trackingLink.setEditable(false);
        Button copy = new Button("Copy");
        copy.setId("copy-tracking-link");
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(trackingLink.getText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        HBox.setHgrow(trackingLink, Priority.ALWAYS);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        VBox campaign = new VBox(12, facts, new Label("Tracking link"), new HBox(8, trackingLink, copy));
        campaign.setPadding(new Insets(10, 0, 0, 0));
        ScrollPane campaignScroll = new ScrollPane(campaign);
        campaignScroll.setFitToWidth(true);

        activity.setId("activity");
        activity.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        activity.setPlaceholder(new Label("No showings or clicks in the last " + ACTIVITY_DAYS.toDays() + " days."));
        activity.getColumns().setAll(List.of(column("When", SponsorFacts.Line::when, 90),
                column("What", SponsorFacts.Line::what, 100), column("Counted", SponsorFacts.Line::verdict, 60)));
        activity.setRowFactory(table -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(SponsorFacts.Line line, boolean empty) {
                super.updateItem(line, empty);
                setTooltip(empty || line == null || line.reason().isEmpty() ? null : new Tooltip(line.reason()));
            }
        });
        activityTab.setContent(activity);
        activityTab.setId("activity-tab");
        activityTab.selectedProperty().addListener((observable, was, selected) -> {
            if (selected) {
                loadActivity();
            }
        });

        Tab link = new Tab("QR", linkAndQr);
        Tab about = new Tab("Campaign", campaignScroll);
        about.setId("campaign-tab");
        getTabs().setAll(List.of(link, about, activityTab));
        setDisable(true);
    }

    private static TableColumn<SponsorFacts.Line, String> column(String title,
                                                                 java.util.function.Function<SponsorFacts.Line, String> value,
                                                                 double width) {
        TableColumn<SponsorFacts.Line, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    /** Another sponsor was chosen (or none). */
    void show(AppSession appSession, Row row) {
        session = appSession;
        shown = row;
        Participation participation = row == null ? null : row.participation();
        linkAndQr.show(appSession, participation);
        setDisable(row == null);
        activity.getItems().clear();
        update(row);
    }

    /** The same sponsor, read again: its counts, and its activity when that tab is open. */
    void update(Row row) {
        shown = row;
        if (row == null) {
            facts.getChildren().clear();
            trackingLink.clear();
            return;
        }
        facts.getChildren().clear();
        int line = 0;
        Campaign campaign = row.details();
        List<SponsorFacts.Fact> all = new java.util.ArrayList<>(campaign == null
                ? List.of(new SponsorFacts.Fact("Campaign", "not found on the platform"))
                : SponsorFacts.campaign(campaign, row.spent(), session.clock().instant(), session.clock().getZone()));
        all.addAll(SponsorFacts.counts(row.participation()));
        for (SponsorFacts.Fact fact : all) {
            Label label = new Label(fact.label());
            label.setStyle("-fx-font-weight: bold;");
            // The pane is narrow: the values wrap, the labels keep their words.
            label.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(fact.value());
            value.setWrapText(true);
            value.setId("fact-" + fact.label().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            facts.addRow(line++, label, value);
        }
        trackingLink.setText(row.participation().trackingUrl() == null ? "" : row.participation().trackingUrl());
        if (activityTab.isSelected()) {
            loadActivity();
        }
    }

    private void loadActivity() {
        Row row = shown;
        if (row == null || activityLoading) {
            return;
        }
        activityLoading = true;
        AppSession running = session;
        background.run(() -> SponsorFacts.activity(running.data().activity(row.id(),
                        running.clock().instant().minus(ACTIVITY_DAYS), ACTIVITY_LIMIT), running.clock().getZone()),
                lines -> {
                    activityLoading = false;
                    if (shown != null && shown.id().equals(row.id()) && !lines.equals(activity.getItems())) {
                        activity.getItems().setAll(lines);
                    }
                }, failure -> {
                    activityLoading = false;
                    activity.setPlaceholder(new Label("The activity could not be read. " + Failures.sentence(failure)));
                });
    }
}
