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
import java.util.Optional;
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
 * Collects what {@link SecondaryMetrics} measured: its gauges become JMH secondary results of
 * every measurement iteration, and the latencies of all measurement iterations go into one
 * HdrHistogram. After the last measurement iteration of a fork, that histogram is added to
 * what earlier forks of the same point left in {@code raw/<name>.hdr} and written back, with
 * its percentile distribution as {@code <name>.hgrm}, into the directory given as the
 * profiler's option: {@code -prof org.jfallocate.bench.MetricsProfiler:<dir>}. The runner
 * takes the point's percentiles from that merged histogram ({@link Percentiles}): a percentile
 * per iteration, averaged, would be a mean of each iteration's few largest values.
 */
public final class MetricsProfiler implements InternalProfiler {
    private static final double NANOS_PER_MICRO = 1000.0;

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
        wholeRun.add(SecondaryMetrics.latencyNanos());
        for (Map.Entry<String, SecondaryMetrics.Gauge> g : SecondaryMetrics.gauges().entrySet()) {
            results.add(new ScalarResult(g.getKey(), g.getValue().value(), g.getValue().unit(), AggregationPolicy.AVG));
        }
        measurementIterations++;
        if (measurementIterations == iterationParams.getCount() && wholeRun.getTotalCount() > 0 && histogramDir != null) {
            try {
                writeHistogram(histogramDir, HistogramNames.of(benchmarkParams), wholeRun);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return results;
    }

    /**
     * Adds {@code fork} to what earlier forks left in {@code raw/<name>.hdr}, writes the sum back
     * there and its percentile distribution to {@code <name>.hgrm}.
     */
    static void writeHistogram(Path histogramDir, String name, Histogram fork) throws IOException {
        Files.createDirectories(histogramDir.resolve("raw"));
        Path raw = rawFile(histogramDir, name);
        Histogram merged = fork.copy();
        readRaw(histogramDir, name).ifPresent(merged::add);
        ByteBuffer encoded = ByteBuffer.allocate(merged.getNeededByteBufferCapacity());
        int length = merged.encodeIntoCompressedByteBuffer(encoded);
        Files.write(raw, java.util.Arrays.copyOf(encoded.array(), length));
        try (PrintStream out = new PrintStream(Files.newOutputStream(histogramDir.resolve(name + ".hgrm")), false,
                StandardCharsets.UTF_8)) {
            merged.outputPercentileDistribution(out, NANOS_PER_MICRO);
        }
    }

    /** The merged histogram of point {@code name}, in nanoseconds, if any fork wrote one. */
    static Optional<Histogram> readRaw(Path histogramDir, String name) throws IOException {
        Path raw = rawFile(histogramDir, name);
        if (!Files.exists(raw)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Files.readAllBytes(raw)), 0));
        } catch (DataFormatException e) {
            throw new IOException("not an HdrHistogram: " + raw, e);
        }
    }

    private static Path rawFile(Path histogramDir, String name) {
        return histogramDir.resolve("raw").resolve(name + ".hdr");
    }
}
