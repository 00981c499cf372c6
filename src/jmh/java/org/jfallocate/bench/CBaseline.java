package org.jfallocate.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openjdk.jmh.util.ListStatistics;
import org.jfallocate.testing.ChildProcess;

/**
 * Runs src/jmh/c/fallocate_loop (built by the Makefile) in {@code dir}: the same call as
 * BindingOverheadBenchmark from C. One value per repeat, each the mean ns per call over
 * {@code calls} calls. Two variants: {@code C}, a single-threaded process, and
 * {@code C_THREADED}, the same loop with an idle second thread, which is the limit a JVM
 * can reach (the kernel's descriptor lookup is cheaper in single-threaded processes only).
 */
final class CBaseline {
    private CBaseline() {
    }

    static final String BENCHMARK = "BindingOverheadBenchmark.c";
    /** A million calls take about a second a repeat here; a loop still running after this is stuck. */
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    static final String BENCHMARK_THREADED = "BindingOverheadBenchmark.c_threaded";

    static CsvRow run(Path binary, Path dir, CsvRow.Context context, long calls, int repeats, boolean threaded)
            throws IOException, InterruptedException {
        Path file = dir.resolve("fallocate_loop.tmp");
        List<String> command = new ArrayList<>(List.of(binary.toString(), file.toString(), Long.toString(calls),
                Integer.toString(repeats)));
        if (threaded) {
            command.add("threaded");
        }
        ChildProcess.Result r = ChildProcess.run(new ProcessBuilder(command), TIMEOUT);
        if (!r.ok()) {
            throw new IOException(binary + " exited with " + r.exit() + ": " + r.stdout().strip() + " " + r.stderr().strip());
        }
        List<Double> values = new ArrayList<>();
        for (String line : r.stdout().strip().split("\n")) {
            values.add(Double.parseDouble(line.strip()));
        }
        ListStatistics stats = new ListStatistics();
        values.forEach(stats::addValue);
        String variant = threaded ? "C_THREADED" : "C";
        System.out.printf(java.util.Locale.ROOT, "%s baseline (%s): %s ns/op per repeat%n", variant, dir, values);
        // One process (one "fork"), one value per repeat (an "iteration").
        CsvRow.Point point = new CsvRow.Point(threaded ? BENCHMARK_THREADED : BENCHMARK, variant, "", "", "", "", "1",
                Integer.toString(repeats));
        return CsvRow.measured(context, point, "score", "ns/op", stats.getMean(), stats.getMeanErrorAt(0.999), stats.getN());
    }
}
