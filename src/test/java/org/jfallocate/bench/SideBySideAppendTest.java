package org.jfallocate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.jfallocate.FileLayout;
import org.jfallocate.testing.FsMatrix;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SideBySideAppendBenchmark on a real filesystem: every supported strategy's file filled with
 * durable records in one iteration, each strategy's speed-up over NONE the ratio of their timed
 * work, the files visited in an order that gives no strategy a fixed predecessor, and the rows
 * results.csv gets from it.
 */
class SideBySideAppendTest {

    private static Path disk() {
        Path ext4 = FsMatrix.ofEnvironment().get("ext4");
        Assumptions.assumeTrue(ext4 != null, "needs bin/with-fs-matrix's ext4 (JFALLOCATE_MATRIX=" + FsMatrix.raw() + ")");
        return ext4;
    }

    private static SideBySideAppendBenchmark benchmark(Path dir) {
        SideBySideAppendBenchmark b = new SideBySideAppendBenchmark();
        b.dir = dir.toString();
        b.writePath = WritePath.FDATASYNC_EACH;
        b.recordBytes = 4096;
        b.chunkBytes = 1 << 20;
        return b;
    }

    @Test
    void oneIteration_fillsEveryStrategysFile_andReportsEachSpeedUpAsNonesTimeOverItsOwn() throws IOException {
        SideBySideAppendBenchmark b = benchmark(disk());
        b.findStrategies();
        try {
            List<Strategy> strategies = b.strategies();
            assertEquals(Strategy.NONE, strategies.get(0));
            assertTrue(strategies.containsAll(List.of(Strategy.ZERO_FILLED, Strategy.RECYCLED, Strategy.FALLOCATE)),
                    strategies.toString());
            DirectorySupport probe = DirectorySupport.probe(disk());
            for (Strategy s : Strategy.values()) {
                assertEquals(s.requirement().unmetIn(probe).isEmpty(), strategies.contains(s), s + " measured iff supported");
            }
            SecondaryMetrics.reset();
            b.reserveLogs();
            b.visits = new java.util.ArrayList<>();
            long end = b.append();
            // Record by record, every file once per round, in a new order each round.
            int n = strategies.size();
            assertEquals(n * DurableAppendBenchmark.RECORDS, b.visits.size());
            java.util.Set<List<Integer>> orders = new java.util.HashSet<>();
            int recycledAfterZeroFilled = 0;
            int zeroFilled = strategies.indexOf(Strategy.ZERO_FILLED);
            int recycled = strategies.indexOf(Strategy.RECYCLED);
            for (int r = 0; r < DurableAppendBenchmark.RECORDS; r++) {
                List<Integer> round = b.visits.subList(r * n, (r + 1) * n);
                assertEquals(n, new java.util.HashSet<>(round).size(), "round " + r + ": every file once, " + round);
                orders.add(List.copyOf(round));
                recycledAfterZeroFilled += round.indexOf(recycled) == round.indexOf(zeroFilled) + 1 ? 1 : 0;
            }
            assertTrue(orders.size() > DurableAppendBenchmark.RECORDS / 2, orders.size() + " distinct orders");
            assertTrue(recycledAfterZeroFilled < DurableAppendBenchmark.RECORDS / 4,
                    "RECYCLED right after ZERO_FILLED in " + recycledAfterZeroFilled + " rounds");
            long bytes = (long) DurableAppendBenchmark.RECORDS * 4096;
            assertEquals(bytes * strategies.size(), end, "the bytes written into all the files");
            for (Path f : b.files()) {
                assertEquals(bytes, Files.size(f), f + ": filled to the segment's size");
                FileLayout layout = FileLayout.of(f);
                assertEquals(0, layout.holeBytes(), f + ": no hole left");
                assertEquals(0, layout.unwrittenBytes(), f + ": every block written");
            }
            Map<String, SecondaryMetrics.Gauge> gauges = SecondaryMetrics.gauges();
            double none = gauges.get("record_us@NONE").value();
            assertTrue(none > 0, gauges.toString());
            for (Strategy s : strategies) {
                double mine = gauges.get("record_us@" + s.name()).value();
                assertTrue(mine > 0, s + ": " + mine);
                if (s == Strategy.NONE) {
                    assertFalse(gauges.containsKey("speedup@NONE"), "NONE against itself is no result");
                } else {
                    assertEquals(none / mine, gauges.get("speedup@" + s.name()).value(), 1e-9 * none / mine, s.name());
                }
            }
            b.removeLogs();
            for (Path f : b.files()) {
                assertFalse(Files.exists(f), f + " removed after the iteration");
            }
        } finally {
            b.removeScratch();
        }
    }

    // A rotating order gave RECYCLED, always after ZERO_FILLED, 1.74x against ZERO_FILLED's 2.17x on ext4 for the
    // same work: each file must follow every other about equally often.
    @Test
    void theOrder_givesEveryFileEveryOtherAsItsPredecessor_equallyOften() {
        int n = 10;
        int rounds = 20_000;
        int[] order = java.util.stream.IntStream.range(0, n).toArray();
        SplittableRandom random = new SplittableRandom(1);
        long[][] follows = new long[n][n];
        for (int r = 0; r < rounds; r++) {
            SideBySideAppendBenchmark.shuffle(order, random);
            for (int k = 1; k < n; k++) {
                follows[order[k - 1]][order[k]]++;
            }
        }
        double expected = (double) rounds / n;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a != b) {
                    assertTrue(Math.abs(follows[a][b] - expected) < 0.15 * expected,
                            b + " after " + a + ": " + follows[a][b] + " times, expected about " + expected);
                }
            }
        }
    }

    private static JmhOutput silent() {
        java.io.PrintStream nowhere = new java.io.PrintStream(java.io.OutputStream.nullOutputStream(), true,
                java.nio.charset.StandardCharsets.UTF_8);
        return (runDir, target, options) -> org.openjdk.jmh.runner.format.OutputFormatFactory.createFormatInstance(nowhere,
                org.openjdk.jmh.runner.options.VerboseMode.SILENT);
    }

    @Test
    void throughTheRunner_eachStrategyGetsSpeedUpAndTimeRows_andNoScoreRow(@TempDir Path out) throws Exception {
        Path dir = disk();
        System.setProperty("jmh.ignoreLock", "true");
        Path run = out.resolve("20261202-000000-sidebyside");
        int status = BenchRunner.run(new String[] {"--out", run.toString(), "--profile", "quick", "-wi", "0", "-i", "2",
                "-p", "dir=" + dir, "SideBySideAppendBenchmark.append$"}, silent());
        assertEquals(0, status);
        List<String> csv = Files.readAllLines(run.resolve("results.csv"));
        List<String> side = csv.stream().filter(l -> l.contains(",SideBySideAppendBenchmark.append,")).toList();
        assertTrue(side.stream().noneMatch(l -> l.contains(",score,")), "the round's score describes no strategy: " + side);
        for (String strategy : List.of("ZERO_FILLED", "RECYCLED", "SPARSE")) {
            String speedup = side.stream().filter(l -> l.contains(",SideBySideAppendBenchmark.append," + strategy + ",")
                    && l.contains(",speedup,x,")).findFirst().orElseThrow(() -> new AssertionError(strategy + ": " + side));
            assertTrue(speedup.contains(",4096,1,speedup,x,") && speedup.contains(",2,,chunkBytes=1048576;writePath=FDATASYNC_EACH,1,2"),
                    "4 KiB records, fdatasync every one, 2 iterations of 1 fork: " + speedup);
        }
        assertTrue(side.stream().anyMatch(l -> l.contains(",NONE,") && l.contains(",record_us,us,")), side.toString());
        assertTrue(side.stream().noneMatch(l -> l.contains(",NONE,") && l.contains(",speedup,")), side.toString());
    }
}
