package org.jfallocate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.google.gson.JsonParser;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Percentiles in results.csv come from the histogram of all forks merged, with the merged
 * count as their samples, and only where there are enough samples.
 */
class PercentilesTest {
    private static final CsvRow.Context CONTEXT =
            new CsvRow.Context("20261201-000000-host", "host", "6.18.0", "OpenJDK 25", "cpu", "xfs", "/dev/loop3");

    /** A DurableAppend point measured in 2 forks of 2 iterations, as JMH's JSON has it. */
    private static final String JSON = """
            [ { "benchmark" : "org.jfallocate.bench.DurableAppendBenchmark.append", "mode" : "ss",
                "forks" : 2, "measurementIterations" : 2,
                "params" : { "dir" : "/mnt/xfs/bench", "recordBytes" : "4096", "strategy" : "FALLOCATE", "syncEvery" : "1" },
                "primaryMetric" : { "score" : 150.0, "scoreError" : 10.0, "scoreUnit" : "us/op",
                                    "rawData" : [ [ 140.0, 150.0 ], [ 150.0, 160.0 ] ] } } ]
            """;
    private static final Map<String, String> PARAMS =
            Map.of("dir", "/mnt/xfs/bench", "recordBytes", "4096", "strategy", "FALLOCATE", "syncEvery", "1");

    @Test
    void twoForks_areMergedBeforeThePercentileIsTaken(@TempDir Path histograms) throws Exception {
        String name = HistogramNames.of("DurableAppendBenchmark.append", "xfs", PARAMS);
        assertEquals("DurableAppendBenchmark.append__xfs__FALLOCATE__sync1_recordBytes=4096", name);
        // Fork 1: 600 fast records. Fork 2: 594 slower ones and 6 stalls. Fork 2's own p99 is 200 us,
        // fork 1's 100 us: their mean, 150 us, is no percentile of anything. Merged, 1,188 of 1,200
        // records take at most 200 us: p99 = 200 us.
        MetricsProfiler.writeHistogram(histograms, name, histogram(600, 100, 0, 0, 0));
        MetricsProfiler.writeHistogram(histograms, name, histogram(0, 0, 594, 6, 5000));

        Map<String, CsvRow> rows = rows(histograms);
        assertEquals("1200", rows.get("p99").samples(), "the merged histogram's count");
        assertEquals(200, Double.parseDouble(rows.get("p99").value()), 0.5);
        assertEquals(100, Double.parseDouble(rows.get("p50").value()), 0.5);
        assertEquals(200, Double.parseDouble(rows.get("p90").value()), 0.5);
        assertEquals(5000, Double.parseDouble(rows.get("max").value()), 5);
        assertEquals(List.of("2", "2"), List.of(rows.get("p99").forks(), rows.get("p99").iterations()));
        assertEquals("us", rows.get("p99").unit());

        CsvRow p999 = rows.get("p99.9");
        assertEquals("", p999.value(), "1,200 samples are too few for p99.9");
        assertEquals("1200", p999.samples());
        assertEquals("too few samples for p99.9: 1200, it needs 10000 (10 beyond it)", p999.note());
        assertTrue(Files.readString(histograms.resolve(name + ".hgrm")).contains("Total count    =         1200"),
                "the .hgrm file is the merged distribution too");
    }

    @Test
    void aPointOf512Samples_getsNoP99() {
        Map<String, CsvRow> rows = Percentiles.rows(CONTEXT, CsvRow.Point.of("DurableAppendBenchmark.append", "NONE"),
                histogram(512, 100, 0, 0, 0)).stream().collect(Collectors.toMap(CsvRow::metric, Function.identity()));
        assertEquals("", rows.get("p99").value());
        assertEquals("too few samples for p99: 512, it needs 1000 (10 beyond it)", rows.get("p99").note());
        assertEquals("", rows.get("p99.9").value());
        assertEquals(100, Double.parseDouble(rows.get("p90").value()), 0.5, "p90 needs 100 samples");
        assertEquals("512", rows.get("max").samples());
    }

    @Test
    void thresholds_are10BeyondThePercentile() {
        for (Percentiles.Level level : Percentiles.LEVELS) {
            assertEquals(Math.round(10 / (1 - level.percent() / 100)), level.minSamples(), level.metric());
        }
        Map<String, CsvRow> justEnough = Percentiles.rows(CONTEXT, CsvRow.Point.of("X.y", ""), histogram(1000, 100, 0, 0, 0))
                .stream().collect(Collectors.toMap(CsvRow::metric, Function.identity()));
        assertEquals(100, Double.parseDouble(justEnough.get("p99").value()), 0.5, "1,000 samples give a p99");
    }

    private static Map<String, CsvRow> rows(Path histograms) throws Exception {
        return JmhJsonConverter.rows(JsonParser.parseString(JSON).getAsJsonArray(), CONTEXT, histograms).stream()
                .collect(Collectors.toMap(CsvRow::metric, Function.identity()));
    }

    /** {@code fast} values of {@code fastUs}, {@code slow} of 200 us and {@code stalls} of {@code stallUs}, in ns. */
    private static Histogram histogram(int fast, long fastUs, int slow, int stalls, long stallUs) {
        Histogram h = SecondaryMetrics.newHistogram();
        if (fast > 0) {
            h.recordValueWithCount(fastUs * 1000, fast);
        }
        if (slow > 0) {
            h.recordValueWithCount(200_000, slow);
        }
        if (stalls > 0) {
            h.recordValueWithCount(stallUs * 1000, stalls);
        }
        return h;
    }
}
