package org.jfallocate.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Builds the summary tables: per run, filesystem and workload, the fastest strategy and how sure that is. */
public final class Summary {

    /** The strategy every other is compared with: plain appends, no space reserved. */
    public static final String BASELINE = "NONE";
    /** Strategies that reserve no blocks: not contenders in a reserve workload. */
    public static final java.util.Set<String> NOT_RESERVING = java.util.Set.of("NONE", "SPARSE");

    private Summary() {
    }

    /**
     * @param runs the runs, in the order they were given
     * @return one row per run, filesystem and workload that has scores, ordered by filesystem, workload, run
     * @throws BadResultsException if one workload's scores are in different units
     */
    public static List<SummaryRow> of(List<Run> runs) {
        List<SummaryRow> rows = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            Run run = runs.get(r);
            Map<String, Map<Workload, List<Measurement>>> byFs = new TreeMap<>();
            List<Measurement> unsupported = new ArrayList<>();
            for (Measurement m : run.measurements()) {
                if (m.isScore()) {
                    byFs.computeIfAbsent(m.fsType(), k -> new TreeMap<>())
                            .computeIfAbsent(m.workload(), k -> new ArrayList<>()).add(m);
                } else if (Measurement.UNSUPPORTED.equals(m.metric())
                        || (Measurement.FAILED.equals(m.metric()) && !m.strategy().isEmpty())) {
                    // A point that failed is named beside those that cannot run, so that no strategy is left out unsaid.
                    unsupported.add(m);
                }
            }
            // The suite writes an unsupported pair without parameters: it belongs to every parameter set.
            byFs.forEach((fs, workloads) -> workloads.forEach((w, ms) -> {
                List<Measurement> cannot = unsupported.stream()
                        .filter(u -> u.fsType().equals(fs) && appliesTo(u.workload(), w)).toList();
                row(run, fs, w, ms, cannot).ifPresent(rows::add);
            }));
        }
        List<Run> order = List.copyOf(runs);
        rows.sort(Comparator.comparing(SummaryRow::fsType).thenComparing(SummaryRow::workload)
                .thenComparingInt(row -> order.indexOf(row.run())));
        return rows;
    }

    /** Whether an unsupported row's workload covers {@code w}: same benchmark, and each parameter it gives equal. */
    private static boolean appliesTo(Workload u, Workload w) {
        return u.benchmark().equals(w.benchmark())
                && (u.sizeBytes().isEmpty() || u.sizeBytes().equals(w.sizeBytes()))
                && (u.recordBytes().isEmpty() || u.recordBytes().equals(w.recordBytes()))
                && (u.syncEvery().isEmpty() || u.syncEvery().equals(w.syncEvery()))
                && (u.params().isEmpty() || List.of(w.params().split(";")).containsAll(List.of(u.params().split(";"))));
    }

    private static Optional<SummaryRow> row(Run run, String fs, Workload w, List<Measurement> scores,
                                            List<Measurement> unsupported) {
        if (scores.isEmpty()) {
            return Optional.empty();
        }
        String unit = scores.get(0).unit();
        Map<String, Measurement> byStrategy = new LinkedHashMap<>();
        for (Measurement m : scores) {
            if (!m.unit().equals(unit)) {
                throw BadResultsException.at(run.dir().resolve("results.csv"), m.line(), "unit " + m.unit()
                        + " differs from line " + scores.get(0).line() + "'s " + unit + " for the same workload");
            }
            Measurement previous = byStrategy.put(m.strategy(), m);
            if (previous != null) {
                throw BadResultsException.at(run.dir().resolve("results.csv"), m.line(), "a second score for "
                        + fs + ", " + w.label() + ", strategy " + m.strategy() + " (first on line " + previous.line() + ")");
            }
        }
        Comparator<Measurement> fastestFirst = Comparator.comparingDouble(m -> m.value().orElseThrow());
        if (Numbers.higherIsBetter(unit)) {
            fastestFirst = fastestFirst.reversed();
        }
        // Reserving nothing is not a way to reserve space: NONE and SPARSE are left out of the reserve ranking.
        List<Measurement> contenders = w.kind() == Workload.Kind.RESERVE
                ? scores.stream().filter(m -> !NOT_RESERVING.contains(m.strategy())).toList() : scores;
        if (contenders.isEmpty()) {
            return Optional.empty();
        }
        List<Measurement> ranked = contenders.stream().sorted(fastestFirst.thenComparing(Measurement::strategy)).toList();
        Measurement best = ranked.get(0);
        Optional<Comparison> vsBaseline = Optional.ofNullable(byStrategy.get(BASELINE))
                .filter(none -> none != best && w.kind() != Workload.Kind.RESERVE).map(none -> Comparison.of(best, none));
        Optional<Comparison> vsRunnerUp = ranked.size() > 1
                ? Optional.of(Comparison.of(best, ranked.get(1))) : Optional.empty();
        return Optional.of(new SummaryRow(run, fs, w, ranked, vsBaseline, vsRunnerUp, unsupported));
    }
}
