package com.gametriggers.companion.ui.earnings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.ui.Background;
import com.gametriggers.companion.ui.Section;
import com.gametriggers.companion.ui.earnings.EarningsSummary.CampaignRow;
import com.gametriggers.companion.ui.earnings.EarningsSummary.DayPoint;
import com.gametriggers.companion.ui.earnings.EarningsViewModel.Card;
import com.gametriggers.companion.ui.earnings.EarningsViewModel.Period;
import com.gametriggers.companion.ui.earnings.EarningsViewModel.Series;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * The streamer's earnings: four totals cards (today, the last 7 and 30 days, all time, each with CPM and CPC apart),
 * a stacked bar per day of the last 30 days, and a row per campaign.
 *
 * <p>{@link #refresh()} reads the summary again in the background, one read at a time, and only while the view is
 * on screen: the window may call it every few seconds whichever section is shown, and a hidden view costs nothing.
 * The view reads at once when it comes on screen. The chart is built once and its bars are moved in place.
 */
public final class EarningsView extends BorderPane implements Section {

    private static final Logger log = LoggerFactory.getLogger(EarningsView.class);
    private static final double ROW_HEIGHT = 36;
    /** The column headers and the table's border. */
    private static final double HEADER_HEIGHT = 44;
    private static final int MIN_TABLE_ROWS = 2;
    private static final int MAX_TABLE_ROWS = 6;

    private final Callable<EarningsSummary> load;
    private final Background background;
    private final Label problem = new Label();
    private final StackPane body = new StackPane();
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Label empty = new Label(EarningsViewModel.EMPTY_STATE, new FontIcon(Feather.DOLLAR_SIGN));
    private final VBox content;
    private final Map<Period, CardLabels> cards = new EnumMap<>(Period.class);
    private final CategoryAxis days = new CategoryAxis();
    private final NumberAxis amounts = new NumberAxis();
    private final StackedBarChart<String, Number> chart = new StackedBarChart<>(days, amounts);
    private final Map<Series, XYChart.Series<String, Number>> series = new EnumMap<>(Series.class);
    /** One tooltip per day of the chart, shared by the day's bars and updated in place. */
    private final List<Tooltip> dayTooltips = new ArrayList<>();
    private final ObservableList<CampaignRow> rows = FXCollections.observableArrayList();
    private final TableView<CampaignRow> table = new TableView<>();
    /** Whether the view is in a showing window; kept in a field, since a fluent binding is only as alive as its holder. */
    private final ObservableValue<Boolean> shown;
    /** A read is on its way; a slow store must not pile up reads behind it. */
    private boolean loading;
    private boolean loadedOnce;

    /**
     * @param load       reads the summary; called on {@code background}, never on the FX thread
     *                   ({@link EarningsLoader#of} for the running app)
     * @param background where the reads run
     */
    public EarningsView(Callable<EarningsSummary> load, Background background) {
        this.load = load;
        this.background = background;
        setId("earnings");

        problem.setId("earnings-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setVisible(false);
        BorderPane.setMargin(problem, new Insets(0, 0, 12, 0));

        progress.setId("earnings-loading");
        progress.setMaxSize(40, 40);
        empty.setId("earnings-empty");
        empty.setWrapText(true);
        empty.setGraphicTextGap(10);
        empty.getStyleClass().add(Styles.TEXT_MUTED);

        content = new VBox(16, totalsCards(), section("Daily earnings, last 30 days", chart()),
                section("Per campaign, all time", table()));
        // The chart takes the height there is; the table as much as its rows need, up to a few.
        VBox.setVgrow(content.getChildren().get(1), Priority.ALWAYS);
        content.setId("earnings-content");

        body.getChildren().setAll(progress);
        setTop(problem);
        setCenter(body);
        setPadding(new Insets(16));

        shown = sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false);
        shown.addListener((observable, was, is) -> {
            if (is) {
                refresh();
            }
        });
    }

    /** Puts the export menu above the earnings, on the right. */
    public EarningsView withExport(ExportMenu export) {
        VBox.setMargin(export, new Insets(0, 0, 12, 0));
        setTop(new VBox(problem, export));
        return this;
    }

    @Override
    public Node view() {
        return this;
    }

    /**
     * Reads the earnings again in the background and shows them, unless a read is still on its way or the view is
     * not on screen (it reads as soon as it is shown again). Call it on the FX thread.
     */
    @Override
    public void refresh() {
        if (loading || !shown.getValue()) {
            return;
        }
        loading = true;
        background.run(load, summary -> {
            loading = false;
            problem.setVisible(false);
            show(summary);
        }, failure -> {
            loading = false;
            log.warn("Earnings could not be read", failure);
            problem.setText(EarningsViewModel.problem(failure));
            problem.setVisible(true);
            if (!loadedOnce) {
                loadedOnce = true;
                body.getChildren().clear();
            }
        });
    }

    private void show(EarningsSummary summary) {
        loadedOnce = true;
        if (EarningsViewModel.isEmpty(summary)) {
            showOnly(empty);
            return;
        }
        for (Period period : Period.values()) {
            cards.get(period).show(EarningsViewModel.card(period, summary));
        }
        showSeries(summary.series(), summary.day());
        if (!rows.equals(summary.campaigns())) {
            rows.setAll(summary.campaigns());
        }
        showOnly(content);
    }

    private void showOnly(Node node) {
        if (body.getChildren().size() != 1 || body.getChildren().get(0) != node) {
            body.getChildren().setAll(node);
        }
    }

    // --- totals cards

    /** The labels of one card, so a refresh sets their text and builds nothing. */
    private record CardLabels(Label total, Tooltip exact, Label split, Label counts) {

        void show(Card card) {
            total.setText(card.total());
            exact.setText("Exactly " + card.exactTotal());
            split.setText(card.split());
            counts.setText(card.counts());
        }
    }

    private Node totalsCards() {
        HBox row = new HBox(12);
        row.setId("earnings-cards");
        for (Period period : Period.values()) {
            Label title = new Label(period.title);
            title.getStyleClass().addAll(Styles.TEXT_MUTED);
            Label total = new Label("–");
            total.setId("earnings-" + period.id + "-total");
            total.getStyleClass().addAll(Styles.TITLE_2);
            Label split = new Label();
            split.setId("earnings-" + period.id + "-split");
            split.getStyleClass().add(Styles.TEXT_SMALL);
            Label counts = new Label();
            counts.setId("earnings-" + period.id + "-counts");
            counts.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            Tooltip exact = new Tooltip();
            total.setTooltip(exact);
            cards.put(period, new CardLabels(total, exact, split, counts));

            VBox card = new VBox(2, title, total, split, counts);
            card.setId("earnings-" + period.id);
            card.setPadding(new Insets(10, 14, 10, 14));
            card.setMinWidth(0);
            card.setMaxWidth(Double.MAX_VALUE);
            card.setStyle("-fx-background-color: -color-bg-subtle; -fx-background-radius: 6;"
                    + " -fx-border-color: -color-border-default; -fx-border-radius: 6;");
            HBox.setHgrow(card, Priority.ALWAYS);
            row.getChildren().add(card);
        }
        return row;
    }

    // --- daily chart

    private Node chart() {
        chart.setId("earnings-chart");
        chart.setAnimated(false);
        days.setAnimated(false);
        amounts.setAnimated(false);
        chart.setLegendSide(Side.TOP);
        chart.setCategoryGap(3);
        chart.setVerticalGridLinesVisible(false);
        chart.setMinHeight(200);
        chart.setPrefHeight(240);
        amounts.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return EarningsViewModel.axisMoney(value.doubleValue(), amounts.getTickUnit());
            }

            @Override
            public Number fromString(String label) {
                throw new UnsupportedOperationException("the amount axis is not edited");
            }
        });
        amounts.setMinorTickVisible(false);
        amounts.setForceZeroInRange(true);
        days.setTickMarkVisible(false);
        for (Series kind : Series.values()) {
            XYChart.Series<String, Number> bars = new XYChart.Series<>();
            bars.setName(kind.title);
            series.put(kind, bars);
        }
        return chart;
    }

    /**
     * Moves the bars to the new values. The days and the bars are made again only when the days changed (a new
     * day, or the first read); the "other" series comes and goes as {@link EarningsViewModel#seriesShown} says.
     */
    private void showSeries(List<DayPoint> points, LocalDate today) {
        List<Series> shownSeries = EarningsViewModel.seriesShown(points);
        List<String> categories = points.stream().map(point -> EarningsViewModel.category(point.day(), today)).toList();
        boolean newDays = !categories.equals(days.getCategories());
        if (newDays) {
            days.setCategories(FXCollections.observableArrayList(categories));
            dayTooltips.clear();
            for (int i = 0; i < points.size(); i++) {
                Tooltip tooltip = new Tooltip();
                tooltip.setShowDelay(Duration.millis(150));
                dayTooltips.add(tooltip);
            }
            for (Series kind : Series.values()) {
                List<XYChart.Data<String, Number>> data = new ArrayList<>();
                for (int i = 0; i < points.size(); i++) {
                    XYChart.Data<String, Number> bar = new XYChart.Data<>(categories.get(i), value(kind, points.get(i)));
                    Tooltip tooltip = dayTooltips.get(i);
                    bar.nodeProperty().addListener((observable, old, node) -> {
                        if (old != null) {
                            Tooltip.uninstall(old, tooltip);
                        }
                        if (node != null) {
                            Tooltip.install(node, tooltip);
                        }
                    });
                    data.add(bar);
                }
                series.get(kind).getData().setAll(data);
            }
        } else {
            for (Series kind : Series.values()) {
                List<XYChart.Data<String, Number>> data = series.get(kind).getData();
                for (int i = 0; i < points.size(); i++) {
                    Number value = value(kind, points.get(i));
                    if (!value.equals(data.get(i).getYValue())) {
                        data.get(i).setYValue(value);
                    }
                }
            }
        }
        for (int i = 0; i < points.size(); i++) {
            dayTooltips.get(i).setText(EarningsViewModel.dayTooltip(points.get(i), shownSeries));
        }
        for (Series kind : Series.values()) {
            XYChart.Series<String, Number> bars = series.get(kind);
            boolean wanted = shownSeries.contains(kind);
            if (wanted && !chart.getData().contains(bars)) {
                chart.getData().add(bars);
            } else if (!wanted) {
                chart.getData().remove(bars);
            }
        }
    }

    private static Number value(Series kind, DayPoint point) {
        return kind.of(point).doubleValue();
    }

    // --- per-campaign table

    private Node table() {
        table.setId("earnings-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(ROW_HEIGHT);
        table.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> HEADER_HEIGHT
                + ROW_HEIGHT * Math.min(Math.max(rows.size(), MIN_TABLE_ROWS), MAX_TABLE_ROWS), rows));
        table.setMinHeight(HEADER_HEIGHT + ROW_HEIGHT * MIN_TABLE_ROWS);
        table.setPlaceholder(new Label("No campaigns joined yet."));
        SortedList<CampaignRow> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getColumns().setAll(List.of(
                column("Brand", EarningsViewModel::brand, Comparator.comparing(EarningsViewModel::brand, String.CASE_INSENSITIVE_ORDER), false, 150),
                column("Campaign", EarningsViewModel::campaign, Comparator.comparing(EarningsViewModel::campaign, String.CASE_INSENSITIVE_ORDER), false, 230),
                column("Payment", row -> EarningsViewModel.paymentType(row.paymentType()), Comparator.comparing(row -> EarningsViewModel.paymentType(row.paymentType())), false, 80),
                column("Impressions", row -> EarningsViewModel.count(row.impressions()), Comparator.comparingLong(CampaignRow::impressions), true, 110),
                column("Clicks", row -> EarningsViewModel.count(row.clicks()), Comparator.comparingLong(CampaignRow::clicks), true, 80),
                column("CTR", row -> EarningsViewModel.ctr(row.clicks(), row.impressions()), Comparator.comparingDouble(CampaignRow::ctr), true, 70),
                column("Earnings", row -> EarningsViewModel.money(row.earnings()), Comparator.comparing(CampaignRow::earnings), true, 110)));
        return table;
    }

    /** A column whose cells show the row as {@code text} says and sort by {@code order}. */
    private static TableColumn<CampaignRow, CampaignRow> column(String title, Function<CampaignRow, String> text,
                                                                Comparator<CampaignRow> order, boolean number, double width) {
        TableColumn<CampaignRow, CampaignRow> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setComparator(order);
        column.setCellFactory(c -> {
            TableCell<CampaignRow, CampaignRow> cell = new TableCell<>() {
                @Override
                protected void updateItem(CampaignRow row, boolean isEmpty) {
                    super.updateItem(row, isEmpty);
                    setText(isEmpty || row == null ? null : text.apply(row));
                }
            };
            if (number) {
                cell.setAlignment(Pos.CENTER_RIGHT);
            }
            return cell;
        });
        return column;
    }

    private static Node section(String title, Node node) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(6, heading, node);
        VBox.setVgrow(node, Priority.ALWAYS);
        return box;
    }

    /** For tests: the amounts the chart shows for one series, oldest day first; empty when the series is not shown. */
    List<BigDecimal> chartValues(Series kind) {
        XYChart.Series<String, Number> bars = series.get(kind);
        if (!chart.getData().contains(bars)) {
            return List.of();
        }
        return bars.getData().stream().map(data -> BigDecimal.valueOf(data.getYValue().doubleValue())).toList();
    }
}
