package org.jfallocate.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the {@link Recommendation}s from the summary rows: for each run, filesystem and append workload, the
 * strategies that are significantly faster than plain appends ({@code NONE}) and within error of the fastest.
 *
 * <p>A strategy is recommended when it is significantly faster and at least {@link #WORTHWHILE} times as fast;
 * where none is, a run says "plain appends" if it is of the full profile or if no strategy's interval reaches
 * that far, and "inconclusive" otherwise, since more samples may separate them.
 *
 * <p><em>Significant</em> means what it means everywhere in the report ({@link Comparison}): the two scores'
 * 99.9% confidence intervals (score ± JMH's error) do not overlap, or, where the run also measured the workload
 * side by side with plain appends ({@link #SIDE_BY_SIDE}), the speed-up's interval does not hold 1; the
 * speed-up quoted is then the side-by-side one, and ties among winners are decided by the speed-ups.
 */
public final class Recommender {

    /** The workloads a recommendation is made for: the appends a storage engine does. */
    private static final Set<Workload.Kind> KINDS = Set.of(Workload.Kind.DURABLE_APPEND, Workload.Kind.BUFFERED_APPEND);
    /** The benchmark that measures the up-front cost of a strategy: reserving a segment. */
    static final String PREPARE_BENCHMARK = "ReserveSpaceBenchmark.reserve";
    /** A workload's own time to prepare one segment, in the background (RotatingLogBenchmark). */
    static final String PREPARE_METRIC = "prepare_ms";
    /** Where a strategy's preparation is measured when neither the workload nor the reservations do. */
    static final String PREPARE_ELSEWHERE = "RotatingLogBenchmark.oneWriter";
    /** The segment size whose preparation time is shown when the run measured several sizes. */
    static final long SEGMENT_BYTES = 64L << 20;
    /**
     * Workloads also measured side by side with plain appends, and the benchmark that does it: its speed-ups decide
     * how much faster a strategy is and whether that is significant.
     */
    static final java.util.Map<String, String> SIDE_BY_SIDE = java.util.Map.of(
            "DurableAppendBenchmark.append", "SideBySideAppendBenchmark.append");
    /**
     * The smallest speed-up recommended: below it a win is not worth changing a log's preallocation for. Side by
     * side the intervals are narrow enough to call a few percent significant: on btrfs (quick run
     * 20261202-161605-vm) RECYCLED, ZERO_FILLED and POSIX_THEN_ZEROS, all copy-on-write overwrites there, came out
     * at 0.99, 0.97 and 1.05× of plain appends, each steady over its six iterations.
     */
    static final double WORTHWHILE = 1.10;
    /** The profile at which "no significant difference" is an answer rather than a lack of samples. */
    static final String FULL_PROFILE = "full";

    private Recommender() {
    }

    /**
     * @param rows the summary rows ({@link Summary#of})
     * @return one recommendation per row of an append workload, in the rows' order
     */
    public static List<Recommendation> of(List<SummaryRow> rows) {
        List<Recommendation> out = new ArrayList<>();
        for (SummaryRow row : rows) {
            if (KINDS.contains(row.workload().kind())) {
                out.add(of(row));
            }
        }
        return out;
    }

    /**
     * @param row one run's scores of one append workload on one filesystem
     * @return what to do there
     */
    public static Recommendation of(SummaryRow row) {
        Run run = row.run();
        String profile = run.environment().getOrDefault("profile", "");
        Optional<Measurement> none = row.ranked().stream().filter(m -> Summary.BASELINE.equals(m.strategy())).findFirst();
        List<Recommendation.Candidate> candidates = new ArrayList<>();
        for (Measurement m : row.ranked()) {
            if (!Summary.BASELINE.equals(m.strategy())) {
                candidates.add(candidate(run, m, none.map(n -> vsBaseline(run, m, n))));
            }
        }
        Optional<Recommendation.Candidate> baseline = none.map(n -> candidate(run, n, Optional.empty()));
        if (none.isEmpty()) {
            return new Recommendation(run, row.fsType(), row.workload(), Recommendation.Outcome.NO_BASELINE, profile,
                    baseline, List.of(), candidates, row.unsupported());
        }
        // The largest worthwhile win; from scores alone that is the first in row.ranked(), fastest first.
        Optional<Recommendation.Candidate> best = candidates.stream()
                .filter(c -> worthwhile(c.vsBaseline().orElseThrow()))
                .max(Comparator.comparingDouble((Recommendation.Candidate c) -> c.vsBaseline().orElseThrow().ratio())
                        .thenComparing(c -> -candidates.indexOf(c)));
        if (best.isEmpty()) {
            boolean noneCanBeWorthwhile = candidates.stream().allMatch(c -> belowWorthwhile(c.vsBaseline().orElseThrow()));
            Recommendation.Outcome outcome = profile.equals(FULL_PROFILE) || noneCanBeWorthwhile
                    ? Recommendation.Outcome.PLAIN_APPENDS : Recommendation.Outcome.INCONCLUSIVE;
            return new Recommendation(run, row.fsType(), row.workload(), outcome, profile, baseline, List.of(),
                    candidates, row.unsupported());
        }
        Comparison fastest = best.get().vsBaseline().orElseThrow();
        List<Recommendation.Candidate> use = new ArrayList<>();
        List<Recommendation.Candidate> others = new ArrayList<>();
        for (Recommendation.Candidate c : candidates) {
            Comparison vs = c.vsBaseline().orElseThrow();
            boolean withinErrorOfFastest = c == best.get() || !fastest.differsFrom(vs);
            (worthwhile(vs) && withinErrorOfFastest ? use : others).add(c);
        }
        use.sort(Comparator.comparingDouble((Recommendation.Candidate c) -> -c.vsBaseline().orElseThrow().ratio()));
        return new Recommendation(run, row.fsType(), row.workload(), Recommendation.Outcome.USE, profile, baseline,
                use, others, row.unsupported());
    }

    /** A win worth changing a log for: significant, and at least {@link #WORTHWHILE} times as fast. */
    static boolean worthwhile(Comparison vs) {
        return vs.significantlyFaster() && vs.ratio() >= WORTHWHILE;
    }

    /** Whether the interval rules out a worthwhile win: its upper end is below {@link #WORTHWHILE}. */
    private static boolean belowWorthwhile(Comparison vs) {
        return vs.verdict() != Comparison.Verdict.NO_ERROR && vs.ratio() + vs.ratioError() < WORTHWHILE;
    }

    /**
     * A strategy against plain appends: from the side-by-side speed-up where the run measured the workload that way
     * too ({@link #SIDE_BY_SIDE}), else from the two scores.
     */
    private static Comparison vsBaseline(Run run, Measurement score, Measurement none) {
        String paired = SIDE_BY_SIDE.get(score.benchmark());
        if (paired == null) {
            return Comparison.of(score, none);
        }
        return sibling(run, score, paired, Measurement.SPEEDUP).filter(m -> m.value().isPresent())
                .map(speedup -> Comparison.sideBySide(score, none, speedup))
                .orElseGet(() -> Comparison.of(score, none));
    }

    private static Recommendation.Candidate candidate(Run run, Measurement score, Optional<Comparison> vsBaseline) {
        return new Recommendation.Candidate(score, vsBaseline, sibling(run, score, "p99"), prepare(run, score));
    }

    /** The row of another metric of the same point: same filesystem, benchmark, strategy and parameters. */
    private static Optional<Measurement> sibling(Run run, Measurement score, String metric) {
        return sibling(run, score, score.benchmark(), metric);
    }

    /** The row of {@code metric} that {@code benchmark} measured for the same strategy and parameters as {@code score}. */
    private static Optional<Measurement> sibling(Run run, Measurement score, String benchmark, String metric) {
        return run.measurements().stream()
                .filter(m -> m.metric().equals(metric) && m.fsType().equals(score.fsType())
                        && m.benchmark().equals(benchmark) && m.strategy().equals(score.strategy())
                        && m.sizeBytes().equals(score.sizeBytes()) && m.recordBytes().equals(score.recordBytes())
                        && m.syncEvery().equals(score.syncEvery()) && m.params().equals(score.params()))
                .findFirst();
    }

    /**
     * The time to prepare a segment with this strategy here: the workload's own measure where it
     * has one (the rotating log's {@value #PREPARE_METRIC}, the background thread's time per
     * segment), else reserving the size nearest {@link #SEGMENT_BYTES} with ReserveSpaceBenchmark,
     * else the rotating log's one writer on the same filesystem ({@value #PREPARE_ELSEWHERE}), which
     * prepares every strategy, RECYCLED and POSIX_THEN_ZEROS included, that the reservations do not.
     */
    private static Optional<Measurement> prepare(Run run, Measurement score) {
        if (Summary.NOT_RESERVING.contains(score.strategy())) {
            return Optional.empty();
        }
        Optional<Measurement> own = sibling(run, score, PREPARE_METRIC).filter(m -> m.value().isPresent());
        if (own.isPresent()) {
            return own;
        }
        Optional<Measurement> reserved = run.measurements().stream()
                .filter(m -> m.isScore() && m.benchmark().equals(PREPARE_BENCHMARK) && m.fsType().equals(score.fsType())
                        && m.strategy().equals(score.strategy()) && m.sizeBytes().isPresent() && m.value().isPresent())
                .min(Comparator.comparingDouble(m -> Math.abs(Math.log((double) m.sizeBytes().getAsLong() / SEGMENT_BYTES))));
        if (reserved.isPresent()) {
            return reserved;
        }
        return run.measurements().stream()
                .filter(m -> m.metric().equals(PREPARE_METRIC) && m.benchmark().equals(PREPARE_ELSEWHERE)
                        && m.fsType().equals(score.fsType()) && m.strategy().equals(score.strategy()) && m.value().isPresent())
                .findFirst();
    }
}
