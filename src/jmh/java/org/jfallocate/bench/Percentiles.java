package org.jfallocate.bench;

import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * A point's latency percentiles, from the HdrHistogram of all its iterations and forks merged
 * (never a mean of per-iteration percentiles). A percentile q is published only when the
 * histogram holds at least 10 / (1 - q) samples, so that ten of them lie beyond it: p99 needs
 * 1,000, p99.9 needs 10,000. Otherwise its row has an empty value and a note saying why.
 */
final class Percentiles {
    private Percentiles() {
    }

    private static final double NANOS_PER_MICRO = 1000.0;

    /** A percentile's metric name, its value in percent, and the samples it needs. */
    record Level(String metric, double percent, long minSamples) {
    }

    /** The percentiles written, in this order; {@code max} follows them. */
    static final List<Level> LEVELS = List.of(new Level("p50", 50, 20), new Level("p90", 90, 100),
            new Level("p99", 99, 1_000), new Level("p99.9", 99.9, 10_000));

    /** The rows p50, p90, p99, p99.9 and max (in us) of {@code point}, from its merged histogram in nanoseconds. */
    static List<CsvRow> rows(CsvRow.Context context, CsvRow.Point point, Histogram nanos) {
        List<CsvRow> rows = new ArrayList<>();
        long n = nanos.getTotalCount();
        if (n == 0) {
            return rows;
        }
        for (Level level : LEVELS) {
            if (n >= level.minSamples()) {
                rows.add(CsvRow.measured(context, point, level.metric(), "us",
                        nanos.getValueAtPercentile(level.percent()) / NANOS_PER_MICRO, Double.NaN, n));
            } else {
                rows.add(CsvRow.withheld(context, point, level.metric(), "us", n, String.format(java.util.Locale.ROOT,
                        "too few samples for %s: %d, it needs %d (10 beyond it)", level.metric(), n, level.minSamples())));
            }
        }
        rows.add(CsvRow.measured(context, point, "max", "us", nanos.getMaxValue() / NANOS_PER_MICRO, Double.NaN, n));
        return rows;
    }
}
