package com.gametriggers.companion.export;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CounterDelta;
import com.gametriggers.companion.domain.DailyCounters;
import com.gametriggers.companion.domain.Participation;

/**
 * The earnings and the showings as CSV (RFC 4180: a header row, comma-separated, quoted where needed, CRLF line ends;
 * the caller writes UTF-8). Dates are ISO 8601 in UTC and amounts plain decimals with a point, so a spreadsheet in any
 * language reads them the same; the daily buckets are UTC days, as the platform keeps them.
 */
public final class CsvExport {

    /** What can be exported. */
    public enum Kind {
        EARNINGS, SHOWINGS;

        public static Kind parse(String name) {
            for (Kind kind : values()) {
                if (kind.name().equalsIgnoreCase(name)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("An export is \"earnings\" or \"showings\", not \"" + name + "\".");
        }
    }

    static final List<String> EARNINGS_HEADER = List.of("day", "campaign_id", "brand", "campaign", "participation_id",
            "impressions", "unbilled_impressions", "clicks", "chat_clicks", "qr_scans", "link_clicks", "filtered_clicks",
            "unbilled_clicks", "earnings");
    static final List<String> SHOWINGS_HEADER = List.of("at", "showing_id", "campaign_id", "brand", "campaign",
            "participation_id", "impressions", "seconds_on_air", "billable", "outcome", "reason");

    private CsvExport() {
    }

    /**
     * Writes the export of {@code from} to {@code to}, both inclusive (UTC days).
     *
     * @return the rows written, the header not counted
     */
    public static int write(Kind kind, ExportSource source, LocalDate from, LocalDate to, Writer out) throws IOException {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("The export's first day (" + from + ") is after its last (" + to + ").");
        }
        List<Participation> participations = source.participations();
        Map<String, Campaign> campaigns = source.campaigns(participations.stream().map(Participation::campaignId)
                .distinct().toList()).stream().collect(Collectors.toMap(Campaign::id, Function.identity(), (a, b) -> a));
        List<List<String>> rows = kind == Kind.EARNINGS
                ? earnings(source.dailyCounters(participations.stream().map(Participation::id).toList(), from, to),
                        participations, campaigns)
                : showings(source.showings(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()), campaigns);
        writeRow(out, kind == Kind.EARNINGS ? EARNINGS_HEADER : SHOWINGS_HEADER);
        for (List<String> row : rows) {
            writeRow(out, row);
        }
        out.flush();
        return rows.size();
    }

    private static List<List<String>> earnings(List<DailyCounters> days, List<Participation> participations,
                                               Map<String, Campaign> campaigns) {
        Map<String, String> campaignOf = participations.stream()
                .collect(Collectors.toMap(Participation::id, Participation::campaignId));
        List<List<String>> rows = new ArrayList<>();
        for (DailyCounters day : days) {
            String campaignId = campaignOf.get(day.day().participationId());
            Campaign campaign = campaigns.get(campaignId);
            CounterDelta c = day.counts();
            rows.add(List.of(day.day().day().toString(), nullToEmpty(campaignId), brand(campaign), name(campaign),
                    day.day().participationId(), number(c.impressions()), number(c.unbilledImpressions()),
                    number(c.clicks()), number(c.chatClicks()), number(c.qrScans()), number(c.linkClicks()),
                    number(c.filteredClicks()), number(c.unbilledClicks()), amount(day.earnings())));
        }
        return rows;
    }

    private static List<List<String>> showings(List<Activity> showings, Map<String, Campaign> campaigns) {
        List<List<String>> rows = new ArrayList<>();
        for (Activity showing : showings) {
            Campaign campaign = campaigns.get(showing.campaignId());
            rows.add(List.of(showing.at().toString(), showing.id(), nullToEmpty(showing.campaignId()), brand(campaign),
                    name(campaign), showing.participationId(), number(showing.impressions()),
                    showing.secondsOnAir() > 0 ? number(showing.secondsOnAir()) : "",
                    Boolean.toString(showing.outcome().billable()), showing.outcome().wireName(),
                    showing.outcome().billable() ? "" : showing.outcome().reason()));
        }
        return rows;
    }

    private static String brand(Campaign campaign) {
        return campaign == null ? "" : nullToEmpty(campaign.brandName());
    }

    private static String name(Campaign campaign) {
        return campaign == null ? "" : nullToEmpty(campaign.name());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String number(long value) {
        return Long.toString(value);
    }

    private static String amount(BigDecimal value) {
        return value.stripTrailingZeros().scale() < 2 ? value.setScale(2).toPlainString()
                : value.stripTrailingZeros().toPlainString();
    }

    private static void writeRow(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    /**
     * Quoted when it holds a comma, a quote or a line break (quotes doubled). A text a sponsor chose that starts like
     * a formula (=, +, -, @) gets a leading apostrophe, so a spreadsheet shows it rather than running it.
     */
    static String field(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !isNumber(value) ? "'" + value : value;
        if (safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The file name an export of these days is offered under. */
    public static String fileName(Kind kind, LocalDate from, LocalDate to) {
        return "gametriggers-" + kind.name().toLowerCase(Locale.ROOT) + "-" + from + "-to-" + to + ".csv";
    }
}
