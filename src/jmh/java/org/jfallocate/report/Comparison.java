package org.jfallocate.report;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How a better measurement compares with another of the same workload: how many times faster, and whether
 * the difference is larger than the error. Compared from the two scores ({@link #of}), that is whether JMH's
 * 99.9% confidence intervals overlap; compared side by side ({@link #sideBySide}), whether the confidence
 * interval of the ratios measured in the same iterations holds 1.
 *
 * @param better the measurement compared (the faster one, where the summary ranks)
 * @param other the one it is compared with
 * @param ratio how many times faster {@code better} is (throughput ratio, or time ratio inverted); below 1 when
 *              it is in fact slower
 * @param verdict whether the difference is larger than the error
 * @param sideBySide the speed-up row the ratio and verdict come from, when the two were measured side by side
 */
public record Comparison(Measurement better, Measurement other, double ratio, Verdict verdict,
                         Optional<Measurement> sideBySide) {

    /** Whether a difference is larger than the error. */
    public enum Verdict {
        /** The intervals value ± error do not overlap. */
        SIGNIFICANT("significant"),
        /** The intervals overlap: the difference may be noise. */
        WITHIN_ERROR("within error"),
        /** One side has no error (a single sample): nothing can be said. */
        NO_ERROR("no error given");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        /** @return the words the summary tables use */
        public String label() {
            return label;
        }
    }

    /**
     * @param better a measurement of one workload (usually the faster)
     * @param other another of the same workload, in the same unit
     * @return the comparison
     */
    public static Comparison of(Measurement better, Measurement other) {
        double b = better.value().orElseThrow();
        double o = other.value().orElseThrow();
        double ratio = Numbers.higherIsBetter(better.unit()) ? b / o : o / b;
        return new Comparison(better, other, ratio, verdict(b, better.error(), o, other.error()), Optional.empty());
    }

    /**
     * @param better a strategy's score
     * @param other plain appends' score in the same workload
     * @param speedup the strategy's speed-up over plain appends measured side by side (SideBySideAppendBenchmark):
     *                the mean of the iterations' ratios, with its 99.9% confidence interval as error
     * @return the comparison whose ratio is {@code speedup}'s, significant when its interval does not hold 1
     */
    public static Comparison sideBySide(Measurement better, Measurement other, Measurement speedup) {
        double ratio = speedup.value().orElseThrow();
        return new Comparison(better, other, ratio, verdict(ratio, speedup.error(), 1, OptionalDouble.of(0)),
                Optional.of(speedup));
    }

    /**
     * @return the side-by-side ratio's error, or the ratio's error carried over to first order from both scores' errors (relative errors added in
     *         quadrature); 0 when either has none
     */
    public double ratioError() {
        if (sideBySide.isPresent()) {
            return sideBySide.get().error().orElse(0);
        }
        if (better.error().isEmpty() || other.error().isEmpty()) {
            return 0;
        }
        double rb = better.error().getAsDouble() / better.value().orElseThrow();
        double ro = other.error().getAsDouble() / other.value().orElseThrow();
        return ratio * Math.sqrt(rb * rb + ro * ro);
    }

    /** @return true if {@code better} is faster and the difference is larger than the error */
    public boolean significantlyFaster() {
        return ratio > 1 && verdict == Verdict.SIGNIFICANT;
    }

    /** @return true if {@code better} is in fact slower and the difference is larger than the error */
    public boolean significantlySlower() {
        return ratio < 1 && verdict == Verdict.SIGNIFICANT;
    }

    /**
     * @param o another comparison with the same baseline
     * @return true if the two ratios differ by more than their errors; for ratios from scores, whether the scores do
     */
    public boolean differsFrom(Comparison o) {
        if (sideBySide.isPresent() && o.sideBySide.isPresent()) {
            return Math.abs(ratio - o.ratio) > ratioError() + o.ratioError();
        }
        return of(better, o.better).verdict == Verdict.SIGNIFICANT;
    }

    private static Verdict verdict(double a, OptionalDouble ea, double b, OptionalDouble eb) {
        if (ea.isEmpty() || eb.isEmpty()) {
            return Verdict.NO_ERROR;
        }
        boolean overlap = a - ea.getAsDouble() <= b + eb.getAsDouble() && b - eb.getAsDouble() <= a + ea.getAsDouble();
        return overlap ? Verdict.WITHIN_ERROR : Verdict.SIGNIFICANT;
    }
}
