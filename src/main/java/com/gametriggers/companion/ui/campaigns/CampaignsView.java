package com.gametriggers.companion.ui.campaigns;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.ui.AppSession;
import com.gametriggers.companion.ui.Background;
import com.gametriggers.companion.ui.Failures;
import com.gametriggers.companion.ui.Section;
import com.gametriggers.companion.ui.campaigns.CampaignsViewModel.Actions;
import com.gametriggers.companion.ui.campaigns.CampaignsViewModel.Row;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The streamer's campaigns: a table of participations with their counters, the selected sponsor's QR code and chat
 * command, and pause, resume and leave. The table is read again every time {@link #refresh()} is called, in the
 * background, so counters move while the streamer watches.
 */
public final class CampaignsView extends BorderPane implements Section {

    private final AppSession session;
    private final Background background;
    private final TableView<Row> table = new TableView<>();
    private final SponsorTabs detail;
    private final Button pause = new Button("Pause", new FontIcon(Feather.PAUSE));
    private final Button resume = new Button("Resume", new FontIcon(Feather.PLAY));
    private final Button leave = new Button("Leave…", new FontIcon(Feather.LOG_OUT));
    private final Button join = new Button("Join a campaign…", new FontIcon(Feather.PLUS_CIRCLE));
    private final Label problem = new Label();
    private final Label noCampaigns = new Label("No campaigns joined yet.");
    private final Node firstStart = firstStart();
    /** A refresh is on its way; a slow store must not pile up refreshes behind it. */
    private boolean loading;
    /** While rows are replaced, the selection briefly passes through "none"; the detail pane must not follow it. */
    private boolean replacingRows;
    private String detailId;

    /**
     * @param rows            the participations as {@link #load} read them, so the view opens filled
     * @param openPublicLinks shows where the links are made public (Settings)
     */
    public CampaignsView(AppSession session, Background background, List<Row> rows, Runnable openPublicLinks) {
        this.session = session;
        this.background = background;
        this.detail = new SponsorTabs(background, openPublicLinks);
        table.setId("campaigns");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Row, Object> clicks = new TableColumn<>("Clicks");
        clicks.getColumns().setAll(List.of(
                column("Chat", Row::chatClicks, true, 55),
                column("QR", Row::qrScans, true, 50),
                column("Link", Row::linkClicks, true, 55)));
        table.getColumns().setAll(List.of(
                column("Brand", Row::brand, false, 115),
                column("Campaign", Row::campaign, false, 120),
                column("Status", Row::status, false, 105),
                column("Impressions", Row::impressions, true, 105),
                clicks,
                column("CTR", Row::clickThroughRate, true, 65),
                column("Earnings", Row::earnings, true, 95)));
        table.getSelectionModel().selectedItemProperty().addListener((observable, old, row) -> selected(row));

        pause.setId("pause");
        resume.setId("resume");
        leave.setId("leave");
        pause.setOnAction(event -> act(session::pause));
        resume.setOnAction(event -> act(session::resume));
        leave.setOnAction(event -> confirmLeave());
        join.setId("join-campaign");
        join.setOnAction(event -> chooseCampaign());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(8, pause, resume, leave, gap, join);
        actions.setAlignment(Pos.CENTER_LEFT);

        problem.setId("campaigns-problem");
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setVisible(false);

        VBox.setVgrow(table, Priority.ALWAYS);
        VBox main = new VBox(10, problem, table, actions);
        // As wide as the table leaves on a 1280-pixel-wide window, so neither is cut.
        detail.setPrefWidth(260);
        detail.setMinWidth(260);
        detail.setPadding(new Insets(0, 0, 0, 16));
        setCenter(main);
        setRight(detail);
        setPadding(new Insets(16));
        showRows(rows);
    }

    /** The streamer's participations as rows; store work, so call it off the FX thread. */
    public static List<Row> load(AppSession session) {
        List<Participation> participations = session.data().participations();
        List<String> campaignIds = participations.stream().map(Participation::campaignId).distinct().toList();
        return CampaignsViewModel.rows(participations, session.data().campaigns(campaignIds),
                session.data().campaignSpending(campaignIds), session.publicLinks().counted(), session.clock().instant());
    }

    @Override
    public Node view() {
        return this;
    }

    /** Reads the participations again in the background, unless a read is still on its way. */
    @Override
    public void refresh() {
        if (loading) {
            return;
        }
        loading = true;
        background.run(() -> load(session), rows -> {
            loading = false;
            problem.setVisible(false);
            showRows(rows);
        }, failure -> {
            loading = false;
            showProblem("The campaigns could not be read. " + Failures.sentence(failure));
        });
    }

    private void showRows(List<Row> rows) {
        if (rows.equals(table.getItems()) && !rows.isEmpty()) {
            // Nothing moved: leaving the table alone spares a layout and a repaint every two seconds.
            return;
        }
        String selectedId = selectedRow() == null ? null : selectedRow().id();
        replacingRows = true;
        table.getItems().setAll(rows);
        rows.stream().filter(row -> row.id().equals(selectedId)).findFirst()
                .ifPresent(row -> table.getSelectionModel().select(row));
        replacingRows = false;
        table.setPlaceholder(rows.isEmpty() && session.data().storeEmbedded() ? firstStart : noCampaigns);
        selected(selectedRow());
    }

    /** On a first start with the embedded store, the way in: two sentences and the demo campaigns. */
    private Node firstStart() {
        Button demo = new Button("Add demo campaigns", new FontIcon(Feather.PLUS));
        demo.setId("add-demo");
        demo.setOnAction(event -> {
            demo.setDisable(true);
            background.run(() -> {
                session.installDemo();
                return load(session);
            }, this::showRows);
        });
        VBox box = new VBox(12, new Label("""
                Join a sponsor's campaign, then add this app's overlay URL to OBS as a Browser Source.
                To look around first, add three demo campaigns."""), demo);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private void selected(Row row) {
        if (replacingRows) {
            return;
        }
        Participation participation = row == null ? null : row.participation();
        Actions allowed = CampaignsViewModel.actions(participation);
        pause.setDisable(!allowed.pause());
        resume.setDisable(!allowed.resume());
        leave.setDisable(!allowed.leave());
        // Only a different sponsor reloads the detail: a refresh must not reset a chat command being typed.
        String id = row == null ? null : row.id();
        if (!Objects.equals(id, detailId)) {
            detailId = id;
            detail.show(session, row);
        } else {
            detail.update(row);
        }
    }

    private Row selectedRow() {
        return table.getSelectionModel().getSelectedItem();
    }

    private void act(Function<Participation, ?> change) {
        Participation participation = selectedRow().participation();
        background.run(() -> {
            change.apply(participation);
            return load(session);
        }, this::showRows);
    }

    /** Reads the open campaigns, lets the streamer choose one, joins it and selects its row. */
    private void chooseCampaign() {
        join.setDisable(true);
        background.run(session::joinableCampaigns, campaigns -> {
            join.setDisable(false);
            if (campaigns.isEmpty()) {
                Alert none = new Alert(Alert.AlertType.INFORMATION, "You are in every open campaign. New campaigns show up "
                        + "here as sponsors start them.");
                none.setHeaderText("No other campaign to join");
                none.initOwner(getScene().getWindow());
                none.show();
                return;
            }
            new JoinCampaignDialog(getScene().getWindow(), campaigns).showAndWait().ifPresent(campaign ->
                    background.run(() -> {
                        Participation joined = session.join(campaign);
                        return new Joined(joined.id(), load(session));
                    }, joined -> {
                        showRows(joined.rows());
                        joined.rows().stream().filter(row -> row.id().equals(joined.id())).findFirst()
                                .ifPresent(row -> table.getSelectionModel().select(row));
                    }));
        }, failure -> {
            join.setDisable(false);
            showProblem("The open campaigns could not be read. " + Failures.sentence(failure));
        });
    }

    private record Joined(String id, List<Row> rows) {
    }

    private void showProblem(String sentence) {
        problem.setText(sentence);
        problem.setVisible(true);
    }

    private void confirmLeave() {
        Row row = selectedRow();
        ButtonType leaveType = new ButtonType("Leave", ButtonBar.ButtonData.OK_DONE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, """
                %s leaves your overlay and you stop earning from it. \
                What it has counted and earned so far stays.""".formatted(CampaignsViewModel.title(row)),
                leaveType, ButtonType.CANCEL);
        confirm.setHeaderText("Leave this campaign?");
        confirm.initOwner(getScene().getWindow());
        confirm.showAndWait().filter(leaveType::equals).ifPresent(answer -> act(session::leave));
    }

    private static TableColumn<Row, Object> column(String title, Function<Row, Object> value, boolean number, double width) {
        TableColumn<Row, Object> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        if (number) {
            column.setStyle("-fx-alignment: CENTER-RIGHT;");
        }
        return column;
    }
}
