package org.jfallocate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile narrows a gated parameter per benchmark, end to end on tmpfs: the quick profile
 * runs the durable appends with fdatasync per record only, and ReserveSpaceBenchmark only
 * with the strategies that act before any write, unsupported rows included.
 */
class ProfileSelectionTest {

    @Test
    void quickProfile_runsEachBenchmarkWithTheValuesItNames() throws Exception {
        Path shm = Path.of("/dev/shm");
        Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "needs a writable /dev/shm");
        Path dir = Files.createTempDirectory(shm, "profile-smoke-");
        System.setProperty("jmh.ignoreLock", "true");
        try (TempRun run = new TempRun()) {
            int status = BenchRunner.run(new String[] {"--out", run.dir.toString(), "--profile", "quick", "-f", "1", "-wi", "0",
                    "-i", "1", "-p", "dir=" + dir, "-p", "size=1048576", "ReserveSpaceBenchmark.reserve$|DurableAppendBenchmark"});
            assertEquals(0, status);
            List<String> lines = Files.readAllLines(run.dir.resolve("results.csv"));
            int benchmark = CsvRow.COLUMNS.indexOf("benchmark");
            int strategy = CsvRow.COLUMNS.indexOf("strategy");
            int params = CsvRow.COLUMNS.indexOf("params");
            int metric = CsvRow.COLUMNS.indexOf("metric");
            Set<String> reserveStrategies = new TreeSet<>();
            Set<String> durableParams = new TreeSet<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                if (f[benchmark].equals("ReserveSpaceBenchmark.reserve")) {
                    reserveStrategies.add(f[strategy]);
                } else if (f[benchmark].equals("DurableAppendBenchmark.append") && f[metric].equals("score")) {
                    // (score rows only: a note of a withheld percentile holds a comma)
                    durableParams.add(f[params].replaceAll("chunkBytes=[0-9]+;?", ""));
                }
            }
            Set<String> reservations = new TreeSet<>();
            Strategy.RESERVATIONS.forEach(s -> reservations.add(s.name()));
            assertEquals(reservations, reserveStrategies, "measured and unsupported rows together: " + lines);
            assertFalse(reserveStrategies.contains("RECYCLED"));
            assertEquals(Set.of("writePath=FDATASYNC_EACH"), durableParams, String.join("\n", lines));
            assertTrue(lines.stream().anyMatch(l -> l.contains(",DurableAppendBenchmark.append,CHUNKED_KEEP_SIZE,")),
                    "the new strategies run in the headline");
        } finally {
            try (var files = Files.list(dir)) {
                assertEquals(List.of(), files.toList(), "the benchmark leaves nothing behind");
            }
            Files.deleteIfExists(dir);
        }
    }

    /** The run directory, removed afterwards. */
    private static final class TempRun implements AutoCloseable {
        final Path dir;

        TempRun() throws java.io.IOException {
            dir = Files.createTempDirectory("profile-run-").resolve("20261201-000000-profile");
        }

        @Override
        public void close() throws java.io.IOException {
            try (var all = Files.walk(dir.getParent())) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
