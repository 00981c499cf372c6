package org.jfallocate.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;

import org.HdrHistogram.Histogram;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;

/**
 * Turns {@link SecondaryMetrics} into JMH secondary results: per measurement iteration the
 * latency percentiles p50, p90, p99, p99.9 (averaged over iterations, with JMH's error bars)
 * and max (the largest over iterations), in microseconds, plus any gauges. After the last
 * measurement iteration it writes the fork's whole latency distribution as an HdrHistogram
 * {@code .hgrm} file (merged with earlier forks of the same benchmark) into the directory
 * given as the profiler's option: {@code -prof org.jfallocate.bench.MetricsProfiler:<dir>}.
 */
public final class MetricsProfiler implements InternalProfiler {
    private static final double NANOS_PER_MICRO = 1000.0;
    private static final String[] PERCENTILE_NAMES = {"p50", "p90", "p99", "p99.9"};
    private static final double[] PERCENTILES = {50.0, 90.0, 99.0, 99.9};

    private final Path histogramDir;
    private final Histogram wholeRun = SecondaryMetrics.newHistogram();
    private int measurementIterations;

    /** Created by JMH with the text after the colon in {@code -prof}: the .hgrm directory, or empty for none. */
    public MetricsProfiler(String options) {
        String dir = options == null ? "" : options.trim();
        if (dir.startsWith("dir=")) {
            dir = dir.substring(4);
        }
        this.histogramDir = dir.isEmpty() ? null : Path.of(dir);
    }

    /** For JMH's profiler listing. */
    public MetricsProfiler() {
        this("");
    }

    @Override
    public String getDescription() {
        return "jfallocate: HdrHistogram latency percentiles and per-iteration gauges as secondary results";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        SecondaryMetrics.reset();
    }

    @Override
    public Collection<ScalarResult> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        if (iterationParams.getType() != IterationType.MEASUREMENT) {
            return List.of();
        }
        List<ScalarResult> results = new ArrayList<>();
        Histogram latency = SecondaryMetrics.latencyNanos();
        if (latency.getTotalCount() > 0) {
            for (int i = 0; i < PERCENTILES.length; i++) {
                results.add(new ScalarResult(PERCENTILE_NAMES[i], latency.getValueAtPercentile(PERCENTILES[i]) / NANOS_PER_MICRO,
                        "us", AggregationPolicy.AVG));
            }
            results.add(new ScalarResult("max", latency.getMaxValue() / NANOS_PER_MICRO, "us", AggregationPolicy.MAX));
            wholeRun.add(latency);
        }
        for (Map.Entry<String, SecondaryMetrics.Gauge> g : SecondaryMetrics.gauges().entrySet()) {
            results.add(new ScalarResult(g.getKey(), g.getValue().value(), g.getValue().unit(), AggregationPolicy.AVG));
        }
        measurementIterations++;
        if (measurementIterations == iterationParams.getCount() && wholeRun.getTotalCount() > 0 && histogramDir != null) {
            writeHistogram(benchmarkParams);
        }
        return results;
    }

    /** Writes {@code <name>.hgrm}, first adding what earlier forks left in {@code raw/<name>.hdr}. */
    private void writeHistogram(BenchmarkParams params) {
        try {
            String name = HistogramNames.of(params);
            Files.createDirectories(histogramDir.resolve("raw"));
            Path raw = histogramDir.resolve("raw").resolve(name + ".hdr");
            Histogram merged = wholeRun.copy();
            if (Files.exists(raw)) {
                merged.add(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Files.readAllBytes(raw)), 0));
            }
            ByteBuffer encoded = ByteBuffer.allocate(merged.getNeededByteBufferCapacity());
            int length = merged.encodeIntoCompressedByteBuffer(encoded);
            Files.write(raw, java.util.Arrays.copyOf(encoded.array(), length));
            try (PrintStream out = new PrintStream(Files.newOutputStream(histogramDir.resolve(name + ".hgrm")), false,
                    StandardCharsets.UTF_8)) {
                merged.outputPercentileDistribution(out, NANOS_PER_MICRO);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DataFormatException e) {
            throw new IllegalStateException("cannot read the histogram an earlier fork left in " + histogramDir, e);
        }
    }
}
