package org.jfallocate.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * What a benchmark measures beside its score, handed to {@link MetricsProfiler}, which turns
 * it into JMH secondary results at the end of every iteration. Benchmarks here run on one
 * thread, and the profiler reads only after the iteration (teardown included) has finished.
 */
public final class SecondaryMetrics {
    private SecondaryMetrics() {
    }

    /** A value measured once per iteration, such as extents per file. */
    public record Gauge(String unit, double value) {
    }

    private static final Histogram LATENCY_NANOS = newHistogram();
    private static final Map<String, Gauge> GAUGES = new LinkedHashMap<>();

    static Histogram newHistogram() {
        Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        h.setAutoResize(true);
        return h;
    }

    /** Records the latency of one operation (one write, with its sync if it had one). */
    public static void recordLatencyNanos(long nanos) {
        LATENCY_NANOS.recordValue(Math.max(nanos, 0));
    }

    /** Sets a per-iteration value, reported under {@code name} in {@code unit}. */
    public static void gauge(String name, String unit, double value) {
        GAUGES.put(name, new Gauge(unit, value));
    }

    static Histogram latencyNanos() {
        return LATENCY_NANOS;
    }

    static Map<String, Gauge> gauges() {
        return GAUGES;
    }

    static void reset() {
        LATENCY_NANOS.reset();
        GAUGES.clear();
    }
}
