package com.gametriggers.companion.ui.earnings;

import java.io.File;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import com.gametriggers.companion.export.CsvExport;
import com.gametriggers.companion.export.ExportSource;
import com.gametriggers.companion.ui.Background;
import com.gametriggers.companion.ui.Failures;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * "Export CSV": the last 30 days' earnings per day and campaign, or every showing of those days, as a file the streamer
 * picks, for a sponsor who wants the numbers behind the totals (the same files as {@code --export}).
 */
public final class ExportMenu extends HBox {

    /** The days exported: the chart's 30, today included (UTC days, as the store keeps them). */
    static final int DAYS = 30;

    private final ExportSource source;
    private final Clock clock;
    private final Background background;
    private final Function<String, Optional<Path>> chooseFile;
    private final Label message = new Label();

    /**
     * @param chooseFile asks where to write, offering the given file name; empty when the streamer cancelled
     */
    public ExportMenu(ExportSource source, Clock clock, Background background, Function<String, Optional<Path>> chooseFile) {
        super(10);
        this.source = source;
        this.clock = clock;
        this.background = background;
        this.chooseFile = chooseFile;
        MenuItem earnings = new MenuItem("Earnings per day and campaign…");
        earnings.setId("export-earnings");
        earnings.setOnAction(event -> export(CsvExport.Kind.EARNINGS));
        MenuItem showings = new MenuItem("Every showing…");
        showings.setId("export-showings");
        showings.setOnAction(event -> export(CsvExport.Kind.SHOWINGS));
        MenuButton button = new MenuButton("Export CSV, last " + DAYS + " days", new FontIcon(Feather.DOWNLOAD),
                earnings, showings);
        button.setId("export-csv");
        message.setId("export-message");
        message.setWrapText(true);
        setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(message, button);
    }

    /** Asks with the system's save dialog, over the window this menu is in. */
    public static ExportMenu withSaveDialog(ExportSource source, Clock clock, Background background) {
        ExportMenu[] menu = new ExportMenu[1];
        menu[0] = new ExportMenu(source, clock, background, fileName -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export CSV");
            chooser.setInitialFileName(fileName);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV (comma-separated values)", "*.csv"));
            Window owner = menu[0].getScene() == null ? null : menu[0].getScene().getWindow();
            return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
        });
        return menu[0];
    }

    private void export(CsvExport.Kind kind) {
        LocalDate to = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = to.minusDays(DAYS - 1);
        Optional<Path> file = chooseFile.apply(CsvExport.fileName(kind, from, to));
        if (file.isEmpty()) {
            return;
        }
        message.setText("Exporting…");
        background.run(() -> {
            try (Writer writer = Files.newBufferedWriter(file.get(), StandardCharsets.UTF_8)) {
                return CsvExport.write(kind, source, from, to, writer);
            }
        }, rows -> message.setText("Wrote " + rows + (rows == 1 ? " row" : " rows") + " to " + file.get().getFileName()
                + "."), failure -> message.setText("The export failed. " + Failures.sentence(failure)));
    }
}
