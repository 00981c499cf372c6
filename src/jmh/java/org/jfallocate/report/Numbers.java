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
