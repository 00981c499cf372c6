package org.jfallocate.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's "Checked against fio" section: the {@code validation.csv} that {@code make validate}
 * wrote into a run directory (docs/validation.md), as one table per run. A run without the file
 * has no such table; a file that is there but malformed stops the report like any bad input.
 */
public final class ValidationSection {

    /** The file {@code make validate} writes into a run directory. */
    public static final String FILE = "validation.csv";

    /** The columns this section shows; the file has more (docs/results-format.md). */
    static final List<String> COLUMNS = List.of("fs_type", "strategy", "samples", "suite_speedup",
            "suite_speedup_error", "fio_speedup", "fio_speedup_error", "suite_vs_fio", "suite_vs_fio_error", "verdict",
            "suite_dev_writes", "suite_dev_kib", "suite_dev_flushes", "fio_dev_writes", "fio_dev_kib", "fio_dev_flushes");

    private static final String READING = "Durable 4 KiB appends (fdatasync after each) into a fresh file, measured "
            + "alternately by the suite (one DurableAppendBenchmark iteration) and by the equivalent fio job, in one "
            + "session on the same mounts. Speed-up: NONE's time per record over the strategy's. suite/fio: the suite's "
            + "speed-up over fio's, 1 being perfect agreement; the target is within ±15% on ext4, xfs and btrfs. "
            + "± is the 95% confidence half-width, propagated. The device columns count what the block device was asked "
            + "to do during the timed writes (/sys/block/*/stat): equal counts mean the two sides ran the same job, "
            + "whatever the timings say on a busy machine. Why pairs differ: docs/validation.md.";

    private ValidationSection() {
    }

    /**
     * @param run a loaded run
     * @param nameRun whether the title names the run (when the report has several)
     * @return its fio table, or null when the run has no {@value #FILE}
     * @throws BadResultsException if the file is malformed or lacks a column
     * @throws IOException if it cannot be read
     */
    public static Table table(Run run, boolean nameRun) throws IOException {
        Path file = run.dir().resolve(FILE);
        if (!Files.exists(file)) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        for (StrictCsv.Row r : StrictCsv.read(file, COLUMNS)) {
            rows.add(List.of(r.get("fs_type"), r.get("strategy"), r.get("samples"),
                    pm(r, "suite_speedup"), pm(r, "fio_speedup"), pm(r, "suite_vs_fio"), r.get("verdict"),
                    device(r, "suite") + " / " + device(r, "fio")));
        }
        if (rows.isEmpty()) {
            throw BadResultsException.at(file, 0, "has a header but no rows");
        }
        return new Table("Suite against fio" + (nameRun ? ": " + run.runId() : ""),
                List.of("fs", "strategy", "samples", "suite speed-up", "fio speed-up", "suite/fio", "verdict",
                        "device writes, KiB, flushes per record: suite / fio"), rows);
    }

    /**
     * @param runs the report's runs
     * @return every run's fio table, in run order (empty when no run has one)
     */
    public static List<Table> tables(List<Run> runs) throws IOException {
        List<Table> tables = new ArrayList<>();
        for (Run run : runs) {
            Table t = table(run, runs.size() > 1);
            if (t != null) {
                tables.add(t);
            }
        }
        return tables;
    }

    /** @return the section in Markdown (heading, how to read it, the tables), or "" without tables */
    public static String markdown(List<Table> tables) {
        if (tables.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("## Checked against fio\n\n").append(READING).append("\n\n");
        tables.forEach(t -> sb.append(t.markdown()));
        return sb.toString();
    }

    /** @return the section in HTML, with the anchor {@code #fio}, or "" without tables */
    public static String html(List<Table> tables) {
        if (tables.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("<section id=\"fio\">\n<h2>Checked against fio</h2>\n<p class=\"reading\">")
                .append(Html.escape(READING)).append("</p>\n");
        // Each table in its own scrolling box, as the page's other tables, so a phone never scrolls sideways.
        tables.forEach(t -> sb.append("<h3>").append(Html.escape(t.title())).append("</h3>\n<div class=\"table-box\">")
                .append(t.htmlTable()).append("</div>\n"));
        return sb.append("</section>\n").toString();
    }

    private static String device(StrictCsv.Row r, String side) {
        String w = r.get(side + "_dev_writes");
        return w.isEmpty() ? "n/a" : w + ", " + r.get(side + "_dev_kib") + ", " + r.get(side + "_dev_flushes");
    }

    private static String pm(StrictCsv.Row r, String column) {
        String value = r.get(column);
        String error = r.get(column + "_error");
        try {
            double v = Double.parseDouble(value);
            double e = Double.parseDouble(error);
            return Numbers.value(v) + " ± " + Numbers.value(e);
        } catch (NumberFormatException ex) {
            throw BadResultsException.at(r.file(), r.line(), "columns " + column + " and " + column
                    + "_error must be numbers, were '" + value + "' and '" + error + "'");
        }
    }
}
