package org.jfallocate.report;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One row of a run's {@code results.csv} (see notes/CSV-CONTRACT.md): one number a benchmark measured on one
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
 * @param line the line of results.csv this came from, for error messages
 */
public record Measurement(String runId, String host, String kernel, String jdk, String cpu, String fsType,
                          String device, String benchmark, String strategy, OptionalLong sizeBytes,
                          OptionalLong recordBytes, OptionalLong syncEvery, String metric, String unit,
                          OptionalDouble value, OptionalDouble error, OptionalLong samples, String note, int line) {

    /** The metric name of JMH's primary result. */
    public static final String SCORE = "score";
    /** The metric name of a strategy/filesystem pair that cannot run. */
    public static final String UNSUPPORTED = "unsupported";
    /** The metric name of extents per file. */
    public static final String EXTENTS = "extents";

    /** @return the workload this measures: benchmark and parameters, without the strategy */
    public Workload workload() {
        return new Workload(benchmark, sizeBytes, recordBytes, syncEvery);
    }

    /** @return true for JMH's primary result */
    public boolean isScore() {
        return SCORE.equals(metric);
    }
}
