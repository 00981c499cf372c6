package org.jfallocate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The latency curves are read from what HdrHistogram itself writes, not from a hand-made imitation. */
class HistogramTest {

    @TempDir
    Path tmp;

    private static String hdrOutput() {
        org.HdrHistogram.Histogram h = new org.HdrHistogram.Histogram(3_600_000_000L, 3);
        for (int i = 1; i <= 10_000; i++) {
            h.recordValue(i); // microseconds 1..10000: p50 = 5000, p99 = 9900
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        h.outputPercentileDistribution(new PrintStream(out, true, StandardCharsets.UTF_8), 1.0);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void read_parsesHdrHistogramsPercentileDistribution() throws IOException {
        Path file = Files.writeString(tmp.resolve("DurableAppendBenchmark.append__xfs__FALLOCATE__sync16.hgrm"), hdrOutput());
        Histogram h = Histogram.read(file);
        assertEquals("DurableAppendBenchmark.append", h.benchmark());
        assertEquals("xfs", h.fsType());
        assertEquals("FALLOCATE", h.strategy());
        assertEquals("sync16", h.params());
        assertEquals(1.0, h.points().get(h.points().size() - 1).percentile());
        for (int i = 1; i < h.points().size(); i++) {
            assertTrue(h.points().get(i).percentile() >= h.points().get(i - 1).percentile(), "percentiles ascend");
        }
        Histogram.Point median = h.points().stream().filter(p -> p.percentile() >= 0.5).findFirst().orElseThrow();
        assertEquals(5000, median.micros(), 5000 * 0.002, "p50 within the histogram's 3 significant digits");
        Histogram.Point p99 = h.points().stream().filter(p -> p.percentile() >= 0.99).findFirst().orElseThrow();
        assertEquals(9900, p99.micros(), 9900 * 0.002);
    }

    @Test
    void read_rejectsANameOutsideTheContract() throws IOException {
        Path file = Files.writeString(tmp.resolve("latency.hgrm"), hdrOutput());
        BadResultsException e = assertThrows(BadResultsException.class, () -> Histogram.read(file));
        assertEquals(file + ": histogram file name must be <benchmark>__<fs_type>__<strategy>__<params>.hgrm", e.getMessage());
    }

    @Test
    void read_rejectsAGarbledLine_namingIt() throws IOException {
        String text = hdrOutput();
        String[] lines = text.split("\n");
        lines[5] = "     123.000 not-a-number    17";
        Path file = Files.writeString(tmp.resolve("A.b__ext4__NONE__sync1.hgrm"), String.join("\n", lines) + "\n");
        BadResultsException e = assertThrows(BadResultsException.class, () -> Histogram.read(file));
        assertEquals(file + ":6: not a number: 123.000 not-a-number    17", e.getMessage());
    }
}
