package org.jfallocate.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The suite's speed-up over NONE against fio's, per filesystem and strategy, from the
 * interleaved samples of {@link FioValidation} (microseconds per record, one sample per fresh
 * file). A mean's error is the half-width of its 95% confidence interval (Student's t); a ratio's
 * error is propagated to first order from its two means' relative errors, which are independent.
 */
public final class ValidationTable {

    /** Agreement target of issue 11: the two speed-ups within 15% of each other. */
    public static final double TOLERANCE = 0.15;
    /** The confidence level of every error in the table. */
    public static final double CONFIDENCE = 0.95;
    /** The filesystems the target applies to. */
    public static final Set<String> TARGET_FILESYSTEMS = Set.of("ext4", "xfs", "btrfs");

    /** The columns of validation.csv. */
    public static final List<String> COLUMNS = List.of("fs_type", "strategy", "samples", "suite_us", "suite_error",
            "fio_us", "fio_error", "suite_speedup", "suite_speedup_error", "fio_speedup", "fio_speedup_error",
            "suite_vs_fio", "suite_vs_fio_error", "within_15pct", "verdict", "suite_dev_writes", "suite_dev_kib",
            "suite_dev_flushes", "fio_dev_writes", "fio_dev_kib", "fio_dev_flushes");

    private ValidationTable() {
    }

    /** A mean with its confidence half-width and sample count. */
    public record Mean(double value, double error, int n) {

        /**
         * @param samples at least two samples
         * @return their mean and the half-width of its {@link #CONFIDENCE} interval
         */
        public static Mean of(List<Double> samples) {
            int n = samples.size();
            if (n < 2) {
                throw new IllegalArgumentException("a confidence interval needs at least 2 samples, got " + n);
            }
            double mean = samples.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double ss = samples.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            double sd = Math.sqrt(ss / (n - 1));
            double t = new TDistribution(n - 1).inverseCumulativeProbability(0.5 + CONFIDENCE / 2);
            return new Mean(mean, t * sd / Math.sqrt(n), n);
        }

        double relativeError() {
            return error / value;
        }
    }

    /** A ratio a/b with its propagated error. */
    public record Ratio(double value, double error) {

        /** @return {@code a / b}, error {@code |a/b| * sqrt((ea/a)^2 + (eb/b)^2)} */
        public static Ratio of(Mean a, Mean b) {
            double r = a.value() / b.value();
            return new Ratio(r, Math.abs(r) * Math.hypot(a.relativeError(), b.relativeError()));
        }

        /** @return {@code a / b} of two ratios, their relative errors added in quadrature */
        public static Ratio of(Ratio a, Ratio b) {
            double r = a.value() / b.value();
            return new Ratio(r, Math.abs(r) * Math.hypot(a.error() / a.value(), b.error() / b.value()));
        }
    }

    /**
     * One row: a strategy on a filesystem, both sides.
     *
     * @param fsType the filesystem
     * @param strategy the strategy
     * @param suite the suite's microseconds per record
     * @param fio fio's microseconds per record
     * @param suiteSpeedup NONE's time over this strategy's, in the suite
     * @param fioSpeedup the same with fio
     * @param suiteVsFio the suite's speed-up over fio's: 1 is perfect agreement
     * @param suiteDevice the suite's mean device writes, KiB and flushes per record, or null (no block device)
     * @param fioDevice the same for fio
     */
    public record Row(String fsType, String strategy, Mean suite, Mean fio, Ratio suiteSpeedup, Ratio fioSpeedup,
                      Ratio suiteVsFio, double[] suiteDevice, double[] fioDevice) {

        /**
         * A row without device counters.
         *
         * @param fsType the filesystem
         * @param strategy the strategy
         * @param suite the suite's microseconds per record
         * @param fio fio's microseconds per record
         * @param suiteSpeedup NONE's time over this strategy's, in the suite
         * @param fioSpeedup the same with fio
         * @param suiteVsFio the suite's speed-up over fio's
         */
        public Row(String fsType, String strategy, Mean suite, Mean fio, Ratio suiteSpeedup, Ratio fioSpeedup,
                   Ratio suiteVsFio) {
            this(fsType, strategy, suite, fio, suiteSpeedup, fioSpeedup, suiteVsFio, null, null);
        }

        /** @return whether the two speed-ups are within {@link #TOLERANCE} of each other */
        public boolean withinTolerance() {
            return Math.abs(suiteVsFio.value() - 1) <= TOLERANCE + 1e-12;
        }

        /** @return "agrees", "differs" or "differs (within error)" when the interval still reaches the tolerance */
        public String verdict() {
            if (withinTolerance()) {
                return "agrees";
            }
            boolean reaches = Math.abs(suiteVsFio.value() - 1) - suiteVsFio.error() <= TOLERANCE;
            return reaches ? "differs (within error)" : "differs";
        }

        /** @return the row's fields in {@link #COLUMNS} order */
        public List<String> fields() {
            List<String> f = new ArrayList<>(List.of(fsType, strategy, Integer.toString(Math.min(suite.n(), fio.n())),
                    num(suite.value()), num(suite.error()), num(fio.value()), num(fio.error()), num(suiteSpeedup.value()),
                    num(suiteSpeedup.error()), num(fioSpeedup.value()), num(fioSpeedup.error()),
                    num(suiteVsFio.value()), num(suiteVsFio.error()), withinTolerance() ? "yes" : "no", verdict()));
            for (double[] d : new double[][] {suiteDevice, fioDevice}) {
                for (int i = 0; i < 3; i++) {
                    f.add(d == null ? "" : num(d[i]));
                }
            }
            return f;
        }
    }

    /** A sample key: filesystem, strategy and side ("suite" or "fio"). */
    public record Key(String fsType, String strategy, String side) {
    }

    /**
     * @param samples microseconds per record, by filesystem, strategy and side; insertion order is kept
     * @return a row for every filesystem and strategy that has samples on both sides and a NONE to compare with
     */
    public static List<Row> compute(Map<Key, List<Double>> samples) {
        return compute(samples, Map.of());
    }

    /**
     * @param samples as for {@link #compute(Map)}
     * @param device per sample, the device's writes, KiB and flushes per record, by the same keys (may lack keys)
     * @return the rows, with the device counters' means where there are any
     */
    public static List<Row> compute(Map<Key, List<Double>> samples, Map<Key, List<double[]>> device) {
        Map<String, Map<String, Mean[]>> byFs = new LinkedHashMap<>();
        for (Map.Entry<Key, List<Double>> e : samples.entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            Mean[] sides = byFs.computeIfAbsent(e.getKey().fsType(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(e.getKey().strategy(), k -> new Mean[2]);
            sides[e.getKey().side().equals("suite") ? 0 : 1] = Mean.of(e.getValue());
        }
        List<Row> rows = new ArrayList<>();
        byFs.forEach((fs, strategies) -> {
            Mean[] none = strategies.get(Strategy.NONE.name());
            if (none == null || none[0] == null || none[1] == null) {
                return;
            }
            strategies.forEach((strategy, sides) -> {
                if (sides[0] == null || sides[1] == null) {
                    return;
                }
                Ratio suite = Ratio.of(none[0], sides[0]);
                Ratio fio = Ratio.of(none[1], sides[1]);
                rows.add(new Row(fs, strategy, sides[0], sides[1], suite, fio, Ratio.of(suite, fio),
                        meanOf(device.get(new Key(fs, strategy, "suite"))), meanOf(device.get(new Key(fs, strategy, "fio")))));
            });
        });
        return rows;
    }

    private static double[] meanOf(List<double[]> perSample) {
        if (perSample == null || perSample.isEmpty()) {
            return null;
        }
        double[] mean = new double[3];
        for (double[] d : perSample) {
            for (int i = 0; i < 3; i++) {
                mean[i] += d[i] / perSample.size();
            }
        }
        return mean;
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
