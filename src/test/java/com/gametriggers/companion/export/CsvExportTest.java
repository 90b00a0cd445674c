package com.gametriggers.companion.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignStatus;
import com.gametriggers.companion.domain.CounterDelta;
import com.gametriggers.companion.domain.DailyCounters;
import com.gametriggers.companion.domain.MediaType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.ParticipationDay;
import com.gametriggers.companion.domain.ParticipationStatus;
import com.gametriggers.companion.domain.PaymentType;

/** The exports read back by an independent CSV parser, as a spreadsheet would read them. */
class CsvExportTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final Campaign NOVA = new Campaign("c1", "Summer \"Rush\", Part 2", "=Nova Energy", "",
            CampaignStatus.ACTIVE, PaymentType.CPM, new BigDecimal("4.50"), null, null, MediaType.IMAGE, null, null, null);
    private static final Participation P1 = new Participation("p1", "c1", "s1", ParticipationStatus.ACTIVE, "token",
            0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0, 0, 0, null, null, "!nova", Instant.EPOCH, Instant.EPOCH);

    /** What the store would answer, and the range each query was asked for. */
    private static final class Source implements ExportSource {
        LocalDate askedFrom;
        LocalDate askedTo;
        Instant showingsFrom;
        Instant showingsTo;

        @Override
        public List<Participation> participations() {
            return List.of(P1);
        }

        @Override
        public List<Campaign> campaigns(Collection<String> campaignIds) {
            return campaignIds.contains("c1") ? List.of(NOVA) : List.of();
        }

        @Override
        public List<DailyCounters> dailyCounters(Collection<String> participationIds, LocalDate from, LocalDate to) {
            askedFrom = from;
            askedTo = to;
            return List.of(new DailyCounters(new ParticipationDay("p1", DAY),
                    new CounterDelta(12_000, 30, 20, 6, 4, 7, 500, 2, 51_750_000, 0, 0, 0), new BigDecimal("51.750000")),
                    new DailyCounters(new ParticipationDay("p1", DAY.plusDays(1)),
                            new CounterDelta(1, 0, 0, 0, 0, 0, 0, 0, 4_500, 0, 0, 0), new BigDecimal("0.004500")));
        }

        @Override
        public List<Activity> showings(Instant from, Instant to) {
            showingsFrom = from;
            showingsTo = to;
            return List.of(
                    new Activity("ticket-1", "s1", "p1", "c1", Activity.Kind.SHOWING,
                            Instant.parse("2026-11-27T23:59:59.250Z"), 1234, Activity.Outcome.COUNTED, 95),
                    new Activity("ticket-2", "s1", "p1", "c1", Activity.Kind.SHOWING,
                            Instant.parse("2026-11-28T00:00:01Z"), 1, Activity.Outcome.OUTSIDE_CAMPAIGN_DATES));
        }
    }

    private final Source source = new Source();

    @Test
    void earningsPerDayAndCampaignWithEveryCounterAndExactAmounts() throws IOException {
        StringWriter out = new StringWriter();

        int rows = CsvExport.write(CsvExport.Kind.EARNINGS, source, DAY, DAY.plusDays(1), out);

        assertThat(rows).isEqualTo(2);
        assertThat(out.toString()).startsWith(String.join(",", CsvExport.EARNINGS_HEADER) + "\r\n");
        List<CSVRecord> read = read(out.toString());
        assertThat(read).hasSize(2);
        CSVRecord first = read.get(0);
        assertThat(first.get("day")).isEqualTo("2026-11-27");
        assertThat(first.get("brand")).as("a formula is shown, not run").isEqualTo("'=Nova Energy");
        assertThat(first.get("campaign")).isEqualTo("Summer \"Rush\", Part 2");
        assertThat(first.get("impressions")).isEqualTo("12000");
        assertThat(first.get("unbilled_impressions")).isEqualTo("500");
        assertThat(first.get("clicks")).isEqualTo("30");
        assertThat(first.get("chat_clicks") + "/" + first.get("qr_scans") + "/" + first.get("link_clicks")).isEqualTo("20/6/4");
        assertThat(first.get("filtered_clicks")).isEqualTo("7");
        assertThat(first.get("unbilled_clicks")).isEqualTo("2");
        assertThat(first.get("earnings")).isEqualTo("51.75");
        assertThat(read.get(1).get("earnings")).as("to the micro, a point, no grouping").isEqualTo("0.0045");
        assertThat(source.askedFrom).isEqualTo(DAY);
        assertThat(source.askedTo).isEqualTo(DAY.plusDays(1));
    }

    @Test
    void showingsOnePerLineInUtcWithWhyTheyDidNotEarn() throws IOException {
        StringWriter out = new StringWriter();

        int rows = CsvExport.write(CsvExport.Kind.SHOWINGS, source, DAY, DAY, out);

        assertThat(rows).isEqualTo(2);
        List<CSVRecord> read = read(out.toString());
        assertThat(read.get(0).toMap()).containsEntry("at", "2026-11-27T23:59:59.250Z")
                .containsEntry("showing_id", "ticket-1").containsEntry("impressions", "1234")
                .containsEntry("seconds_on_air", "95")
                .containsEntry("billable", "true").containsEntry("outcome", "counted").containsEntry("reason", "");
        assertThat(read.get(1).toMap()).containsEntry("billable", "false")
                .as("its page closed before the showing ended").containsEntry("seconds_on_air", "")
                .containsEntry("outcome", "outside_campaign_dates").containsEntry("reason", "outside the campaign's dates");
        assertThat(source.showingsFrom).as("the whole first UTC day").isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
        assertThat(source.showingsTo).as("up to the end of the last").isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
    }

    @Test
    void fieldsAreQuotedOnlyWhereRfc4180AsksAndFormulasAreDefused() {
        assertThat(CsvExport.field("plain")).isEqualTo("plain");
        assertThat(CsvExport.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvExport.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvExport.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvExport.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvExport.field("-12.5")).as("a negative number stays a number").isEqualTo("-12.5");
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsOneSentence() {
        assertThatThrownBy(() -> CsvExport.write(CsvExport.Kind.EARNINGS, source, DAY, DAY.minusDays(1), new StringWriter()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The export's first day (2026-11-27) is after its last (2026-11-26).");
        assertThatThrownBy(() -> CsvExport.Kind.parse("impressions"))
                .hasMessage("An export is \"earnings\" or \"showings\", not \"impressions\".");
    }

    private static List<CSVRecord> read(String csv) throws IOException {
        try (Reader reader = new StringReader(csv)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
