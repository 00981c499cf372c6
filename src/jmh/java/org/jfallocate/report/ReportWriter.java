package org.jfallocate.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a report's files into a directory: {@code index.html}, {@code summary.md}, {@code recommendation.txt},
 * {@code summary.csv}, {@code merged.csv} and the charts under {@code charts/}. The page opens with the
 * recommendation, then the headline charts, then the other charts, and ends with the tables.
 */
public final class ReportWriter {

    private final List<Run> runs;
    private final List<SummaryRow> summary;
    private final RunLabels labels;
    private final List<Recommendation> recommendations;

    /** @param runs the runs to report on, already checked */
    public ReportWriter(List<Run> runs) {
        this.runs = runs;
        this.summary = Summary.of(runs);
        this.labels = new RunLabels(runs);
        this.recommendations = Recommender.of(summary);
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
        List<Table> fio = ValidationSection.tables(runs);
        Files.writeString(dir.resolve("summary.md"), markdown(chartFiles, fio), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("index.html"), html(chartFiles, fio), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("recommendation.txt"), recommendationText(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("summary.csv"), summaryCsv(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("merged.csv"), mergedCsv(), StandardCharsets.UTF_8);
    }

    /** The charts shown first, after the recommendation: the headline question. */
    private static final java.util.Set<String> HEADLINE = java.util.Set.of("durable-append.png", "latency.png");
    /** A table with more rows than this is collapsed on the page. */
    private static final int LONG_TABLE = 8;

    /** @return the recommendations this report opens with */
    public List<Recommendation> recommendations() {
        return recommendations;
    }

    /** @return how long a single run took ({@code duration_s} of its environment), e.g. {@code 27 min 34 s} */
    public java.util.Optional<String> duration() {
        if (runs.size() != 1) {
            return java.util.Optional.empty();
        }
        String s = runs.get(0).environment().get("duration_s");
        if (s == null || !s.matches("\\d+")) {
            return java.util.Optional.empty();
        }
        long total = Long.parseLong(s);
        return java.util.Optional.of(total >= 60 ? total / 60 + " min " + total % 60 + " s" : total + " s");
    }

    /** @return the recommendations as the terminal shows them */
    public String recommendationText() {
        return RecommendationText.of(recommendations, labels);
    }

    private String title() {
        return runs.size() == 1 ? "jfallocate benchmarks: " + runs.get(0).runId()
                : "jfallocate benchmarks: " + runs.size() + " runs compared";
    }

    /** One line under the title: which machine, profile and filesystems. */
    private String subtitle() {
        List<String> parts = new ArrayList<>();
        for (Run r : runs) {
            Map<String, String> env = r.environment();
            parts.add(r.host() + ", " + env.getOrDefault("profile", "?") + " profile, " + env.getOrDefault("cores", "?")
                    + " cores, kernel " + env.getOrDefault("kernel", r.measurements().get(0).kernel()) + ": "
                    + String.join(", ", r.filesystems()) + (runs.size() > 1 && r == runs.get(0) ? " (reference)" : ""));
        }
        return String.join("; ", parts);
    }

    private static final String READING = "For each filesystem and workload: the fastest strategy, its score "
            + "(± JMH's 99.9% confidence half-width, in the unit that suits it), how many times faster it is than NONE "
            + "(plain appends, no space reserved) ± the error carried over from both scores, and the runner-up. \"significant\" means the two intervals score ± "
            + "error do not overlap; \"within error\" means they do, and the difference may be noise. In the reserve "
            + "workloads NONE and SPARSE, which reserve no blocks, are not ranked. \"Side by side with plain appends\", "
            + "where a run has it, gives each strategy's speed-up measured in the same iterations as NONE's, record by "
            + "record in turn (SideBySideAppendBenchmark): the mean of the iterations' ratios ± its 99.9% confidence "
            + "half-width, significant where that interval does not hold 1. The recommendation quotes these.";

    private List<Table> comparisons() {
        List<Table> out = new ArrayList<>();
        AgainstReference.table(runs, labels, true).ifPresent(out::add);
        AgainstReference.table(runs, labels, false).ifPresent(out::add);
        return out;
    }

    private List<Table> details() {
        List<Table> tables = new ArrayList<>();
        SideBySideTable.of(runs, labels).ifPresent(tables::add);
        tables.addAll(SummaryTables.fastest(summary, runs.size() > 1, labels));
        if (runs.size() > 1) {
            tables.add(SummaryTables.hostsSideBySide(summary, runs, labels));
        }
        SummaryTables.failures(runs).ifPresent(tables::add);
        tables.add(SummaryTables.machines(runs));
        return tables;
    }

    private String markdown(List<ChartFile> charts, List<Table> fio) {
        StringBuilder sb = new StringBuilder("# ").append(title()).append("\n\n").append(subtitle()).append("\n\n");
        sb.append(RecommendationMarkdown.of(recommendations, labels));
        List<Table> comparisons = comparisons();
        if (!comparisons.isEmpty()) {
            sb.append("## Your machine against the reference\n\n");
            comparisons.forEach(t -> sb.append(t.markdown()));
        }
        sb.append("## Charts\n\n");
        for (ChartFile c : ordered(charts)) {
            sb.append("### ").append(c.title()).append("\n\n").append(c.caption()).append("\n\n")
                    .append("![").append(c.title()).append("](charts/").append(c.fileName()).append(")\n\n");
        }
        sb.append(ValidationSection.markdown(fio));
        sb.append("## Fastest strategy per filesystem and workload\n\n").append(READING).append("\n\n");
        details().forEach(t -> sb.append(t.markdown()));
        return sb.toString();
    }

    private static List<ChartFile> ordered(List<ChartFile> charts) {
        List<ChartFile> out = new ArrayList<>(charts.stream().filter(c -> HEADLINE.contains(c.fileName())).toList());
        charts.stream().filter(c -> !HEADLINE.contains(c.fileName())).forEach(out::add);
        return out;
    }

    private static String figure(ChartFile c) {
        String src = "charts/" + Html.escape(c.fileName());
        return "<figure><h3>" + Html.escape(c.title()) + "</h3><a href=\"" + src + "\"><img src=\"" + src
                + "\" alt=\"" + Html.escape(c.title()) + "\"></a><figcaption>" + Html.escape(c.caption())
                + "</figcaption></figure>\n";
    }

    /** A table in its own scrolling box, collapsed when it is long. */
    private static String collapsible(Table t, boolean open) {
        boolean collapse = !open && t.rows().size() > LONG_TABLE;
        String box = "<div class=\"table-box\">" + t.htmlTable() + "</div>\n";
        if (!collapse) {
            return "<h3>" + Html.escape(t.title()) + "</h3>\n" + box;
        }
        return "<details><summary>" + Html.escape(t.title()) + " (" + t.rows().size() + " rows)</summary>\n" + box
                + "</details>\n";
    }

    private String html(List<ChartFile> charts, List<Table> fio) {
        StringBuilder sb = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                *, *::before, *::after { box-sizing: border-box; }
                body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 1300px; color: #222; padding: 0 1em 2em 1em; line-height: 1.45; }
                header { margin: 1.2em 0 0.5em 0; }
                h1 { font-size: 1.6em; margin: 0 0 0.2em 0; overflow-wrap: anywhere; }
                .subtitle { color: #555; margin: 0; overflow-wrap: anywhere; }
                nav { margin: 0.6em 0 0 0; display: flex; flex-wrap: wrap; gap: 0.4em 1.2em; }
                main > section { margin-bottom: 2em; }
                .recommendation { background: #f5f9ff; border: 1px solid #c9dcf5; border-radius: 6px; padding: 0.6em 1.2em 0.8em 1.2em; }
                .recommendation h3 { margin: 0.8em 0 0.2em 0; }
                .recommendation ul { padding-left: 1.2em; margin: 0.2em 0; }
                .recommendation > ul > li { margin: 0.5em 0; overflow-wrap: anywhere; }
                .recommendation li ul { color: #444; font-size: 0.92em; }
                .recommendation li details { margin: 0.1em 0 0 0; }
                .recommendation li details summary { font-weight: normal; color: #36c; font-size: 0.9em; }
                .recommendation li.use > strong { color: #0b5a1e; }
                .recommendation li.inconclusive > strong, .recommendation li.no-baseline > strong { color: #8a5a00; }
                .reading { color: #555; font-size: 0.9em; }
                .table-box { max-width: 100%%; overflow-x: auto; margin-bottom: 1.5em; }
                table { border-collapse: collapse; font-size: 0.9em; }
                th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
                th { background: #f0f0f0; }
                tbody tr:nth-child(even) { background: #fafafa; }
                details { margin: 0.6em 0; }
                summary { cursor: pointer; font-weight: bold; }
                figure { margin: 1em 0 2.5em 0; }
                figure img { display: block; max-width: 100%%; height: auto; border: 1px solid #ddd; }
                figcaption { color: #555; margin-top: 0.3em; }
                code { background: #eef; padding: 0 0.2em; border-radius: 3px; }
                @media (max-width: 600px) {
                  body { padding: 0 0.6em 2em 0.6em; }
                  h1 { font-size: 1.3em; }
                  .recommendation { padding: 0.3em 0.7em 0.6em 0.7em; }
                  .recommendation ul { padding-left: 1em; }
                }
                </style>
                </head>
                <body>
                <header>
                <h1>%s</h1>
                <p class="subtitle">%s</p>
                <nav><a href="#recommendation">Recommendation</a><a href="#charts">Charts</a><a href="#details">Tables</a><a href="summary.md">summary.md</a><a href="summary.csv">summary.csv</a><a href="merged.csv">merged.csv</a></nav>
                </header>
                <main>
                """.formatted(Html.escape(title()), Html.escape(title()), Html.escape(subtitle())));
        sb.append(RecommendationHtml.of(recommendations, labels));
        List<Table> comparisons = comparisons();
        if (!comparisons.isEmpty()) {
            sb.append("<section id=\"against-reference\">\n<h2>Your machine against the reference</h2>\n<p>How many "
                    + "times faster each run is than the reference (the first run given), per strategy, ± the error "
                    + "carried over from both scores; significant where the two 99.9% intervals do not overlap.</p>\n");
            for (int i = 0; i < comparisons.size(); i++) {
                sb.append(collapsible(comparisons.get(i), i == 0));
            }
            sb.append("</section>\n");
        }
        List<ChartFile> ordered = ordered(charts);
        sb.append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        ordered.stream().filter(c -> HEADLINE.contains(c.fileName())).forEach(c -> sb.append(figure(c)));
        sb.append("</section>\n");
        if (ordered.stream().anyMatch(c -> !HEADLINE.contains(c.fileName()))) {
            sb.append("<section id=\"more-charts\">\n<h2>More charts</h2>\n");
            ordered.stream().filter(c -> !HEADLINE.contains(c.fileName())).forEach(c -> sb.append(figure(c)));
            sb.append("</section>\n");
        }
        sb.append(ValidationSection.html(fio));
        sb.append("<section id=\"details\">\n<h2>Fastest strategy per filesystem and workload</h2>\n<p class=\"reading\">")
                .append(Html.escape(READING)).append("</p>\n");
        details().forEach(t -> sb.append(collapsible(t, false)));
        sb.append("</section>\n</main>\n");
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

    /**
     * Every run's results.csv rows under one header: a row per measurement, host and run. Each field's text is
     * kept as the suite wrote it; a run written before the last columns existed gets them empty.
     */
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
