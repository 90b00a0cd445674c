package com.gametriggers.companion.app;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.export.CsvExport;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreException;

/**
 * {@code --export earnings|showings --from DAY --to DAY --out FILE}: writes the CSV without starting the overlay or
 * the window. It opens the store itself, so with the embedded store the app must be closed (the running app exports
 * from its Earnings view instead).
 */
final class ExportCommand {

    private static final Logger log = LoggerFactory.getLogger(ExportCommand.class);

    private ExportCommand() {
    }

    /** @return the process's exit code: 0 written, 1 with one sentence on stderr */
    static int run(AppOptions options, CsvExport.Kind kind, LocalDate from, LocalDate to, Path file, PrintStream out) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (MongoStore store = MongoStore.open(options.storeSettings())) {
            String streamerId = options.streamerId(LocalProfile.loadOrCreate(options.dataDir()));
            int rows;
            // Written aside and moved into place, so a failed export never leaves half a file under the asked name.
            try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                rows = CsvExport.write(kind, new StoreReads(store, streamerId), from, to, writer);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.println("Wrote " + rows + " " + kind.name().toLowerCase(Locale.ROOT) + " rows (" + from + " to " + to
                    + ", UTC) to " + file);
            out.flush();
            return 0;
        } catch (StoreException | IllegalArgumentException e) {
            log.debug("Export failed", e);
            System.err.println("error: " + e.getMessage());
        } catch (IOException e) {
            log.debug("Export failed", e);
            System.err.println("error: the export could not be written to " + file + ": " + e.getMessage());
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            log.debug("Partial export left behind", e);
        }
        return 1;
    }
}
