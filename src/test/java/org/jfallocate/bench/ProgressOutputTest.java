package org.jfallocate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/** The terminal sees a line per point and the warnings; jmh.log sees everything JMH prints. */
class ProgressOutputTest {

    @Test
    void terminalGetsProgressAndWarnings_logGetsEverything() throws Exception {
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream termBytes = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
        PrintStream term = new PrintStream(termBytes, true, StandardCharsets.UTF_8);
        AtomicLong now = new AtomicLong();
        ProgressOutput.Clock clock = new ProgressOutput.Clock(now::get);
        ProgressOutput out = new ProgressOutput(OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL),
                term, clock, "ext4", 4);
        out.println("# Run progress: 0.00% complete, ETA 00:01:00");
        out.println("# Warmup Iteration   1: 12.3 us/op");
        out.write("<forked VM stderr> WARNING: something the user must see\n".getBytes(StandardCharsets.UTF_8));
        out.println("java.io.IOException: No space left on device");
        out.close();
        String terminal = termBytes.toString(StandardCharsets.UTF_8);
        String logged = logBytes.toString(StandardCharsets.UTF_8);
        assertEquals(List.of("bench: [ext4] <forked VM stderr> WARNING: something the user must see",
                "bench: [ext4] java.io.IOException: No space left on device"), terminal.lines().toList());
        assertTrue(logged.contains("# Run progress: 0.00% complete") && logged.contains("# Warmup Iteration   1")
                && logged.contains("WARNING: something") && logged.contains("No space left"), logged);
    }

    @Test
    void estimate_isTheMeanPointTimesThePointsLeft() {
        AtomicLong now = new AtomicLong();
        ProgressOutput.Clock clock = new ProgressOutput.Clock(now::get);
        PrintStream nowhere = new PrintStream(java.io.OutputStream.nullOutputStream());
        ProgressOutput out = new ProgressOutput(OutputFormatFactory.createFormatInstance(nowhere, VerboseMode.SILENT),
                nowhere, clock, "ext4", 4);
        assertTrue(out.left().isEmpty(), "no estimate before a point has finished");
        out.startBenchmark(params());
        now.addAndGet(10_000_000_000L); // the first point takes 10 s
        out.startBenchmark(params());
        // Point 2 of 4 starts: 3 points to go (2, 3, 4), 10 s each.
        assertEquals(java.time.Duration.ofSeconds(30), out.left().orElseThrow());
        assertEquals("bench: [ext4 2/4] ReserveSpaceBenchmark.reserve size=1048576 strategy=FALLOCATE | elapsed 0:10 | ~0:30 left in this group",
                out.line(params()));
        assertEquals("1:02:03", ProgressOutput.clockTime(java.time.Duration.ofSeconds(3723)));
    }

    @Test
    void runEstimate_addsTheFilesystemsToComeAtTheMeanOfTheFinishedOnes() {
        AtomicLong now = new AtomicLong();
        ProgressOutput.Clock clock = new ProgressOutput.Clock(now::get);
        PrintStream nowhere = new PrintStream(java.io.OutputStream.nullOutputStream());
        clock.plan(3);
        clock.enter("ext4");
        ProgressOutput ext4 = new ProgressOutput(OutputFormatFactory.createFormatInstance(nowhere, VerboseMode.SILENT),
                nowhere, clock, "ext4", 2);
        ext4.startBenchmark(params());
        now.addAndGet(10_000_000_000L);
        assertTrue(clock.runLeft(java.time.Duration.ZERO).isEmpty(), "no run estimate before a filesystem is done");
        ext4.startBenchmark(params());
        now.addAndGet(10_000_000_000L);
        clock.enter("xfs"); // ext4 took 20 s
        ProgressOutput xfs = new ProgressOutput(OutputFormatFactory.createFormatInstance(nowhere, VerboseMode.SILENT),
                nowhere, clock, "xfs", 2);
        xfs.startBenchmark(params());
        now.addAndGet(10_000_000_000L);
        xfs.startBenchmark(params());
        // xfs's last point (10 s, the mean point) and one more filesystem at ext4's 20 s.
        assertEquals("bench: [xfs 2/2 · fs 2/3] ReserveSpaceBenchmark.reserve size=1048576 strategy=FALLOCATE"
                + " | elapsed 0:30 | ~0:10 left in this group, ~0:30 in the run", xfs.line(params()));
    }

    @Test
    void chunkBytes_isShownOnlyForTheStrategyThatUsesIt() {
        PrintStream nowhere = new PrintStream(java.io.OutputStream.nullOutputStream());
        ProgressOutput out = new ProgressOutput(OutputFormatFactory.createFormatInstance(nowhere, VerboseMode.SILENT),
                nowhere, new ProgressOutput.Clock(() -> 0L), "ext4", 1);
        String plain = out.line(params(java.util.Map.of("strategy", "FALLOCATE", "chunkBytes", "1048576", "dir", "/mnt")));
        String chunked = out.line(params(java.util.Map.of("strategy", "CHUNKED_KEEP_SIZE", "chunkBytes", "1048576", "dir", "/mnt")));
        assertTrue(plain.contains("strategy=FALLOCATE |"), plain);
        assertFalse(plain.contains("chunkBytes"), plain);
        assertTrue(chunked.contains("chunkBytes=1048576 strategy=CHUNKED_KEEP_SIZE |"), chunked);
    }

    private static org.openjdk.jmh.infra.BenchmarkParams params() {
        return params(java.util.Map.of("size", "1048576", "strategy", "FALLOCATE", "dir", "/mnt/ext4"));
    }

    private static org.openjdk.jmh.infra.BenchmarkParams params(java.util.Map<String, String> values) {
        java.util.TreeMap<String, String> p = new java.util.TreeMap<>(values);
        org.openjdk.jmh.runner.WorkloadParams wp = new org.openjdk.jmh.runner.WorkloadParams();
        p.forEach((k, v) -> wp.put(k, v, 0));
        org.openjdk.jmh.runner.options.TimeValue t = org.openjdk.jmh.runner.options.TimeValue.seconds(1);
        org.openjdk.jmh.infra.IterationParams it = new org.openjdk.jmh.infra.IterationParams(
                org.openjdk.jmh.runner.IterationType.MEASUREMENT, 1, t, 1);
        return new org.openjdk.jmh.infra.BenchmarkParams("org.jfallocate.bench.ReserveSpaceBenchmark.reserve",
                "org.jfallocate.bench.jmh_generated.X", false, 1, new int[] {1}, List.<String>of(), 1, 0, it, it,
                org.openjdk.jmh.annotations.Mode.AverageTime, wp, java.util.concurrent.TimeUnit.MICROSECONDS, 1,
                "java", List.<String>of(), "25", "OpenJDK", "25", "1.37", t);
    }
}
