package org.jfallocate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner end to end on tmpfs, as small as JMH allows (one fork, one single-shot
 * iteration, 1 MiB): a real measurement lands in results.csv, a strategy tmpfs cannot do
 * lands there as unsupported, and the environment file says what it ran on.
 */
class BenchRunnerSmokeTest {

    @Test
    void runOnTmpfs_writesMeasuredAndUnsupportedRowsAndTheEnvironment(@TempDir Path out) throws Exception {
        Path shm = Path.of("/dev/shm");
        Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "needs a writable /dev/shm");
        Path dir = Files.createTempDirectory(shm, "bench-smoke-");
        Assumptions.assumeTrue(org.jfallocate.FileSystemInfo.of(dir).type().equals("tmpfs"), "/dev/shm is not tmpfs here");
        // Another JMH run on this machine (someone's benchmark) must not fail this test.
        System.setProperty("jmh.ignoreLock", "true");
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            Path run = out.resolve("20261123-000000-smoke");
            int status = BenchRunner.run(new String[] {"--out", run.toString(), "-f", "1", "-wi", "0", "-i", "1",
                    "-p", "dir=" + dir, "-p", "strategy=FALLOCATE,ZERO_RANGE", "-p", "size=1048576",
                    "ReserveSpaceBenchmark.reserve$"});
            assertEquals(0, status);

            List<String> lines = Files.readAllLines(run.resolve("results.csv"));
            assertEquals(String.join(",", CsvRow.COLUMNS), lines.get(0));
            String score = lines.stream().filter(l -> l.contains(",tmpfs,") && l.contains(
                    ",ReserveSpaceBenchmark.reserve,FALLOCATE,1048576,,,score,us/op,")).findFirst()
                    .orElseThrow(() -> new AssertionError(String.join("\n", lines)));
            // The JMH console printed "101333,065 us/op" under this locale; the CSV must not.
            String value = score.substring(score.indexOf(",score,us/op,") + ",score,us/op,".length()).split(",")[0];
            assertTrue(value.matches("[0-9]+(\\.[0-9]+)?") && Double.parseDouble(value) > 0, score);
            assertTrue(score.endsWith(",1,,,1,1"), "one sample, no note, no other parameter, 1 fork of 1 iteration: " + score);
            assertTrue(lines.stream().anyMatch(l -> l.contains(
                    ",ReserveSpaceBenchmark.reserve,ZERO_RANGE,,,,unsupported,,,,,") && l.contains("EOPNOTSUPP")),
                    String.join("\n", lines));
            assertTrue(Files.exists(run.resolve("jmh-tmpfs.json")));

            String env = Files.readString(run.resolve("environment"));
            for (String key : List.of("run_id=20261123-000000-smoke", "host=", "kernel=", "jdk=", "cpu=", "cores=",
                    "memory=", "os=", "profile=quick", "jmh_args=", "date_utc=", "fs.tmpfs=")) {
                assertTrue(env.contains("\n" + key) || env.startsWith(key), key + " missing in\n" + env);
            }
        } finally {
            Locale.setDefault(saved);
            try (var files = Files.list(dir)) {
                assertEquals(List.of(), files.toList(), "the benchmark leaves nothing behind");
            }
            Files.deleteIfExists(dir);
        }
    }
}
