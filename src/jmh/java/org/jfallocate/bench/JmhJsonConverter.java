package org.jfallocate.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Reads JMH's JSON result file (JMH's own CSV depends on the default locale and uses CRLF)
 * and turns every benchmark into tidy rows: the primary score, the secondary results the
 * report needs (extents, throughput, bytes allocated per operation), and the latency
 * percentiles of the point's merged histogram ({@link Percentiles}), each row with the
 * forks and iterations that measured it.
 */
public final class JmhJsonConverter {
    private JmhJsonConverter() {
    }

    /**
     * Secondary results kept; the GC profiler's other counters are left in the JSON, and so is
     * its bytes per op for single-shot benchmarks.
     */
    static final Set<String> SECONDARY = Set.of("extents", "throughput", "gc.alloc.rate.norm",
            "prepare_ms", "switch_us", "switches");

    /**
     * Secondary results of one strategy among several measured in one point, named
     * {@code <metric>@<STRATEGY>} ({@link SideBySideAppendBenchmark}): each becomes a row of
     * that strategy with metric {@code <metric>}.
     */
    static final Set<String> PER_STRATEGY = Set.of(SideBySideAppendBenchmark.SPEEDUP, SideBySideAppendBenchmark.RECORD_US);

    /** Parameters with a column of their own; the others go into {@code params}. */
    private static final Set<String> OWN_COLUMNS = Set.of("dir", "strategy", "size", "recordBytes", "syncEvery");

    /**
     * The rows for every benchmark in {@code json}, with the percentiles of the merged
     * histograms under {@code histogramDir} (none when it is null).
     */
    public static List<CsvRow> rows(Path json, CsvRow.Context context, Path histogramDir) throws IOException {
        try (Reader in = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
            return rows(JsonParser.parseReader(in).getAsJsonArray(), context, histogramDir);
        }
    }

    static List<CsvRow> rows(JsonArray benchmarks, CsvRow.Context context, Path histogramDir) throws IOException {
        List<CsvRow> rows = new ArrayList<>();
        for (JsonElement e : benchmarks) {
            JsonObject b = e.getAsJsonObject();
            String benchmark = HistogramNames.simpleName(b.get("benchmark").getAsString());
            Map<String, String> params = new TreeMap<>();
            if (b.has("params")) {
                b.getAsJsonObject("params").entrySet().forEach(p -> params.put(p.getKey(), p.getValue().getAsString()));
            }
            CsvRow.Point point = point(b, benchmark, params);
            boolean singleShot = b.has("mode") && b.get("mode").getAsString().equals("ss");
            List<CsvRow> secondary = new ArrayList<>();
            List<CsvRow> perStrategy = new ArrayList<>();
            if (b.has("secondaryMetrics")) {
                for (Map.Entry<String, JsonElement> s : b.getAsJsonObject("secondaryMetrics").entrySet()) {
                    // A single-shot "op" is a whole iteration to JMH's GC profiler, setup and teardown
                    // included: its bytes per op would describe the harness, not the call.
                    boolean meaningless = singleShot && s.getKey().startsWith("gc.");
                    int at = s.getKey().indexOf('@');
                    if (at > 0 && PER_STRATEGY.contains(s.getKey().substring(0, at))) {
                        perStrategy.add(row(context, point.withStrategy(s.getKey().substring(at + 1)),
                                s.getKey().substring(0, at), s.getValue().getAsJsonObject()));
                    } else if (SECONDARY.contains(s.getKey()) && !meaningless) {
                        secondary.add(row(context, point, s.getKey(), s.getValue().getAsJsonObject()));
                    }
                }
            }
            // A point that measures several strategies at once reports them per strategy; its own
            // score (one round over all of them) describes none of them.
            if (perStrategy.isEmpty()) {
                rows.add(row(context, point, "score", b.getAsJsonObject("primaryMetric")));
            }
            rows.addAll(secondary);
            rows.addAll(perStrategy);
            if (histogramDir != null) {
                Optional<Histogram> merged = MetricsProfiler.readRaw(histogramDir,
                        HistogramNames.of(benchmark, context.fsType(), params));
                merged.ifPresent(h -> rows.addAll(Percentiles.rows(context, point, h)));
            }
        }
        return rows;
    }

    /** The point a JMH result measured: its parameters, and the forks and iterations it ran. */
    private static CsvRow.Point point(JsonObject b, String benchmark, Map<String, String> params) {
        JsonObject primary = b.getAsJsonObject("primaryMetric");
        String forks = primary.has("rawData") ? Integer.toString(primary.getAsJsonArray("rawData").size()) : "";
        String iterations = b.has("measurementIterations") ? b.get("measurementIterations").getAsString() : "";
        return pointOf(benchmark, params, forks, iterations);
    }

    /**
     * A point of {@code benchmark} with these parameter values ({@code dir} among them or not):
     * the columns results.csv gives it, the rest joined into {@code params}.
     */
    static CsvRow.Point pointOf(String benchmark, Map<String, String> params, String forks, String iterations) {
        StringBuilder other = new StringBuilder();
        new java.util.TreeMap<>(params).forEach((k, v) -> {
            if (!OWN_COLUMNS.contains(k)) {
                other.append(other.isEmpty() ? "" : ";").append(k).append('=').append(v);
            }
        });
        return new CsvRow.Point(benchmark, params.getOrDefault("strategy", variantOf(benchmark)),
                params.getOrDefault("size", ""), params.getOrDefault("recordBytes", ""), syncEvery(params),
                other.toString(), forks, iterations);
    }

    /**
     * The sync_every column: the parameter, or the fdatasync write paths' interval (the write
     * path itself stays in {@code params}, so that O_DSYNC and O_DIRECT points are told apart).
     */
    private static String syncEvery(Map<String, String> params) {
        if (params.containsKey("syncEvery")) {
            return params.get("syncEvery");
        }
        if (params.containsKey("writePath")) {
            int n = WritePath.valueOf(params.get("writePath")).syncEvery();
            return n > 0 ? Integer.toString(n) : "";
        }
        return "";
    }

    private static CsvRow row(CsvRow.Context c, CsvRow.Point point, String metric, JsonObject result) {
        return CsvRow.measured(c, point, metric, result.get("scoreUnit").getAsString(),
                number(result.get("score")), number(result.get("scoreError")), samples(result));
    }

    /** JMH writes NaN as the string "NaN". */
    private static double number(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return Double.NaN;
        }
        return Double.parseDouble(e.getAsString());
    }

    /** How many values are behind a score: the raw data of every fork. */
    private static long samples(JsonObject result) {
        long n = 0;
        if (result.has("rawData")) {
            for (JsonElement fork : result.getAsJsonArray("rawData")) {
                n += fork.getAsJsonArray().size();
            }
        }
        return n;
    }

    /** For benchmarks without a strategy: the method as a variant name, collapseRange -> COLLAPSE_RANGE. */
    static String variantOf(String benchmark) {
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        return method.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }
}
