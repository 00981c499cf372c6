package org.jfallocate.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Draws the report's charts with XChart into PNG files, one panel per filesystem (or filesystem and parameter),
 * runs of several hosts side by side in each panel.
 */
public final class ChartWriter {

    private final List<Run> runs;
    private final RunLabels labels;
    private final Path chartsDir;

    /**
     * @param runs the runs to draw
     * @param chartsDir an existing directory the PNGs are written into
     */
    public ChartWriter(List<Run> runs, Path chartsDir) {
        this.runs = runs;
        this.labels = new RunLabels(runs);
        this.chartsDir = chartsDir;
    }

    /**
     * Writes every chart the runs have data for.
     *
     * @return the charts written, main chart first
     * @throws IOException if a file cannot be written
     */
    public List<ChartFile> writeAll() throws IOException {
        List<ChartFile> out = new ArrayList<>();
        throughput(Workload.Kind.DURABLE_APPEND, "durable-append", "Durable appends",
                "Appends with fsync, per strategy; error bars are JMH's 99.9% confidence intervals.", out);
        reserve(out);
        latency(out);
        throughput(Workload.Kind.BUFFERED_APPEND, "buffered-append", "Buffered appends",
                "Appends without fsync, per strategy; error bars are JMH's 99.9% confidence intervals.", out);
        extents(out);
        throughput(Workload.Kind.HOLE_OPS, "hole-ops", "Hole operations",
                "Punching, collapsing and inserting ranges, per variant; error bars are 99.9% confidence intervals.", out);
        throughput(Workload.Kind.BINDING_OVERHEAD, "binding-overhead", "Binding overhead: jfallocate against JNA and C",
                "The same call through each binding; error bars are 99.9% confidence intervals.", out);
        throughput(Workload.Kind.FRAGMENTATION, "fragmentation", "Interleaved appends",
                "Several files appended to at once, per strategy; error bars are 99.9% confidence intervals.", out);
        throughput(Workload.Kind.OTHER, "other", "Other benchmarks", "Benchmarks the report has no chart of its own for.", out);
        return out;
    }

    private record Point(Run run, Measurement m) {
    }

    private List<Point> points(Predicate<Measurement> filter) {
        List<Point> out = new ArrayList<>();
        for (Run r : runs) {
            for (Measurement m : r.measurements()) {
                // Rows without a value (unsupported, failed, withheld percentiles) have no point to draw.
                if (m.value().isPresent() && filter.test(m)) {
                    out.add(new Point(r, m));
                }
            }
        }
        return out;
    }

    /** Time to reserve space: x = size, y = time per call, both log scale; a line per strategy (and host). */
    private void reserve(List<ChartFile> out) throws IOException {
        List<Point> pts = points(m -> m.isScore() && m.workload().kind() == Workload.Kind.RESERVE && m.sizeBytes().isPresent());
        if (pts.isEmpty()) {
            return;
        }
        // One panel per filesystem and benchmark method (reserve, reserveDurably).
        Set<String> methods = new TreeSet<>();
        pts.forEach(p -> methods.add(p.m.benchmark()));
        List<Chart<?, ?>> panels = new ArrayList<>();
        Map<String, Color> colors = new LinkedHashMap<>();
        for (String fs : filesystems(pts)) {
            for (String method : methods) {
                String title = fs + (methods.size() > 1 ? ", " + method.substring(method.lastIndexOf('.') + 1) : "");
                List<Point> here = pts.stream().filter(p -> p.m.fsType().equals(fs) && p.m.benchmark().equals(method)).toList();
                if (!here.isEmpty()) {
                    panels.add(reservePanel(title, here, colors));
                }
            }
        }
        save(panels, "reserve.png", "Time to reserve space",
                "One call reserving the given size, per strategy and filesystem; both axes logarithmic.", out);
    }

    private XYChart reservePanel(String title, List<Point> pts, Map<String, Color> colors) {
        boolean timeUnits = pts.stream().allMatch(p -> !Double.isNaN(Numbers.microsPer(p.m.unit())));
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title).xAxisTitle("size reserved, log")
                .yAxisTitle(timeUnits ? "time per call (µs), log" : pts.get(0).m.unit()).build();
        ChartStyle.style(chart.getStyler());
        // XChart ignores a tick label function on a log axis, so x is ChartStyle.log2(size) on a linear one.
        chart.getStyler().setYAxisLogarithmic(true).setxAxisTickLabelsFormattingFunction(ChartStyle::bytesTick);
        Map<String, TreeMap<Double, Double>> series = new TreeMap<>(
                Comparator.comparing((String s) -> s.split(" ")[0], ChartStyle.STRATEGIES).thenComparing(Comparator.naturalOrder()));
        for (Point p : pts) {
            if (p.m.value().getAsDouble() > 0) {
                double v = p.m.value().getAsDouble() * (timeUnits ? Numbers.microsPer(p.m.unit()) : 1);
                series.computeIfAbsent(labels.suffix(p.m.strategy(), p.run), k -> new TreeMap<>())
                        .put(ChartStyle.log2(p.m.sizeBytes().getAsLong()), v);
            }
        }
        for (Map.Entry<String, TreeMap<Double, Double>> e : series.entrySet()) {
            XYSeries s = chart.addSeries(e.getKey(), new ArrayList<>(e.getValue().keySet()), new ArrayList<>(e.getValue().values()));
            Color c = colors.computeIfAbsent(e.getKey(), k -> ChartStyle.PALETTE[colors.size() % ChartStyle.PALETTE.length]);
            s.setLineColor(c);
            s.setMarkerColor(c);
        }
        return chart;
    }

    /** Latency percentile curves from the HdrHistogram files, or from the CSV's percentile rows without them. */
    private void latency(List<ChartFile> out) throws IOException {
        record Curve(Run run, String fs, String params, String strategy, List<Histogram.Point> points) {
        }
        boolean manyBenchmarks = runs.stream().flatMap(r -> r.histograms().stream()).map(Histogram::benchmark)
                .distinct().count() > 1;
        List<Curve> curves = new ArrayList<>();
        for (Run r : runs) {
            for (Histogram h : r.histograms()) {
                String params = (manyBenchmarks ? h.benchmark().replaceAll("Benchmark", "") + " " : "") + h.params();
                curves.add(new Curve(r, h.fsType(), params, h.strategy(), h.points()));
            }
        }
        if (curves.isEmpty()) {
            Map<String, Curve> fromCsv = new LinkedHashMap<>();
            for (Point p : points(m -> m.metric().matches("p\\d+(\\.\\d+)?") && !Double.isNaN(Numbers.microsPer(m.unit())))) {
                String params = p.m.syncEvery().isPresent() ? "sync" + p.m.syncEvery().getAsLong() : "";
                String key = p.run.runId() + "|" + p.m.fsType() + "|" + params + "|" + p.m.strategy() + "|" + p.m.benchmark();
                Curve c = fromCsv.computeIfAbsent(key, k -> new Curve(p.run, p.m.fsType(), params, p.m.strategy(), new ArrayList<>()));
                double percentile = Double.parseDouble(p.m.metric().substring(1)) / 100;
                c.points().add(new Histogram.Point(percentile, p.m.value().getAsDouble() * Numbers.microsPer(p.m.unit())));
            }
            curves.addAll(fromCsv.values());
        }
        if (curves.isEmpty()) {
            return;
        }
        Set<String> panelKeys = new TreeSet<>();
        curves.forEach(c -> panelKeys.add(c.fs + "\u0000" + c.params));
        Map<String, Color> colors = new LinkedHashMap<>();
        List<Chart<?, ?>> panels = new ArrayList<>();
        for (String key : panelKeys) {
            String[] fsParams = key.split("\u0000", -1);
            XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                    .title(fsParams[0] + (fsParams[1].isEmpty() ? "" : ", " + fsParams[1]))
                    .xAxisTitle("percentile").yAxisTitle("latency (µs), log").build();
            ChartStyle.style(chart.getStyler());
            // x is log10(1 / (1 - percentile)) on a linear axis: 1 = 90%, 2 = 99%, 3 = 99.9%.
            chart.getStyler().setYAxisLogarithmic(true).setxAxisTickLabelsFormattingFunction(ChartStyle::percentileTick);
            chart.getStyler().setMarkerSize(0);
            curves.stream().filter(c -> (c.fs + "\u0000" + c.params).equals(key))
                    .sorted(Comparator.comparing(Curve::strategy, ChartStyle.STRATEGIES))
                    .forEach(c -> {
                        List<Double> xs = new ArrayList<>();
                        List<Double> ys = new ArrayList<>();
                        for (Histogram.Point p : c.points) {
                            if (p.percentile() < 1 && p.micros() > 0) {
                                xs.add(-Math.log10(1 - p.percentile()));
                                ys.add(p.micros());
                            }
                        }
                        if (!xs.isEmpty()) {
                            String name = labels.suffix(c.strategy, c.run);
                            XYSeries s = chart.addSeries(name, xs, ys);
                            Color color = colors.computeIfAbsent(name, k -> ChartStyle.PALETTE[colors.size() % ChartStyle.PALETTE.length]);
                            s.setLineColor(color);
                            s.setMarkerColor(color);
                        }
                    });
            if (!chart.getSeriesMap().isEmpty()) {
                panels.add(chart);
            }
        }
        save(panels, "latency.png", "Latency percentiles",
                "Per-operation latency against percentile (HdrHistogram's percentile distribution), per strategy; "
                        + "the x axis spreads the tail: 90%, 99%, 99.9%, ...", out);
    }

    /** Extents per file after each benchmark: bars per strategy, a series per workload (and host). */
    private void extents(List<ChartFile> out) throws IOException {
        List<Point> pts = points(m -> Measurement.EXTENTS.equals(m.metric()));
        if (pts.isEmpty()) {
            return;
        }
        categoryPanels(pts, "extents per file", 0, "extents.png", "Extents per file",
                "How fragmented the file each strategy leaves is (fewer is better).", out);
    }

    private void throughput(Workload.Kind kind, String file, String title, String caption, List<ChartFile> out)
            throws IOException {
        List<Point> pts = points(m -> m.isScore() && m.workload().kind() == kind);
        if (pts.isEmpty()) {
            return;
        }
        if (kind == Workload.Kind.DURABLE_APPEND || kind == Workload.Kind.BUFFERED_APPEND) {
            pts = pts.stream().map(p -> new Point(p.run, asThroughput(p.m))).toList();
        }
        List<Point> rates = pts.stream().filter(p -> Numbers.higherIsBetter(p.m.unit())).toList();
        List<Point> times = pts.stream().filter(p -> !Numbers.higherIsBetter(p.m.unit())).toList();
        boolean both = !rates.isEmpty() && !times.isEmpty();
        if (!rates.isEmpty()) {
            boolean appends = kind == Workload.Kind.DURABLE_APPEND || kind == Workload.Kind.BUFFERED_APPEND;
            categoryPanels(rates, appends ? "records per second" : "operations per second", 1, file + (both ? "-throughput" : "") + ".png",
                    title + (both ? " (throughput)" : ""), caption + " Higher is better.", out);
        }
        if (!times.isEmpty()) {
            // Calls under a microsecond (the binding-overhead benchmark) read better in nanoseconds.
            // and operations of tens of milliseconds (the hole operations) in milliseconds.
            boolean nanos = times.stream().allMatch(p -> p.m.value().getAsDouble() * scale(p.m.unit()) < 1);
            boolean millis = times.stream().anyMatch(p -> p.m.value().getAsDouble() * scale(p.m.unit()) >= 10_000);
            categoryPanels(times, "time per operation (" + (nanos ? "ns" : millis ? "ms" : "µs") + ")",
                    nanos ? 1e3 : millis ? 1e-3 : 1,
                    file + (both ? "-time" : "") + ".png",
                    title + (both ? " (time per operation)" : ""), caption + " Lower is better.", out);
        }
    }

    /** The panel a point is drawn in: its filesystem, and for appends with fsync its sync interval. */
    private static String panel(Point p) {
        Workload w = p.m.workload();
        if (w.kind() == Workload.Kind.HOLE_OPS && w.benchmark().contains(": ")) {
            return p.m.fsType() + ", " + w.benchmark().substring(w.benchmark().indexOf(": ") + 2);
        }
        boolean bySync = w.kind() == Workload.Kind.DURABLE_APPEND && p.m.syncEvery().isPresent();
        return p.m.fsType() + (bySync ? ", sync every " + p.m.syncEvery().getAsLong() : "");
    }

    /**
     * Bars per strategy, a series per remaining parameter set and host, one panel per filesystem (and sync).
     * {@code factor} multiplies values after converting them to ops/s or µs; 0 draws them as they are.
     */
    private void categoryPanels(List<Point> pts, String yTitle, double factor, String file, String title,
                                String caption, List<ChartFile> out) throws IOException {
        boolean manyBenchmarks = pts.stream().map(p -> p.m.workload().benchmark()).distinct().count() > 1;
        Set<String> seriesNames = new LinkedHashSet<>();
        pts.stream().sorted(Comparator.comparing((Point p) -> p.m.workload()).thenComparingInt(p -> runs.indexOf(p.run)))
                .forEach(p -> seriesNames.add(seriesName(p, manyBenchmarks)));
        Set<String> panelKeys = new TreeSet<>(Comparator.comparing((String k) -> k.split(",")[0])
                .thenComparingLong(k -> k.contains("sync every ") ? Long.parseLong(k.substring(k.lastIndexOf(' ') + 1)) : 0)
                .thenComparing(Comparator.naturalOrder()));
        pts.forEach(p -> panelKeys.add(panel(p)));
        List<Chart<?, ?>> panels = new ArrayList<>();
        for (String key : panelKeys) {
            List<Point> here = pts.stream().filter(p -> panel(p).equals(key)).toList();
            Set<String> strategies = new TreeSet<>(ChartStyle.STRATEGIES);
            here.forEach(p -> strategies.add(category(p)));
            CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(key)
                    .yAxisTitle(yTitle).build();
            ChartStyle.style(chart.getStyler());
            chart.getStyler().setXAxisLabelRotation(strategies.size() > 4 ? 20 : 0);
            chart.getStyler().setErrorBarsColor(Color.BLACK);
            List<String> cats = new ArrayList<>(strategies);
            int colorIndex = 0;
            for (String name : seriesNames) {
                Color color = ChartStyle.PALETTE[colorIndex++ % ChartStyle.PALETTE.length];
                List<Double> values = new ArrayList<>();
                List<Double> errors = new ArrayList<>();
                boolean any = false;
                for (String cat : cats) {
                    Point hit = here.stream().filter(p -> category(p).equals(cat) && seriesName(p, manyBenchmarks).equals(name))
                            .findFirst().orElse(null);
                    double scale = hit == null || factor == 0 ? 1 : factor * scale(hit.m.unit());
                    values.add(hit == null ? 0.0 : hit.m.value().getAsDouble() * scale);
                    errors.add(hit == null ? 0.0 : hit.m.error().orElse(0) * scale);
                    any |= hit != null;
                }
                if (any) {
                    chart.addSeries(name, cats, values, errors).setFillColor(color);
                }
            }
            // One series in a one-run report needs no legend: the panel title says what it is.
            chart.getStyler().setLegendVisible(seriesNames.size() > 1);
            panels.add(chart);
        }
        save(panels, file, title, caption, out);
    }

    private static String category(Point p) {
        return p.m.strategy().isEmpty() ? p.m.benchmark() : p.m.strategy();
    }

    private String seriesName(Point p, boolean manyBenchmarks) {
        Workload w = p.m.workload();
        if (w.kind() == Workload.Kind.HOLE_OPS) {
            return labels.suffix("score", p.run); // the panel names the pair; only hosts differ
        }
        List<String> parts = new ArrayList<>();
        if (manyBenchmarks) {
            parts.add(w.benchmark().replace("Benchmark", ""));
        }
        w.recordBytes().ifPresent(r -> parts.add(Numbers.bytes(r) + " records"));
        if (w.kind() != Workload.Kind.DURABLE_APPEND) {
            w.syncEvery().ifPresent(s -> parts.add(s == 0 ? "no sync" : "sync " + s));
        }
        w.sizeBytes().ifPresent(s -> parts.add(Numbers.bytes(s)));
        String base = parts.isEmpty() ? w.benchmark() : String.join(", ", parts);
        return labels.suffix(base, p.run);
    }

    /**
     * An append score as records per second: the suite measures time per record, the question is throughput.
     * The error is carried over to first order (relative error unchanged).
     */
    private static Measurement asThroughput(Measurement m) {
        double us = Numbers.microsPer(m.unit());
        if (Double.isNaN(us) || !(m.value().getAsDouble() > 0)) {
            return m;
        }
        double t = m.value().getAsDouble() * us;
        double rate = 1e6 / t;
        java.util.OptionalDouble error = m.error().isPresent()
                ? java.util.OptionalDouble.of(rate * m.error().getAsDouble() * us / t) : m.error();
        return new Measurement(m.runId(), m.host(), m.kernel(), m.jdk(), m.cpu(), m.fsType(), m.device(), m.benchmark(),
                m.strategy(), m.sizeBytes(), m.recordBytes(), m.syncEvery(), m.metric(), "ops/s",
                java.util.OptionalDouble.of(rate), error, m.samples(), m.note(), m.params(), m.line());
    }

    /** Factor to ops/s for throughput units, to µs for time units, 1 otherwise. */
    private static double scale(String unit) {
        if (Numbers.higherIsBetter(unit)) {
            double per = Numbers.microsPer(unit.substring(4));
            return Double.isNaN(per) ? 1 : 1e6 / per;
        }
        double us = Numbers.microsPer(unit);
        return Double.isNaN(us) ? 1 : us;
    }

    private static Set<String> filesystems(List<Point> pts) {
        Set<String> fs = new TreeSet<>();
        pts.forEach(p -> fs.add(p.m.fsType()));
        return fs;
    }

    private void save(List<Chart<?, ?>> panels, String file, String title, String caption, List<ChartFile> out)
            throws IOException {
        if (panels.isEmpty()) {
            return;
        }
        ChartStyle.saveGrid(panels, chartsDir.resolve(file));
        out.add(new ChartFile(file, title, caption));
    }
}
