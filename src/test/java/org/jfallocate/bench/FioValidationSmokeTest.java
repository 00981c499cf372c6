package org.jfallocate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * make validate end to end, as small as a confidence interval allows: two repetitions of 16
 * records per strategy and side on tmpfs. Real fio, real files: the table lands in the run
 * directory with a row per strategy, fio's JSON beside it, and nothing is left on the filesystem.
 */
class FioValidationSmokeTest {

    @Test
    void tinyRunOnTmpfs_writesTheTableSamplesAndFioOutput(@TempDir Path out) throws Exception {
        Assumptions.assumeTrue(FioRunner.version("fio").isPresent(), "fio is not installed (apt-get install fio)");
        Path shm = Path.of("/dev/shm");
        Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "needs a writable /dev/shm");
        Path dir = Files.createTempDirectory(shm, "validate-smoke-");
        Assumptions.assumeTrue(org.jfallocate.FileSystemInfo.of(dir).type().equals("tmpfs"), "/dev/shm is not tmpfs here");
        try {
            // Relative, as 'make validate RUN=results/<id>' gives it: fio runs in a directory of its own.
            String relativeOut = Path.of("").toAbsolutePath().relativize(out.toAbsolutePath()).toString();
            int status = FioValidation.run(new String[] {"--out", relativeOut, "--dir", dir.toString(),
                    "--reps", "2", "--warmup", "1", "--size", "65536"});
            assertEquals(0, status);

            List<String> csv = Files.readAllLines(out.resolve("validation.csv"));
            assertEquals(String.join(",", ValidationTable.COLUMNS), csv.get(0));
            List<String> strategies = csv.subList(1, csv.size()).stream().map(l -> l.split(",")[1]).sorted().toList();
            assertEquals(List.of("FALLOCATE", "FALLOCATE_KEEP_SIZE", "NONE", "POSIX_FALLOCATE", "SPARSE", "ZERO_FILLED"),
                    strategies, String.join("\n", csv));
            for (String line : csv.subList(1, csv.size())) {
                String[] f = line.split(",");
                assertEquals("tmpfs", f[0], line);
                assertEquals("2", f[2], line);
                for (int i = 3; i < 13; i++) {
                    double v = Double.parseDouble(f[i]);
                    assertTrue(Double.isFinite(v) && v >= 0, line);
                }
                assertTrue(Double.parseDouble(f[3]) > 0 && Double.parseDouble(f[5]) > 0, "both sides measured: " + line);
            }
            String none = csv.stream().filter(l -> l.startsWith("tmpfs,NONE,")).findFirst().orElseThrow();
            assertEquals("1.000", none.split(",")[7], "NONE over itself");

            // 6 strategies x 2 sides x 2 repetitions; one fio JSON per fio run, the warm-up's included.
            assertEquals(1 + 24, Files.readAllLines(out.resolve("validation-samples.csv")).size());
            try (Stream<Path> json = Files.list(out.resolve("fio"))) {
                List<Path> files = json.toList();
                assertEquals(18, files.size(), files.toString());
                assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals("tmpfs-ZERO_FILLED-warmup1.json")));
                assertTrue(Files.readString(files.get(0)).contains("\"fio version\""));
            }
            String md = Files.readString(out.resolve("validation.md"));
            assertTrue(md.contains("| tmpfs | ZERO_FILLED | 2 |") && md.contains("fio-3"), md);
        } finally {
            try (Stream<Path> left = Files.list(dir)) {
                assertEquals(List.of(), left.toList(), "the validation leaves nothing behind");
            }
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void badArguments_exitWith2() throws Exception {
        assertEquals(2, FioValidation.run(new String[] {"--reps", "5"}));
        assertEquals(2, FioValidation.run(new String[] {"--out", "/tmp/x", "--reps", "1"}));
        assertEquals(2, FioValidation.run(new String[] {"--out", "/tmp/x", "--size", "5000"}));
    }

    @Test
    void withoutFio_exitsWith3() throws Exception {
        assertEquals(3, FioValidation.run(new String[] {"--out", "/tmp/x", "--fio", "/nonexistent/fio"}));
    }
}
