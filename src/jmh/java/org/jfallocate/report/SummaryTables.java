package org.jfallocate.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Turns the summary rows and runs into the tables both the Markdown and the HTML page show. */
public final class SummaryTables {

    private SummaryTables() {
    }

    /**
     * @param runs the runs
     * @return one table describing each run's machine and setup
     */
    public static Table machines(List<Run> runs) {
        List<List<String>> rows = new ArrayList<>();
        for (Run r : runs) {
            Map<String, String> env = r.environment();
            Measurement any = r.measurements().get(0);
            rows.add(List.of(r.host(), r.runId(), env.getOrDefault("kernel", any.kernel()),
                    env.getOrDefault("jdk", any.jdk()), env.getOrDefault("cpu", any.cpu()),
                    env.getOrDefault("cores", ""), env.getOrDefault("profile", ""),
                    String.join(", ", r.filesystems())));
        }
        return new Table("Runs", List.of("Host", "Run", "Kernel", "JDK", "CPU", "Cores", "Profile", "Filesystems"), rows);
    }

    /**
     * @param rows the summary rows
     * @param manyRuns whether to show which host each row is from
     * @param labels the runs' labels
     * @return one table per filesystem: per workload, the fastest strategy and how sure that is
     */
    public static List<Table> fastest(List<SummaryRow> rows, boolean manyRuns, RunLabels labels) {
        Map<String, List<List<String>>> byFs = new LinkedHashMap<>();
        for (SummaryRow row : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(row.workload().label());
            if (manyRuns) {
                cells.add(labels.of(row.run()));
            }
            Measurement best = row.fastest();
            cells.add(name(best));
            cells.add(Numbers.measured(best.value().getAsDouble(), best.error(), best.unit()));
            cells.add(row.vsBaseline().map(SummaryTables::comparison)
                    .orElse(row.workload().kind() == Workload.Kind.RESERVE ? "not compared: NONE reserves nothing"
                            : row.baselineIsFastest() ? "NONE is fastest" : "no NONE run"));
            cells.add(row.vsRunnerUp().map(c -> name(c.other()) + ": " + comparison(c)).orElse("only one strategy"));
            List<String> unsupported = row.unsupported().stream()
                    .map(m -> name(m) + (m.note().isEmpty() ? "" : " (" + errnoOf(m.note()) + ")")).toList();
            cells.add(String.join(", ", new TreeSet<>(unsupported)));
            byFs.computeIfAbsent(row.fsType(), k -> new ArrayList<>()).add(cells);
        }
        List<String> headers = new ArrayList<>(List.of("Workload"));
        if (manyRuns) {
            headers.add("Host");
        }
        headers.addAll(List.of("Fastest", "Score", "Fastest vs NONE (plain appends)", "Fastest vs runner-up", "Unsupported"));
        List<Table> tables = new ArrayList<>();
        byFs.forEach((fs, cells) -> tables.add(new Table(fs, headers, cells)));
        return tables;
    }

    // The suite's note for an unsupported pair is "EOPNOTSUPP: <the whole exception message>":
    // the table shows the errno; the message stays in the CSV.
    static String errnoOf(String note) {
        int colon = note.indexOf(':');
        return colon > 0 ? note.substring(0, colon) : note;
    }

    /**
     * @param rows the summary rows of several runs
     * @param runs the runs, one column each
     * @param labels their labels
     * @return one table: per filesystem and workload, each host's fastest strategy and its score side by side
     */
    public static Table hostsSideBySide(List<SummaryRow> rows, List<Run> runs, RunLabels labels) {
        Map<String, Map<Run, SummaryRow>> byKey = new LinkedHashMap<>();
        for (SummaryRow row : rows) {
            byKey.computeIfAbsent(row.fsType() + " | " + row.workload().label(), k -> new java.util.IdentityHashMap<>())
                    .put(row.run(), row);
        }
        List<String> headers = new ArrayList<>(List.of("Filesystem", "Workload"));
        runs.forEach(r -> headers.add(labels.of(r)));
        List<List<String>> cells = new ArrayList<>();
        byKey.forEach((key, perRun) -> {
            String[] fsWorkload = key.split(" \\| ", 2);
            List<String> line = new ArrayList<>(List.of(fsWorkload[0], fsWorkload[1]));
            for (Run r : runs) {
                SummaryRow row = perRun.get(r);
                if (row == null) {
                    line.add("no data");
                } else {
                    Measurement best = row.fastest();
                    line.add(name(best) + " " + Numbers.measured(best.value().getAsDouble(), best.error(), best.unit()));
                }
            }
            cells.add(line);
        });
        return new Table("Hosts side by side: fastest strategy per host", headers, cells);
    }

    /**
     * @param runs the runs
     * @return the benchmarks that were selected but produced no result, with the reason; empty if none
     */
    public static java.util.Optional<Table> failures(List<Run> runs) {
        List<List<String>> rows = new ArrayList<>();
        for (Run r : runs) {
            for (Measurement m : r.measurements()) {
                if (Measurement.FAILED.equals(m.metric())) {
                    rows.add(List.of(m.fsType(), r.host(), m.benchmark(), m.strategy(), m.note()));
                }
            }
        }
        return rows.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new Table(
                "Benchmarks that produced no result", List.of("Filesystem", "Host", "Benchmark", "Strategy", "Reason"), rows));
    }

    private static String comparison(Comparison c) {
        return RecommendationWords.ratio(c) + (c.ratio() >= 1 ? " faster, " : ", ") + c.verdict().label();
    }

    private static String name(Measurement m) {
        return m.strategy().isEmpty() ? m.benchmark() : m.strategy();
    }
}
