package org.jfallocate.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The speed-ups measured side by side with plain appends (SideBySideAppendBenchmark, docs/benchmarks.md): per run,
 * filesystem and workload, each strategy's speed-up over NONE, whether its interval holds 1, and both sides' mean
 * time per record. These are the speed-ups the recommendation quotes for the workloads it pairs them with
 * ({@link Recommender#SIDE_BY_SIDE}).
 */
public final class SideBySideTable {

    private SideBySideTable() {
    }

    /**
     * @param runs the report's runs
     * @param labels their labels, named in the rows when there are several runs
     * @return the table, if any run measured side by side
     */
    public static Optional<Table> of(List<Run> runs, RunLabels labels) {
        List<List<String>> rows = new ArrayList<>();
        for (Run run : runs) {
            // Per filesystem and workload, the largest speed-up first.
            List<Measurement> speedups = run.measurements().stream()
                    .filter(m -> m.metric().equals(Measurement.SPEEDUP) && m.value().isPresent())
                    .sorted(java.util.Comparator.comparing(Measurement::fsType).thenComparing(Measurement::workload)
                            .thenComparingDouble(m -> -m.value().getAsDouble()))
                    .toList();
            for (Measurement s : speedups) {
                Optional<Measurement> mine = record(run, s, s.strategy());
                Optional<Measurement> none = record(run, s, Summary.BASELINE);
                Comparison vs = Comparison.sideBySide(mine.orElse(s), none.orElse(s), s);
                List<String> cells = new ArrayList<>();
                if (runs.size() > 1) {
                    cells.add(labels.of(run));
                }
                cells.add(s.fsType());
                cells.add(RecommendationWords.workload(s.workload()));
                cells.add(s.strategy());
                cells.add(RecommendationWords.ratio(vs));
                cells.add(vs.verdict().label());
                cells.add(mine.map(SideBySideTable::time).orElse(""));
                cells.add(none.map(SideBySideTable::time).orElse(""));
                cells.add(s.samples().isPresent() ? Long.toString(s.samples().getAsLong()) : "");
                rows.add(cells);
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<String> headers = new ArrayList<>();
        if (runs.size() > 1) {
            headers.add("Run");
        }
        headers.addAll(List.of("fs", "Workload", "Strategy", "Speed-up over NONE", "Verdict", "Time per record",
                "NONE's time per record", "Iterations"));
        return Optional.of(new Table("Side by side with plain appends", headers, rows));
    }

    /** The mean time per record of {@code strategy} in the same point as {@code speedup}, if recorded. */
    private static Optional<Measurement> record(Run run, Measurement speedup, String strategy) {
        return run.measurements().stream()
                .filter(m -> m.metric().equals(Measurement.RECORD_US) && m.strategy().equals(strategy)
                        && m.fsType().equals(speedup.fsType()) && m.benchmark().equals(speedup.benchmark())
                        && m.workload().equals(speedup.workload()) && m.value().isPresent())
                .findFirst();
    }

    private static String time(Measurement m) {
        return Numbers.measured(m.value().getAsDouble(), m.error(), m.unit());
    }
}
