package com.gametriggers.companion.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import com.gametriggers.companion.domain.CounterDelta;
import com.gametriggers.companion.domain.DailyCounters;
import com.gametriggers.companion.domain.DailyEarnings;
import com.gametriggers.companion.domain.LocalDays;
import com.gametriggers.companion.domain.ParticipationDay;
import com.gametriggers.companion.domain.ParticipationQuarterHour;
import com.gametriggers.companion.domain.QuarterHourEarnings;
import com.gametriggers.companion.domain.Money;
import com.gametriggers.companion.store.Schema.DailyStatsFields;
import com.gametriggers.companion.store.Schema.ParticipationFields;
import com.gametriggers.companion.store.Schema.QuarterHourFields;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

/**
 * Reads the daily stats buckets ({@code participationdailystats}, UTC days) and the quarter-hour buckets
 * ({@code participationquarterhours}) for the earnings view and the export. Read only, and plain {@code find}s, so it
 * works the same on MongoDB and on the embedded server.
 */
public final class EarningsQueries {

    private final MongoCollection<Document> dailyStats;
    private final MongoCollection<Document> quarterHours;

    EarningsQueries(MongoDatabase database) {
        this.dailyStats = database.getCollection(Schema.DAILY_STATS);
        this.quarterHours = database.getCollection(Schema.QUARTER_HOURS);
    }

    /**
     * What these participations counted and earned on the days {@code from} to {@code to} (inclusive) of
     * {@code zone}, folded by {@link LocalDays#fold} from the UTC days that touch them and their quarter hours.
     *
     * @throws IllegalArgumentException  when an id is not a valid id
     * @throws StoreUnavailableException when the store cannot be reached
     */
    public List<DailyEarnings> localDays(Collection<String> participationIds, ZoneId zone, LocalDate from, LocalDate to) {
        if (participationIds.isEmpty() || from.isAfter(to)) {
            return List.of();
        }
        // Every zone's day lies within the UTC days around it (offsets run from -12:00 to +14:00).
        LocalDate firstUtcDay = from.minusDays(1);
        LocalDate lastUtcDay = to.plusDays(1);
        // Quarters first, then days: a batch writes days first, so what is read never has quarters beyond their day.
        List<QuarterHourEarnings> quarters = quarterHours(participationIds,
                firstUtcDay.atStartOfDay(ZoneOffset.UTC).toInstant(),
                lastUtcDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        List<DailyEarnings> utcDays = daily(participationIds, firstUtcDay, lastUtcDay);
        return LocalDays.fold(utcDays, quarters, zone, from, to);
    }

    /**
     * The quarter-hour buckets of these participations that start in {@code [from, to)}, in one query; ordered by
     * start, then by bucket id. Quarters without a bucket are absent.
     *
     * @throws IllegalArgumentException  when an id is not a valid id
     * @throws StoreUnavailableException when the store cannot be reached
     */
    public List<QuarterHourEarnings> quarterHours(Collection<String> participationIds, Instant from, Instant to) {
        if (participationIds.isEmpty() || !from.isBefore(to)) {
            return List.of();
        }
        try {
            return quarterHours.find(Filters.and(
                            Filters.in(QuarterHourFields.PARTICIPATION_ID, objectIds(participationIds)),
                            Filters.gte(QuarterHourFields.START, Date.from(from)),
                            Filters.lt(QuarterHourFields.START, Date.from(to))))
                    .sort(Sorts.ascending(QuarterHourFields.START, Schema.ID))
                    .map(doc -> new QuarterHourEarnings(
                            new ParticipationQuarterHour(participationId(doc, QuarterHourFields.PARTICIPATION_ID),
                                    doc.getDate(QuarterHourFields.START).toInstant()),
                            count(doc, ParticipationFields.IMPRESSIONS), count(doc, ParticipationFields.CLICKS),
                            earnings(doc)))
                    .into(new ArrayList<>());
        } catch (MongoException e) {
            throw StoreFailures.translate(e);
        }
    }

    /**
     * The daily buckets of these participations from {@code from} to {@code to}, both inclusive (UTC days, as the
     * platform keeps them), in one query; ordered by day, then by bucket id. Days without a bucket are absent.
     *
     * @throws IllegalArgumentException  when an id is not a valid id
     * @throws StoreUnavailableException when the store cannot be reached
     */
    public List<DailyEarnings> daily(Collection<String> participationIds, LocalDate from, LocalDate to) {
        return dailyCounters(participationIds, from, to).stream()
                .map(day -> new DailyEarnings(day.day().day(), day.day().participationId(), day.counts().impressions(),
                        day.counts().clicks(), day.earnings()))
                .toList();
    }

    /** As {@link #daily}, with every counter of each bucket (clicks by type, filtered, unbilled). */
    public List<DailyCounters> dailyCounters(Collection<String> participationIds, LocalDate from, LocalDate to) {
        if (participationIds.isEmpty() || from.isAfter(to)) {
            return List.of();
        }
        try {
            // yyyy-mm-dd strings sort as the dates they name, so a string range is a date range.
            return dailyStats.find(Filters.and(
                            Filters.in(DailyStatsFields.PARTICIPATION_ID, objectIds(participationIds)),
                            Filters.gte(DailyStatsFields.DAY, from.toString()),
                            Filters.lte(DailyStatsFields.DAY, to.toString())))
                    .sort(Sorts.ascending(DailyStatsFields.DAY, Schema.ID))
                    .map(EarningsQueries::toDailyCounters)
                    .into(new ArrayList<>());
        } catch (MongoException e) {
            throw StoreFailures.translate(e);
        }
    }

    private static List<ObjectId> objectIds(Collection<String> participationIds) {
        return participationIds.stream().distinct().map(DocumentMapping::objectId).toList();
    }

    private static String participationId(Document doc, String field) {
        Object participationId = doc.get(field);
        return participationId instanceof ObjectId objectId ? objectId.toHexString() : String.valueOf(participationId);
    }

    private static DailyCounters toDailyCounters(Document doc) {
        ParticipationDay day = new ParticipationDay(participationId(doc, DailyStatsFields.PARTICIPATION_ID),
                LocalDate.parse(doc.getString(DailyStatsFields.DAY)));
        BigDecimal earnings = earnings(doc);
        CounterDelta counts = new CounterDelta(count(doc, ParticipationFields.IMPRESSIONS),
                count(doc, ParticipationFields.CLICKS), count(doc, ParticipationFields.CHAT_CLICKS),
                count(doc, ParticipationFields.QR_SCANS), count(doc, ParticipationFields.LINK_CLICKS),
                count(doc, ParticipationFields.FILTERED_CLICKS), count(doc, ParticipationFields.UNBILLED_IMPRESSIONS),
                count(doc, ParticipationFields.UNBILLED_CLICKS), Money.toMicros(earnings),
                count(doc, ParticipationFields.VIEWER_COUNT_SUM), count(doc, ParticipationFields.VIEWER_SAMPLE_COUNT),
                count(doc, ParticipationFields.PEAK_VIEWER_COUNT));
        return new DailyCounters(day, counts, earnings);
    }

    /** The exact micro-units when the app wrote them, else the platform's own number. */
    private static BigDecimal earnings(Document doc) {
        Object micros = doc.get(ParticipationFields.EARNINGS_MICROS);
        if (micros instanceof Number number) {
            return Money.fromMicros(number.longValue());
        }
        Object estimated = doc.get(ParticipationFields.ESTIMATED_EARNINGS);
        if (estimated instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        if (estimated instanceof Double || estimated instanceof Float) {
            return new BigDecimal(estimated.toString());
        }
        if (estimated instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        return Money.fromMicros(0);
    }

    private static long count(Document doc, String field) {
        Object value = doc.get(field);
        return value instanceof Number number ? number.longValue() : 0L;
    }
}
