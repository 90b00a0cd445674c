package com.gametriggers.companion.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.gametriggers.companion.domain.CounterDelta;
import com.gametriggers.companion.domain.ParticipationDay;
import com.gametriggers.companion.domain.ParticipationQuarterHour;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreSettings;
import com.gametriggers.companion.store.TestIds;

/**
 * What the Earnings section's read costs on the embedded store once a streamer has streamed for a long time: {@code
 * --days} days of {@code --hours} hours on air each, for {@code --participations} sponsors, filed as the tracker files
 * them (a quarter-hour and a day bucket per quarter hour on air), then the section's read of 30 local days timed
 * {@code --reads} times. The embedded server has no secondary indexes: every read scans the buckets.
 *
 * <pre>
 * ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.gametriggers.companion.bench.EarningsReadBenchmark -Dexec.args="--days 365 --hours 6"
 * </pre>
 */
public final class EarningsReadBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int days = Integer.parseInt(options.getOrDefault("days", "365"));
        int hours = Integer.parseInt(options.getOrDefault("hours", "6"));
        int participations = Integer.parseInt(options.getOrDefault("participations", "3"));
        int reads = Integer.parseInt(options.getOrDefault("reads", "20"));
        ZoneId zone = ZoneId.of("America/New_York");

        Path dataDir = Files.createTempDirectory(Path.of("target"), "earnings-read-bench");
        try (MongoStore store = MongoStore.open(StoreSettings.embedded(dataDir))) {
            List<String> ids = new ArrayList<>();
            for (int p = 0; p < participations; p++) {
                ids.add(store.participationUpdates().join(TestIds.newId(), TestIds.newId()).id());
            }
            // An evening stream from 19:00 New York time, one batch per stream, as the buckets end up after a day.
            LocalDate today = LocalDate.of(2026, 12, 1);
            CounterDelta quarter = new CounterDelta(400, 3, 3, 0, 0, 0, 0, 0, 1_800_000, 0, 0, 0);
            long filed = System.nanoTime();
            for (int d = days - 1; d >= 0; d--) {
                Instant start = today.minusDays(d).atTime(19, 0).atZone(zone).toInstant();
                Map<ParticipationDay, CounterDelta> byDay = new HashMap<>();
                Map<ParticipationQuarterHour, CounterDelta> byQuarter = new HashMap<>();
                for (String id : ids) {
                    for (int q = 0; q < hours * 4; q++) {
                        Instant at = start.plus(Duration.ofMinutes(15L * q));
                        byQuarter.put(ParticipationQuarterHour.containing(id, at), quarter);
                        byDay.merge(new ParticipationDay(id, LocalDate.ofInstant(at, ZoneOffset.UTC)), quarter, CounterDelta::plus);
                    }
                }
                store.counterBatches().apply("bench-" + d, Map.of(), byDay, byQuarter, List.of());
            }
            System.out.printf("filed %d days x %d h x %d participations (%,d quarter buckets) in %s ms%n", days, hours,
                    participations, (long) days * hours * 4 * participations, BenchFigures.ms(System.nanoTime() - filed));

            long[] nanos = new long[reads];
            int rows = 0;
            for (int i = 0; i < reads; i++) {
                long began = System.nanoTime();
                rows = store.earnings().localDays(ids, zone, today.minusDays(29), today).size();
                nanos[i] = System.nanoTime() - began;
            }
            Arrays.sort(nanos);
            System.out.printf("30 local days (%d rows), %d reads: median %s ms, p90 %s ms, max %s ms; load %s%n", rows, reads,
                    BenchFigures.ms(BenchFigures.percentile(nanos, 50)), BenchFigures.ms(BenchFigures.percentile(nanos, 90)),
                    BenchFigures.ms(nanos[nanos.length - 1]), BenchFigures.loadAverage());
        }
    }
}
