package org.jfallocate.report;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One row of a run's {@code results.csv} (see docs/results-format.md): one number a benchmark measured on one
 * filesystem for one strategy and parameter set.
 *
 * @param runId the run's id, {@code <UTC yyyyMMdd-HHmmss>-<host>}
 * @param host the host name
 * @param kernel {@code uname -r}
 * @param jdk JVM name and version
 * @param cpu CPU model name
 * @param fsType filesystem type as the mount table names it
 * @param device mount source
 * @param benchmark JMH class simple name and method, {@code DurableAppendBenchmark.append}
 * @param strategy strategy or variant name, empty if none
 * @param sizeBytes file or range size, if the benchmark has one
 * @param recordBytes record size, if the benchmark has one
 * @param syncEvery records per fsync, if the benchmark has one
 * @param metric {@code score}, a percentile ({@code p50} ...), {@code extents}, {@code gc.alloc.rate.norm}
 *               or {@code unsupported}
 * @param unit JMH's unit or {@code us} / {@code extents}
 * @param value the number; empty only for {@code unsupported}
 * @param error the 99.9% confidence half-width; empty when JMH gives none
 * @param samples samples behind the value
 * @param note free text; for {@code unsupported} the reason
 * @param params the point's other parameters, {@code name=value;...} (e.g. {@code cache=cold}), empty if none
 * @param line the line of results.csv this came from, for error messages
 */
public record Measurement(String runId, String host, String kernel, String jdk, String cpu, String fsType,
                          String device, String benchmark, String strategy, OptionalLong sizeBytes,
                          OptionalLong recordBytes, OptionalLong syncEvery, String metric, String unit,
                          OptionalDouble value, OptionalDouble error, OptionalLong samples, String note, String params,
                          int line) {

    /** The metric name of JMH's primary result. */
    public static final String SCORE = "score";
    /** The metric name of a strategy/filesystem pair that cannot run. */
    public static final String UNSUPPORTED = "unsupported";
    /** The metric name of a benchmark that was selected but produced no result; the note says why. */
    public static final String FAILED = "failed";
    /** The metric name of extents per file. */
    public static final String EXTENTS = "extents";
    /** The metric name of a speed-up over plain appends measured side by side (SideBySideAppendBenchmark). */
    public static final String SPEEDUP = "speedup";
    /** The metric name of a strategy's mean time per record in the same side-by-side point. */
    public static final String RECORD_US = "record_us";

    /**
     * Variants that answer one question, compared with each other: the hole operation and what a program does
     * without it.
     */
    private static final List<List<String>> RIVALS = List.of(List.of("COLLAPSE_RANGE", "COPY_TAIL"),
            List.of("PUNCH_HOLE", "WRITE_ZEROS"), List.of("INSERT_RANGE", "REWRITE_TAIL"));

    /**
     * The workload this measures: benchmark and parameters, without the strategy. For a benchmark whose methods
     * are the variants ({@code BindingOverheadBenchmark.jna}, strategy {@code JNA}), the workload is the class,
     * and for the hole operations the pair of rivals, so that the variants compete with each other.
     *
     * @return the workload
     */
    public Workload workload() {
        String name = benchmark;
        int dot = benchmark.lastIndexOf('.');
        if (dot > 0 && !strategy.isEmpty() && strategy.equals(variantOf(benchmark.substring(dot + 1)))) {
            name = benchmark.substring(0, dot) + RIVALS.stream().filter(r -> r.contains(strategy)).findFirst()
                    .map(r -> ": " + String.join(" vs ", r)).orElse("");
        }
        return new Workload(name, sizeBytes, recordBytes, syncEvery, params);
    }

    /** The suite's variant name of a benchmark method: collapseRange -> COLLAPSE_RANGE. */
    private static String variantOf(String method) {
        return method.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }

    /** @return true for rows that carry no value by design: unsupported pairs and failed benchmarks */
    public boolean isValueless() {
        return UNSUPPORTED.equals(metric) || FAILED.equals(metric);
    }

    /** @return true for JMH's primary result */
    public boolean isScore() {
        return SCORE.equals(metric);
    }
}
