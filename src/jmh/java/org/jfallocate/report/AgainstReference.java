package org.jfallocate.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Your machine against the reference": when several runs are reported, the first one given is the reference
 * (the published run), and every other run's score of each filesystem, workload and strategy is shown as how many
 * times faster (or slower) it is than the reference's, with the error and whether it is significant.
 */
public final class AgainstReference {

    private AgainstReference() {
    }

    /**
     * @param runs the runs, the reference first
     * @param labels their labels
     * @param appends true for the append workloads, false for every other
     * @return the table, empty for a single run or when no point was measured by both
     */
    public static Optional<Table> table(List<Run> runs, RunLabels labels, boolean appends) {
        if (runs.size() < 2) {
            return Optional.empty();
        }
        Run reference = runs.get(0);
        List<List<String>> rows = new ArrayList<>();
        for (Run mine : runs.subList(1, runs.size())) {
            for (Measurement m : mine.measurements()) {
                if (!m.isScore() || isAppend(m.workload()) != appends) {
                    continue;
                }
                Optional<Measurement> ref = reference.measurements().stream()
                        .filter(r -> r.isScore() && r.fsType().equals(m.fsType()) && r.workload().equals(m.workload())
                                && r.strategy().equals(m.strategy()) && r.unit().equals(m.unit()))
                        .findFirst();
                if (ref.isEmpty()) {
                    continue;
                }
                Comparison c = Comparison.of(m, ref.get());
                rows.add(List.of(labels.of(mine), m.fsType(), m.workload().label(),
                        m.strategy().isEmpty() ? m.benchmark() : m.strategy(),
                        Numbers.measured(ref.get().value().orElseThrow(), ref.get().error(), ref.get().unit()),
                        Numbers.measured(m.value().orElseThrow(), m.error(), m.unit()),
                        RecommendationWords.ratio(c) + (c.ratio() >= 1 ? " faster" : "") + ", " + c.verdict().label()));
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String title = (appends ? "Appends" : "Other workloads") + ": your machine against the reference ("
                + labels.of(reference) + ")";
        return Optional.of(new Table(title, List.of("Yours", "Filesystem", "Workload", "Strategy", "Reference",
                "Yours (score)", "Yours vs reference"), rows));
    }

    private static boolean isAppend(Workload w) {
        return w.kind() == Workload.Kind.DURABLE_APPEND || w.kind() == Workload.Kind.BUFFERED_APPEND;
    }
}
