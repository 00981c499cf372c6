package org.jfallocate.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a report's files into a directory: {@code index.html}, {@code summary.md}, {@code summary.csv},
 * {@code merged.csv} and the charts under {@code charts/}.
 */
public final class ReportWriter {

    private final List<Run> runs;
    private final List<SummaryRow> summary;
    private final RunLabels labels;

    /** @param runs the runs to report on, already checked */
    public ReportWriter(List<Run> runs) {
        this.runs = runs;
        this.summary = Summary.of(runs);
        this.labels = new RunLabels(runs);
    }

    /** @return the summary rows this report shows */
    public List<SummaryRow> summary() {
        return summary;
    }

    /**
     * @param dir an empty directory
     * @throws IOException if a file cannot be written
     */
    public void writeInto(Path dir) throws IOException {
        Path charts = Files.createDirectories(dir.resolve("charts"));
        List<ChartFile> chartFiles = new ChartWriter(runs, charts).writeAll();
        List<Table> tables = tables();
        Files.writeString(dir.resolve("summary.md"), markdown(tables, chartFiles), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("index.html"), html(tables, chartFiles), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("summary.csv"), summaryCsv(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("merged.csv"), mergedCsv(), StandardCharsets.UTF_8);
    }

    private List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        tables.add(SummaryTables.machines(runs));
        if (runs.size() > 1) {
            tables.add(SummaryTables.hostsSideBySide(summary, runs, labels));
        }
        tables.addAll(SummaryTables.fastest(summary, runs.size() > 1, labels));
        SummaryTables.failures(runs).ifPresent(tables::add);
        return tables;
    }

    private String title() {
        return runs.size() == 1 ? "jfallocate benchmarks: " + runs.get(0).runId()
                : "jfallocate benchmarks: " + runs.size() + " runs compared";
    }

    private static final String READING = "For each filesystem and workload: the fastest strategy, its score "
            + "(± JMH's 99.9% confidence half-width), how many times faster it is than NONE (plain appends, no space "
            + "reserved), and the runner-up. \"significant\" means the two intervals score ± error do not overlap; "
            + "\"within error\" means they do, and the difference may be noise. In the reserve workloads NONE and SPARSE, "
            + "which reserve no blocks, are not ranked.";

    private String markdown(List<Table> tables, List<ChartFile> charts) {
        StringBuilder sb = new StringBuilder("# ").append(title()).append("\n\n");
        sb.append(tables.get(0).markdown());
        if (!charts.isEmpty()) {
            ChartFile main = charts.get(0);
            sb.append("![").append(main.title()).append("](charts/").append(main.fileName()).append(")\n\n");
        }
        sb.append("## Fastest strategy per filesystem and workload\n\n").append(READING).append("\n\n");
        tables.subList(1, tables.size()).forEach(t -> sb.append(t.markdown()));
        sb.append("## Charts\n\n");
        for (ChartFile c : charts) {
            sb.append("### ").append(c.title()).append("\n\n").append(c.caption()).append("\n\n")
                    .append("![").append(c.title()).append("](charts/").append(c.fileName()).append(")\n\n");
        }
        return sb.toString();
    }

    private String html(List<Table> tables, List<ChartFile> charts) {
        StringBuilder sb = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>%s</title>
                <style>
                body { font-family: sans-serif; margin: 2em auto; max-width: 1300px; color: #222; padding: 0 1em; }
                table { border-collapse: collapse; margin-bottom: 1.5em; font-size: 0.9em; }
                th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
                th { background: #f0f0f0; }
                tbody tr:nth-child(even) { background: #fafafa; }
                figure { margin: 1em 0 2.5em 0; }
                figure img { max-width: 100%%; border: 1px solid #ddd; }
                figcaption { color: #555; margin-top: 0.3em; }
                nav a { margin-right: 1em; }
                </style>
                </head>
                <body>
                <h1>%s</h1>
                """.formatted(Html.escape(title()), Html.escape(title())));
        sb.append("<nav><a href=\"#summary\">Summary</a><a href=\"#charts\">Charts</a>")
                .append("<a href=\"summary.md\">summary.md</a><a href=\"summary.csv\">summary.csv</a>")
                .append("<a href=\"merged.csv\">merged.csv</a></nav>\n");
        sb.append(tables.get(0).html());
        sb.append("<h2 id=\"summary\">Fastest strategy per filesystem and workload</h2>\n<p>")
                .append(Html.escape(READING)).append("</p>\n");
        tables.subList(1, tables.size()).forEach(t -> sb.append(t.html()));
        sb.append("<h2 id=\"charts\">Charts</h2>\n");
        for (ChartFile c : charts) {
            sb.append("<figure><h3>").append(Html.escape(c.title())).append("</h3><img src=\"charts/")
                    .append(Html.escape(c.fileName())).append("\" alt=\"").append(Html.escape(c.title()))
                    .append("\"><figcaption>").append(Html.escape(c.caption())).append("</figcaption></figure>\n");
        }
        // Marks how many charts the browser could load, for a person's console and for the headless-browser test.
        sb.append("""
                <script>
                window.addEventListener('load', function () {
                  var ok = 0;
                  for (var i = 0; i < document.images.length; i++) {
                    if (document.images[i].complete && document.images[i].naturalWidth > 0) ok++;
                  }
                  document.body.dataset.imagesLoaded = ok + '/' + document.images.length;
                });
                </script>
                </body>
                </html>
                """);
        return sb.toString();
    }

    private String summaryCsv() {
        StringBuilder sb = new StringBuilder(CsvOut.line(List.of("run_id", "host", "fs_type", "benchmark", "size_bytes",
                "record_bytes", "sync_every", "unit", "fastest", "value", "error", "vs_none", "vs_none_verdict",
                "runner_up", "vs_runner_up", "vs_runner_up_verdict")));
        for (SummaryRow row : summary) {
            Measurement best = row.fastest();
            Workload w = row.workload();
            sb.append(CsvOut.line(List.of(row.run().runId(), row.run().host(), row.fsType(), w.benchmark(),
                    opt(w.sizeBytes()), opt(w.recordBytes()), opt(w.syncEvery()), best.unit(), best.strategy(),
                    number(best.value().getAsDouble()), best.error().isPresent() ? number(best.error().getAsDouble()) : "",
                    row.vsBaseline().map(c -> number(c.ratio())).orElse(""),
                    row.vsBaseline().map(c -> c.verdict().label()).orElse(""),
                    row.vsRunnerUp().map(c -> c.other().strategy()).orElse(""),
                    row.vsRunnerUp().map(c -> number(c.ratio())).orElse(""),
                    row.vsRunnerUp().map(c -> c.verdict().label()).orElse(""))));
        }
        return sb.toString();
    }

    /** Every run's results.csv rows, as written, under one header: a row per measurement, host and run. */
    private String mergedCsv() throws IOException {
        StringBuilder sb = new StringBuilder(CsvOut.line(RunLoader.COLUMNS));
        for (Run r : runs) {
            // Copying the lines keeps each number's text as the suite wrote it; the loader checked the header.
            String text = Files.readString(r.dir().resolve("results.csv"), StandardCharsets.UTF_8);
            if (text.startsWith(String.join(",", RunLoader.COLUMNS) + "\n")) {
                sb.append(text, text.indexOf('\n') + 1, text.length());
            } else {
                // A run written before the last columns existed: they are empty in its rows.
                String empty = ",".repeat(RunLoader.COLUMNS.size() - RunLoader.EARLIER_COLUMNS.size());
                text.lines().skip(1).forEach(line -> sb.append(line).append(empty).append('\n'));
            }
        }
        return sb.toString();
    }

    private static String opt(java.util.OptionalLong v) {
        return v.isPresent() ? Long.toString(v.getAsLong()) : "";
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
