package org.jfallocate.bench;

import java.math.BigDecimal;
import java.util.List;

/**
 * One measurement in the tidy results CSV (docs/results-format.md): every field already
 * formatted as text, numbers without locale (Locale.ROOT style: '.' decimal point, no grouping).
 */
public record CsvRow(String runId, String host, String kernel, String jdk, String cpu, String fsType, String device,
                     String benchmark, String strategy, String sizeBytes, String recordBytes, String syncEvery,
                     String metric, String unit, String value, String error, String samples, String note,
                     String params, String forks, String iterations) {

    /** The header, in this order. */
    public static final List<String> COLUMNS = List.of("run_id", "host", "kernel", "jdk", "cpu", "fs_type", "device",
            "benchmark", "strategy", "size_bytes", "record_bytes", "sync_every", "metric", "unit", "value", "error",
            "samples", "note", "params", "forks", "iterations");

    /** What every row of one run on one filesystem shares. */
    public record Context(String runId, String host, String kernel, String jdk, String cpu, String fsType, String device) {
    }

    /**
     * What one measured point is: a benchmark with its parameter values, and how often it ran.
     *
     * @param benchmark  "Class.method"
     * @param strategy   the strategy or variant name, "" if none
     * @param sizeBytes  the {@code size} parameter, "" if none
     * @param recordBytes the {@code recordBytes} parameter, "" if none
     * @param syncEvery  the {@code syncEvery} parameter, "" if none
     * @param params     every other parameter but {@code dir}, as {@code name=value} joined by ';' in name order
     * @param forks      forks that measured it (text), "" when not known
     * @param iterations measured iterations per fork (text), "" when not known
     */
    public record Point(String benchmark, String strategy, String sizeBytes, String recordBytes, String syncEvery,
                        String params, String forks, String iterations) {
        /** A point of a benchmark without parameters or fork counts, such as an unsupported pair. */
        static Point of(String benchmark, String strategy) {
            return new Point(benchmark, strategy, "", "", "", "", "", "");
        }

        /** This point, for one of the strategies it measured side by side. */
        Point withStrategy(String other) {
            return new Point(benchmark, other, sizeBytes, recordBytes, syncEvery, params, forks, iterations);
        }
    }

    /** A measured value: {@code error} and {@code value} may be NaN (written empty). */
    public static CsvRow measured(Context c, Point p, String metric, String unit, double value, double error, long samples) {
        return row(c, p, metric, unit, number(value), samples > 1 ? number(error) : "", Long.toString(samples), "");
    }

    /** A value not published, and why (a percentile of too few samples): value and error are empty. */
    public static CsvRow withheld(Context c, Point p, String metric, String unit, long samples, String why) {
        return row(c, p, metric, unit, "", "", Long.toString(samples), why);
    }

    /** A benchmark/parameter pair that cannot run on this filesystem, and why. */
    public static CsvRow unsupported(Context c, Point p, String reason) {
        return row(c, p, "unsupported", "", "", "", "", reason);
    }

    /** One point of a benchmark that JMH started but did not finish, and why. */
    public static CsvRow failed(Context c, Point p, String reason) {
        return row(c, p, "failed", "", "", "", "", reason);
    }

    /** A benchmark that was selected but produced no result (JMH reported an exception for it). */
    public static CsvRow failed(Context c, String benchmark, String reason) {
        return row(c, Point.of(benchmark, ""), "failed", "", "", "", "", reason);
    }

    private static CsvRow row(Context c, Point p, String metric, String unit, String value, String error,
                              String samples, String note) {
        return new CsvRow(c.runId(), c.host(), c.kernel(), c.jdk(), c.cpu(), c.fsType(), c.device(), p.benchmark(),
                p.strategy(), p.sizeBytes(), p.recordBytes(), p.syncEvery(), metric, unit, value, error, samples, note,
                p.params(), p.forks(), p.iterations());
    }

    /** The fields in column order. */
    public List<String> fields() {
        return List.of(runId, host, kernel, jdk, cpu, fsType, device, benchmark, strategy, sizeBytes, recordBytes,
                syncEvery, metric, unit, value, error, samples, note, params, forks, iterations);
    }

    /** A number as plain decimal text, the same in every locale; empty for NaN and infinities. */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
