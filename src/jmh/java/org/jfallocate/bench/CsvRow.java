package org.jfallocate.bench;

import java.math.BigDecimal;
import java.util.List;

/**
 * One measurement in the tidy results CSV (docs/results-format.md): every field already
 * formatted as text, numbers without locale (Locale.ROOT style: '.' decimal point, no grouping).
 */
public record CsvRow(String runId, String host, String kernel, String jdk, String cpu, String fsType, String device,
                     String benchmark, String strategy, String sizeBytes, String recordBytes, String syncEvery,
                     String metric, String unit, String value, String error, String samples, String note) {

    /** The header, in this order. */
    public static final List<String> COLUMNS = List.of("run_id", "host", "kernel", "jdk", "cpu", "fs_type", "device",
            "benchmark", "strategy", "size_bytes", "record_bytes", "sync_every", "metric", "unit", "value", "error",
            "samples", "note");

    /** What every row of one run on one filesystem shares. */
    public record Context(String runId, String host, String kernel, String jdk, String cpu, String fsType, String device) {
    }

    /** A measured value: {@code error} and {@code value} may be NaN (written empty). */
    public static CsvRow measured(Context c, String benchmark, String strategy, String sizeBytes, String recordBytes,
                                  String syncEvery, String metric, String unit, double value, double error, long samples) {
        return new CsvRow(c.runId(), c.host(), c.kernel(), c.jdk(), c.cpu(), c.fsType(), c.device(), benchmark, strategy,
                sizeBytes, recordBytes, syncEvery, metric, unit, number(value), samples > 1 ? number(error) : "",
                Long.toString(samples), "");
    }

    /** A benchmark/strategy pair that cannot run on this filesystem, and why. */
    public static CsvRow unsupported(Context c, String benchmark, String strategy, String reason) {
        return new CsvRow(c.runId(), c.host(), c.kernel(), c.jdk(), c.cpu(), c.fsType(), c.device(), benchmark, strategy,
                "", "", "", "unsupported", "", "", "", "", reason);
    }

    /** A benchmark that was selected but produced no result (JMH reported an exception for it). */
    public static CsvRow failed(Context c, String benchmark, String reason) {
        return new CsvRow(c.runId(), c.host(), c.kernel(), c.jdk(), c.cpu(), c.fsType(), c.device(), benchmark,
                "", "", "", "", "failed", "", "", "", "", reason);
    }

    /** The fields in column order. */
    public List<String> fields() {
        return List.of(runId, host, kernel, jdk, cpu, fsType, device, benchmark, strategy, sizeBytes, recordBytes,
                syncEvery, metric, unit, value, error, samples, note);
    }

    /** A number as plain decimal text, the same in every locale; empty for NaN and infinities. */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
