package org.jfallocate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.options.TimeValue;

/** A point JMH started and did not finish gets a failed row with its strategy and parameters; a finished one none. */
class FailedPointRowsTest {
    private static final CsvRow.Context CONTEXT =
            new CsvRow.Context("20261202-000000-host", "host", "6.18.0", "OpenJDK 25", "cpu", "btrfs", "/dev/loop2");

    @Test
    void aStartedPointWithoutResult_isAFailedRow_namingItsStrategyAndParameters() {
        BenchmarkParams finished = durable("NONE");
        BenchmarkParams failed = durable("ZERO_FILLED");
        List<CsvRow> rows = BenchRunner.failedPointRows(CONTEXT, List.of(finished, failed, failed),
                Set.of(BenchRunner.pointKey(finished)));
        assertEquals(1, rows.size(), "one row per failed point, however often it was started: " + rows);
        CsvRow row = rows.get(0);
        assertEquals("DurableAppendBenchmark.append", row.benchmark());
        assertEquals("ZERO_FILLED", row.strategy());
        assertEquals("failed", row.metric());
        assertEquals("4096", row.recordBytes());
        assertEquals("1", row.syncEvery());
        assertEquals("chunkBytes=1048576;writePath=FDATASYNC_EACH", row.params());
        assertEquals(List.of(), BenchRunner.failedPointRows(CONTEXT, List.of(finished),
                Set.of(BenchRunner.pointKey(finished))));
    }

    private static BenchmarkParams durable(String strategy) {
        Map<String, String> p = new TreeMap<>(Map.of("strategy", strategy, "dir", "/mnt/btrfs", "recordBytes", "4096",
                "chunkBytes", "1048576", "writePath", "FDATASYNC_EACH"));
        WorkloadParams wp = new WorkloadParams();
        p.forEach((k, v) -> wp.put(k, v, 0));
        TimeValue t = TimeValue.seconds(1);
        IterationParams it = new IterationParams(IterationType.MEASUREMENT, 1, t, 1);
        return new BenchmarkParams("org.jfallocate.bench.DurableAppendBenchmark.append",
                "org.jfallocate.bench.jmh_generated.X", false, 1, new int[] {1}, List.<String>of(), 1, 0, it, it,
                org.openjdk.jmh.annotations.Mode.SingleShotTime, wp, java.util.concurrent.TimeUnit.MICROSECONDS, 1,
                "java", List.<String>of(), "25", "OpenJDK", "25", "1.37", t);
    }
}
