package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.CounterDelta;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.ParticipationDay;
import com.gametriggers.companion.domain.ParticipationQuarterHour;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreSettings;

/** {@code --export}: the CSV a streamer hands a sponsor, written by the app's own process and read back. */
class ExportCommandTest {

    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    private final Clock clock = Clock.systemUTC();

    @Test
    void theShowingsAndTheEarningsOfAPeriodAreWrittenAsCsv() throws Exception {
        try (ChildApp app = ChildApp.start("--headless", "--demo", "--overlay-port", "0", "--data-dir", dataDir.toString())) {
            app.awaitLine(Pattern.compile("store: (.+)"), START);
            app.terminate();
            app.awaitExit(START); // stopped as a service manager stops it, the store closed behind it
        }
        Instant shown = clock.instant().minus(Duration.ofHours(1));
        LocalDate day = shown.atZone(ZoneOffset.UTC).toLocalDate();
        Participation sponsor;
        try (MongoStore store = MongoStore.open(StoreSettings.embedded(dataDir))) {
            String streamer = LocalProfile.loadOrCreate(dataDir).streamerId();
            sponsor = store.participations().forStreamer(streamer).get(0);
            CounterDelta counted = new CounterDelta(1234, 1, 1, 0, 0, 0, 0, 0, 5_553_000, 0, 0, 0);
            store.counterBatches().apply("batch-1", Map.of(sponsor.id(), counted),
                    Map.of(new ParticipationDay(sponsor.id(), day), counted),
                    Map.of(ParticipationQuarterHour.containing(sponsor.id(), shown), counted), List.of(
                            new Activity("ticket-1", sponsor.streamerId(), sponsor.id(), sponsor.campaignId(),
                                    Activity.Kind.SHOWING, shown, 1234, Activity.Outcome.COUNTED),
                            new Activity("click-1", sponsor.streamerId(), sponsor.id(), sponsor.campaignId(),
                                    Activity.Kind.CHAT, shown.plusSeconds(5), 0, Activity.Outcome.COUNTED)));
        }

        Path showings = dataDir.resolve("showings.csv");
        try (ChildApp export = ChildApp.start("--export", "showings", "--from", day.toString(), "--to", day.toString(),
                "--out", showings.toString(), "--data-dir", dataDir.toString())) {
            assertThat(export.awaitLine(Pattern.compile("(Wrote .*)"), START))
                    .isEqualTo("Wrote 1 showings rows (" + day + " to " + day + ", UTC) to " + showings);
            assertThat(export.awaitExit(START)).isZero();
        }
        List<CSVRecord> rows = read(showings);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("showing_id")).isEqualTo("ticket-1");
            assertThat(Instant.parse(row.get("at"))).isEqualTo(shown.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            assertThat(row.get("impressions")).isEqualTo("1234");
            assertThat(row.get("participation_id")).isEqualTo(sponsor.id());
            assertThat(row.get("billable")).isEqualTo("true");
        });

        Path earnings = dataDir.resolve("earnings.csv");
        try (ChildApp export = ChildApp.start("--export", "earnings", "--to", day.toString(), "--out", earnings.toString(),
                "--data-dir", dataDir.toString())) {
            assertThat(export.awaitExit(START)).isZero();
        }
        assertThat(read(earnings)).singleElement().satisfies(row -> {
            assertThat(row.get("day")).isEqualTo(day.toString());
            assertThat(row.get("impressions")).isEqualTo("1234");
            assertThat(row.get("chat_clicks")).isEqualTo("1");
            assertThat(new BigDecimal(row.get("earnings"))).isEqualByComparingTo("5.553");
        });
    }

    @Test
    void whileTheAppRunsOnTheEmbeddedStoreTheExportSaysWhatToDoAndWritesNothing() throws Exception {
        Path file = dataDir.resolve("earnings.csv");
        try (ChildApp app = ChildApp.start("--headless", "--overlay-port", "0", "--data-dir", dataDir.toString())) {
            app.awaitLine(Pattern.compile("store: (.+)"), START);
            try (ChildApp export = ChildApp.start("--export", "earnings", "--out", file.toString(),
                    "--data-dir", dataDir.toString())) {
                assertThat(export.awaitExit(START)).isEqualTo(1);
                assertThat(export.stderr()).contains("is in use by another running GameTriggers Companion")
                        .doesNotContain("Exception");
            }
        }
        assertThat(file).doesNotExist();
        assertThat(dataDir.resolve("earnings.csv.partial")).doesNotExist();
    }

    private static List<CSVRecord> read(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
