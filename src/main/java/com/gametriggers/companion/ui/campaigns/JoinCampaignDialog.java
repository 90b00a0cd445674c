package com.gametriggers.companion.ui.campaigns;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.gametriggers.companion.domain.Campaign;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The open campaigns the streamer is not in, with what each pays; one is chosen to join. */
final class JoinCampaignDialog extends Dialog<Campaign> {

    static final ButtonType JOIN = new ButtonType("Join", ButtonBar.ButtonData.OK_DONE);

    JoinCampaignDialog(Window owner, List<Campaign> campaigns) {
        initOwner(owner);
        setTitle("Join a campaign");
        setHeaderText("Choose a sponsor to show on your stream");
        TableView<Campaign> table = new TableView<>();
        table.setId("joinable-campaigns");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("Brand", Campaign::brandName, 140),
                column("Campaign", Campaign::name, 180),
                column("Pays", SponsorFacts::pays, 150),
                column("Runs until", CampaignsViewModel::endDate, 110)));
        table.getItems().setAll(campaigns);
        table.setPrefSize(640, 300);
        Label description = new Label();
        description.setWrapText(true);
        description.setMaxWidth(620);
        table.getSelectionModel().selectedItemProperty().addListener((observable, old, campaign) ->
                description.setText(campaign == null ? "" : Optional.ofNullable(campaign.description()).orElse("")));
        getDialogPane().setContent(new VBox(10, table, description));
        getDialogPane().getButtonTypes().setAll(JOIN, ButtonType.CANCEL);
        getDialogPane().lookupButton(JOIN).disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        setResultConverter(button -> button == JOIN ? table.getSelectionModel().getSelectedItem() : null);
    }

    private static TableColumn<Campaign, String> column(String title, Function<Campaign, String> value, double width) {
        TableColumn<Campaign, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
