package org.jfallocate.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads a run directory ({@code results/<run-id>/}) and checks it against docs/results-format.md, so that a report
 * is never drawn from half a run.
 */
public final class RunLoader {

    /** The columns of results.csv, in the contract's order: the suite's own list. */
    public static final List<String> COLUMNS = org.jfallocate.bench.CsvRow.COLUMNS;

    /** The columns of runs written before params, forks and iterations were added: such runs still load. */
    static final List<String> EARLIER_COLUMNS = COLUMNS.subList(0, COLUMNS.indexOf("params"));

    private RunLoader() {
    }

    /**
     * @param dir a run directory
     * @return the run, checked
     * @throws BadResultsException if results.csv is missing, truncated or malformed, if its rows disagree on the
     *         run id or host, or if the environment or a JMH JSON file names a filesystem that has no rows
     * @throws IOException if a file cannot be read
     */
    public static Run load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new BadResultsException(dir + ": not a run directory (expected results/<run-id>/ with results.csv)");
        }
        Path csv = dir.resolve("results.csv");
        List<Measurement> measurements = new ArrayList<>();
        for (StrictCsv.Row row : StrictCsv.read(csv, EARLIER_COLUMNS)) {
            measurements.add(toMeasurement(row));
        }
        String header = Files.readString(csv, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        if (!header.equals(String.join(",", COLUMNS)) && !header.equals(String.join(",", EARLIER_COLUMNS))) {
            throw BadResultsException.at(csv, 1, "columns must be exactly, in this order: " + String.join(",", COLUMNS)
                    + " (header is: " + header + ")");
        }
        if (measurements.isEmpty()) {
            throw BadResultsException.at(csv, 0, "has a header but no measurements");
        }
        Measurement first = measurements.get(0);
        for (Measurement m : measurements) {
            if (!m.runId().equals(first.runId()) || !m.host().equals(first.host())) {
                throw BadResultsException.at(csv, m.line(), "run_id/host '" + m.runId() + "'/'" + m.host()
                        + "' differs from line " + first.line() + "'s '" + first.runId() + "'/'" + first.host()
                        + "': one results.csv holds one run");
            }
        }
        Map<String, String> environment = readEnvironment(dir.resolve("environment"));
        String envRunId = environment.get("run_id");
        if (envRunId != null && !envRunId.equals(first.runId())) {
            throw BadResultsException.at(dir.resolve("environment"), 0,
                    "run_id=" + envRunId + " but results.csv says " + first.runId());
        }
        checkEveryFilesystemHasData(dir, environment, measurements);
        return new Run(dir, first.runId(), first.host(), environment, List.copyOf(measurements), readHistograms(dir));
    }

    private static void checkEveryFilesystemHasData(Path dir, Map<String, String> environment,
                                                    List<Measurement> measurements) throws IOException {
        Set<String> withRows = new TreeSet<>();
        measurements.forEach(m -> withRows.add(m.fsType()));
        Map<String, String> claimedBy = new LinkedHashMap<>();
        environment.keySet().stream().filter(k -> k.startsWith("fs."))
                .forEach(k -> claimedBy.put(k.substring(3), "environment (" + k + ")"));
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("jmh-") && n.endsWith(".json"))
                    .forEach(n -> claimedBy.putIfAbsent(n.substring(4, n.length() - 5), n));
        }
        for (Map.Entry<String, String> e : claimedBy.entrySet()) {
            if (!withRows.contains(e.getKey())) {
                throw new BadResultsException(dir.resolve("results.csv") + ": no rows for filesystem " + e.getKey()
                        + ", which " + e.getValue() + " says was benchmarked (filesystems with rows: " + withRows + ")");
            }
        }
    }

    private static Measurement toMeasurement(StrictCsv.Row row) {
        String metric = required(row, "metric");
        boolean valueless = Measurement.UNSUPPORTED.equals(metric) || Measurement.FAILED.equals(metric);
        OptionalDouble value = decimal(row, "value");
        // A value withheld (a percentile of too few samples) is empty, and its note says why.
        boolean withheld = value.isEmpty() && !row.get("note").isBlank();
        if (value.isEmpty() && !valueless && !withheld) {
            throw BadResultsException.at(row.file(), row.line(),
                    "column value is empty (only 'unsupported' and 'failed' rows, and rows whose note says why, may omit it)");
        }
        return new Measurement(required(row, "run_id"), required(row, "host"), row.get("kernel"), row.get("jdk"),
                row.get("cpu"), required(row, "fs_type"), row.get("device"), required(row, "benchmark"),
                row.get("strategy"), integer(row, "size_bytes"), integer(row, "record_bytes"),
                integer(row, "sync_every"), metric, valueless ? row.get("unit") : required(row, "unit"), value,
                decimal(row, "error"), integer(row, "samples"), row.get("note"),
                java.util.Objects.requireNonNullElse(row.get("params"), ""), row.line());
    }

    private static String required(StrictCsv.Row row, String column) {
        String v = row.get(column);
        if (v.isBlank()) {
            throw BadResultsException.at(row.file(), row.line(), "column " + column + " is empty");
        }
        return v;
    }

    private static OptionalLong integer(StrictCsv.Row row, String column) {
        String v = row.get(column);
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw BadResultsException.at(row.file(), row.line(), "column " + column + " must be an integer, was '" + v + "'");
        }
    }

    private static OptionalDouble decimal(StrictCsv.Row row, String column) {
        String v = row.get(column);
        if (v.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return OptionalDouble.of(d);
        } catch (NumberFormatException e) {
            throw BadResultsException.at(row.file(), row.line(), "column " + column + " must be a finite number, was '" + v + "'");
        }
    }

    private static Map<String, String> readEnvironment(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return env;
        }
        int lineNo = 0;
        for (String line : Files.readAllLines(file)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw BadResultsException.at(file, lineNo, "expected key=value, got: " + line);
            }
            env.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return env;
    }

    private static List<Histogram> readHistograms(Path dir) throws IOException {
        Path hdir = dir.resolve("histograms");
        if (!Files.isDirectory(hdir)) {
            return List.of();
        }
        List<Histogram> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(hdir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(Histogram.SUFFIX)).sorted().toList()) {
                out.add(Histogram.read(p));
            }
        }
        return out;
    }
}
