package org.jfallocate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.openjdk.jmh.util.ListStatistics;

/**
 * Runs src/jmh/c/fallocate_loop (built by the Makefile) in {@code dir}: the same call as
 * BindingOverheadBenchmark from C, the physical limit. One value per repeat, each the
 * mean ns per call over {@code calls} calls.
 */
final class CBaseline {
    private CBaseline() {
    }

    static final String BENCHMARK = "BindingOverheadBenchmark.c";

    static CsvRow run(Path binary, Path dir, CsvRow.Context context, long calls, int repeats)
            throws IOException, InterruptedException {
        Path file = dir.resolve("fallocate_loop.tmp");
        Process p = new ProcessBuilder(binary.toString(), file.toString(), Long.toString(calls), Integer.toString(repeats))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IOException(binary + " exited with " + rc + ": " + out.strip());
        }
        List<Double> values = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            values.add(Double.parseDouble(line.strip()));
        }
        ListStatistics stats = new ListStatistics();
        values.forEach(stats::addValue);
        System.out.printf(java.util.Locale.ROOT, "C baseline (%s): %s ns/op per repeat%n", dir, values);
        return CsvRow.measured(context, BENCHMARK, "C", "", "", "", "score", "ns/op", stats.getMean(),
                stats.getMeanErrorAt(0.999), stats.getN());
    }
}
