package org.jfallocate.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * What a benchmark measures beside its score, handed to {@link MetricsProfiler}, which turns
 * it into JMH secondary results at the end of every iteration. {@link #recordLatencyNanos} is
 * for benchmarks on one thread; several writers record on their own and {@link #addLatencies}
 * at the end of their iteration. The profiler reads only after the iteration (teardown
 * included) has finished.
 */
public final class SecondaryMetrics {
    private SecondaryMetrics() {
    }

    /** A value measured once per iteration, such as extents per file. */
    public record Gauge(String unit, double value) {
    }

    private static final Histogram LATENCY_NANOS = newHistogram();
    private static final Map<String, Gauge> GAUGES = new LinkedHashMap<>();
    /** Values seen so far this iteration of the gauges set by {@link #addToMean}. */
    private static final Map<String, long[]> MEAN_COUNTS = new LinkedHashMap<>();

    static Histogram newHistogram() {
        Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        h.setAutoResize(true);
        return h;
    }

    /** Records the latency of one operation (one write, with its sync if it had one). */
    public static void recordLatencyNanos(long nanos) {
        LATENCY_NANOS.recordValue(Math.max(nanos, 0));
    }

    /** Sets the secondary result {@code throughput}: operations per second over {@code nanos}. */
    public static void throughput(long operations, long nanos) {
        gauge("throughput", "ops/s", operations * 1e9 / Math.max(1, nanos));
    }

    /**
     * Adds the latencies several writer threads recorded on their own, at the end of their
     * iteration: recording into one histogram from every thread would need a lock per record.
     */
    public static synchronized void addLatencies(Histogram latencies) {
        LATENCY_NANOS.add(latencies);
    }

    /** Adds {@code value} to this iteration's gauge {@code name}: several writers' records per second add up. */
    public static synchronized void addToSum(String name, String unit, double value) {
        Gauge previous = GAUGES.get(name);
        GAUGES.put(name, new Gauge(unit, (previous == null ? 0 : previous.value()) + value));
    }

    /** Counts {@code value} into this iteration's gauge {@code name}, the mean of all values given. */
    public static synchronized void addToMean(String name, String unit, double value) {
        long[] count = MEAN_COUNTS.computeIfAbsent(name, n -> new long[1]);
        Gauge previous = GAUGES.get(name);
        double mean = previous == null ? value : previous.value() + (value - previous.value()) / (count[0] + 1);
        count[0]++;
        GAUGES.put(name, new Gauge(unit, mean));
    }

    /** Sets a per-iteration value, reported under {@code name} in {@code unit}. */
    public static synchronized void gauge(String name, String unit, double value) {
        GAUGES.put(name, new Gauge(unit, value));
    }

    static Histogram latencyNanos() {
        return LATENCY_NANOS;
    }

    static synchronized Map<String, Gauge> gauges() {
        return GAUGES;
    }

    static synchronized void reset() {
        LATENCY_NANOS.reset();
        GAUGES.clear();
        MEAN_COUNTS.clear();
    }
}
