package org.jfallocate.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Reads JMH's JSON result file (JMH's own CSV depends on the default locale and uses CRLF)
 * and turns every benchmark into tidy rows: the primary score, and the secondary results
 * the report needs (latency percentiles, extents, bytes allocated per operation).
 */
public final class JmhJsonConverter {
    private JmhJsonConverter() {
    }

    /**
     * Secondary results kept; the GC profiler's other counters are left in the JSON, and so is
     * its bytes per op for single-shot benchmarks.
     */
    static final Set<String> SECONDARY = Set.of("p50", "p90", "p99", "p99.9", "max", "extents", "throughput", "gc.alloc.rate.norm",
            "prepare_ms", "switch_us", "switches");

    /** The rows for every benchmark in {@code json}. */
    public static List<CsvRow> rows(Path json, CsvRow.Context context) throws IOException {
        try (Reader in = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
            return rows(JsonParser.parseReader(in).getAsJsonArray(), context);
        }
    }

    static List<CsvRow> rows(JsonArray benchmarks, CsvRow.Context context) {
        List<CsvRow> rows = new ArrayList<>();
        for (JsonElement e : benchmarks) {
            JsonObject b = e.getAsJsonObject();
            String benchmark = HistogramNames.simpleName(b.get("benchmark").getAsString());
            JsonObject params = b.has("params") ? b.getAsJsonObject("params") : new JsonObject();
            String strategy = params.has("strategy") ? params.get("strategy").getAsString()
                    : params.has("reservation") ? params.get("reservation").getAsString() : variantOf(benchmark);
            String size = params.has("segmentBytes") ? param(params, "segmentBytes") : param(params, "size");
            String record = param(params, "recordBytes");
            String sync = param(params, "syncEvery");
            if (params.has("writePath")) {
                // The CSV has one sync_every column: fdatasync paths go there, the others into the
                // benchmark's name, so that every write path stays a workload of its own.
                WritePath path = WritePath.valueOf(params.get("writePath").getAsString());
                sync = path.syncEvery() > 0 ? Integer.toString(path.syncEvery()) : "";
                benchmark += path.csvSuffix();
            }
            boolean singleShot = b.has("mode") && b.get("mode").getAsString().equals("ss");
            rows.add(row(context, benchmark, strategy, size, record, sync, "score", b.getAsJsonObject("primaryMetric")));
            if (b.has("secondaryMetrics")) {
                for (Map.Entry<String, JsonElement> s : b.getAsJsonObject("secondaryMetrics").entrySet()) {
                    // A single-shot "op" is a whole iteration to JMH's GC profiler, setup and teardown
                    // included: its bytes per op would describe the harness, not the call.
                    boolean meaningless = singleShot && s.getKey().startsWith("gc.");
                    if (SECONDARY.contains(s.getKey()) && !meaningless) {
                        rows.add(row(context, benchmark, strategy, size, record, sync, s.getKey(), s.getValue().getAsJsonObject()));
                    }
                }
            }
        }
        return rows;
    }

    private static CsvRow row(CsvRow.Context c, String benchmark, String strategy, String size, String record, String sync,
                              String metric, JsonObject result) {
        return CsvRow.measured(c, benchmark, strategy, size, record, sync, metric, result.get("scoreUnit").getAsString(),
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

    private static String param(JsonObject params, String name) {
        return params.has(name) ? params.get(name).getAsString() : "";
    }

    /** For benchmarks without a strategy: the method as a variant name, collapseRange -> COLLAPSE_RANGE. */
    static String variantOf(String benchmark) {
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        return method.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }
}
