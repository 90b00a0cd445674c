package com.gametriggers.companion.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** How the benchmark mains print what they measured, the same way in every table. */
public final class BenchFigures {

    private BenchFigures() {
    }

    /** Nearest rank of {@code percent} (0 to 100) on a sorted array; 0 when empty. */
    public static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    /** Nanoseconds as milliseconds with three significant figures or so: 0.37, 11.4, 168. */
    public static String ms(long nanos) {
        double ms = nanos / 1e6;
        return ms < 10 ? String.format(Locale.ROOT, "%.2f", ms)
                : ms < 100 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%,.0f", ms);
    }

    /** The machine's load as {@code /proc/loadavg} has it, so a figure can be read against how busy it was. */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | UncheckedIOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
