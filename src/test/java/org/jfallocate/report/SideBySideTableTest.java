package org.jfallocate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The report's table of speed-ups measured side by side with plain appends. */
class SideBySideTableTest {

    private static final String SIDE_BY_SIDE = "SideBySideAppendBenchmark.append";
    private static final String PARAMS = "chunkBytes=1048576;writePath=FDATASYNC_EACH";

    private static Measurement row(String fs, String strategy, String metric, String unit, double value, double error) {
        return new Measurement("r1", "h", "k", "jdk", "cpu", fs, "/dev/loop0", SIDE_BY_SIDE, strategy, OptionalLong.empty(),
                OptionalLong.of(4096), OptionalLong.of(1), metric, unit, OptionalDouble.of(value), OptionalDouble.of(error),
                OptionalLong.of(6), "", PARAMS, 2);
    }

    private static Run run(List<Measurement> ms) {
        return new Run(Path.of("r1"), "r1", "h", Map.of("profile", "quick"), ms, List.of());
    }

    @Test
    void eachSpeedUp_isARow_withItsVerdictAndBothSidesTimes_largestFirstPerFilesystem() {
        List<Measurement> ms = new ArrayList<>(List.of(
                row("xfs", "NONE", "record_us", "us", 449, 87), row("xfs", "SPARSE", "record_us", "us", 491, 88),
                row("xfs", "SPARSE", "speedup", "x", 0.914, 0.068), row("xfs", "ZERO_FILLED", "record_us", "us", 236, 50),
                row("xfs", "ZERO_FILLED", "speedup", "x", 1.90, 0.16), row("xfs", "FALLOCATE", "speedup", "x", 1.06, 0.09),
                row("ext4", "ZERO_FILLED", "speedup", "x", 2.09, 0.19)));
        Run r = run(ms);
        Table t = SideBySideTable.of(List.of(r), new RunLabels(List.of(r))).orElseThrow();
        assertEquals(List.of("fs", "Workload", "Strategy", "Speed-up over NONE", "Verdict", "Time per record",
                "NONE's time per record", "Iterations"), t.headers());
        assertEquals(List.of(
                List.of("ext4", "durable 4 KiB appends, fdatasync every record", "ZERO_FILLED", "2.09 ± 0.19×", "significant",
                        "", "", "6"),
                List.of("xfs", "durable 4 KiB appends, fdatasync every record", "ZERO_FILLED", "1.90 ± 0.16×", "significant",
                        "236 ± 50 µs", "449 ± 87 µs", "6"),
                List.of("xfs", "durable 4 KiB appends, fdatasync every record", "FALLOCATE", "1.06 ± 0.09×", "within error",
                        "", "449 ± 87 µs", "6"),
                List.of("xfs", "durable 4 KiB appends, fdatasync every record", "SPARSE", "1.09 ± 0.08× slower", "significant",
                        "491 ± 88 µs", "449 ± 87 µs", "6")), t.rows());
    }

    @Test
    void aRunWithoutSideBySideRows_hasNoTable() {
        Run r = run(List.of(new Measurement("r1", "h", "k", "jdk", "cpu", "ext4", "/dev/loop0", "DurableAppendBenchmark.append",
                "NONE", OptionalLong.empty(), OptionalLong.of(4096), OptionalLong.of(1), "score", "us/op",
                OptionalDouble.of(500), OptionalDouble.of(20), OptionalLong.of(12), "", PARAMS, 2)));
        assertTrue(SideBySideTable.of(List.of(r), new RunLabels(List.of(r))).isEmpty());
    }
}
