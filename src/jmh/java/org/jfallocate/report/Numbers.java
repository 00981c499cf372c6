package org.jfallocate.report;

import java.util.Locale;

/** Number formatting and unit conversion for reports, in {@link Locale#ROOT} so a locale cannot change them. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * @param bytes a size in bytes, &gt;= 0
     * @return the size in the largest binary unit that divides it, e.g. {@code 4 KiB}, {@code 1 GiB}, {@code 1000 B}
     */
    public static String bytes(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        long v = bytes;
        while (u < units.length - 1 && v >= 1024 && v % 1024 == 0) {
            v /= 1024;
            u++;
        }
        return v + " " + units[u];
    }

    /**
     * A value with as many decimals as make three significant digits, and thousands separated by commas.
     *
     * @param value any finite number
     * @return e.g. {@code 12,346}, {@code 123}, {@code 12.3}, {@code 1.23}, {@code 0.0123}
     */
    public static String value(double value) {
        return String.format(Locale.ROOT, "%,." + decimals(value) + "f", value);
    }

    /**
     * @param value the value
     * @param error its error, formatted with the value's decimals so the two line up
     * @return e.g. {@code 1,234 ± 56}
     */
    public static String valueWithError(double value, java.util.OptionalDouble error) {
        if (error.isEmpty()) {
            return value(value);
        }
        return value(value) + " ± " + String.format(Locale.ROOT, "%,." + decimals(value) + "f", error.getAsDouble());
    }

    /**
     * @param ratio a speed-up, &gt; 0
     * @return e.g. {@code 2.50×}, {@code 87.5×}, {@code 45,000×}
     */
    public static String ratio(double ratio) {
        String pattern = ratio < 10 ? "%.2f×" : ratio < 100 ? "%.1f×" : "%,.0f×";
        return String.format(Locale.ROOT, pattern, ratio);
    }

    /**
     * A measured value with its error, in the unit that suits its size: times scale to ns, µs, ms or s, so
     * {@code 1,009,154 ± 58,219 us/op} reads {@code 1.01 ± 0.06 s}. Units that are not times stay as they are.
     *
     * @param value the value, in {@code unit}
     * @param error its error, in {@code unit}, if any
     * @param unit a JMH unit ({@code us/op}, {@code ms}, {@code ops/s}, ...)
     * @return e.g. {@code 252 ± 19 µs}, {@code 1.01 ± 0.06 s}, {@code 3.2 ± 0.1 ops/ms}
     */
    public static String measured(double value, java.util.OptionalDouble error, String unit) {
        double us = microsPer(unit);
        if (Double.isNaN(us)) {
            return valueWithError(value, error) + " " + unit;
        }
        double micros = value * us;
        double a = Math.abs(micros);
        String[] names = {"ns", "µs", "ms", "s"};
        double[] per = {1e-3, 1, 1e3, 1e6};
        int u = a < 1 ? 0 : a < 1e3 ? 1 : a < 1e6 ? 2 : 3;
        double v = micros / per[u];
        java.util.OptionalDouble e = error.isPresent()
                ? java.util.OptionalDouble.of(error.getAsDouble() * us / per[u]) : error;
        return valueWithError(v, e) + " " + names[u];
    }

    /**
     * @param value a time, in {@code unit}
     * @param unit a time unit as {@link #microsPer} takes it
     * @return the time in the unit that suits it, e.g. {@code 1.15 ms}; the value alone if the unit is not a time
     */
    public static String time(double value, String unit) {
        return measured(value, java.util.OptionalDouble.empty(), unit);
    }

    /**
     * @param ratio a speed-up, &gt; 0
     * @param error its error (half-width), &gt;= 0
     * @return e.g. {@code 2.09 ± 0.19×}
     */
    public static String ratioWithError(double ratio, double error) {
        String r = ratio(ratio);
        int decimals = ratio < 10 ? 2 : ratio < 100 ? 1 : 0;
        return r.substring(0, r.length() - 1) + " ± " + String.format(Locale.ROOT, "%,." + decimals + "f", error) + "×";
    }

    private static int decimals(double value) {
        double a = Math.abs(value);
        if (a == 0 || a >= 100) {
            return 0;
        }
        return Math.min(6, 2 - (int) Math.floor(Math.log10(a)));
    }

    /**
     * @param unit a JMH time-per-operation unit ({@code ns/op}, {@code us/op}, {@code ms/op}, {@code s/op}) or a
     *             percentile unit ({@code ns}, {@code us}, {@code ms}, {@code s})
     * @return how many microseconds one of the unit is, or NaN if the unit is not a time
     */
    public static double microsPer(String unit) {
        String u = unit.endsWith("/op") ? unit.substring(0, unit.length() - 3) : unit;
        return switch (u) {
            case "ns" -> 1e-3;
            case "us", "µs" -> 1;
            case "ms" -> 1e3;
            case "s" -> 1e6;
            default -> Double.NaN;
        };
    }

    /**
     * @param unit a JMH unit
     * @return true if a larger value is better (a throughput such as {@code ops/s}), false for a time per
     *         operation, a size or a count
     */
    public static boolean higherIsBetter(String unit) {
        return unit.startsWith("ops/");
    }
}
