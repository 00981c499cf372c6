package org.jfallocate.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * Forks run in rounds: one JMH run per round, each giving every point of a group one fork, so
 * that the first fork of every strategy runs before the second of any. JMH runs all forks of a
 * point back to back; on a disk whose fdatasync is slow for tens of seconds at a time, that
 * puts one strategy's every sample in the slow span and the next strategy's in the fast one.
 * In rounds, a slow span reaches every strategy alike.
 *
 * <p>A point's forks from all rounds are joined into one {@link RunResult}, which JMH itself
 * aggregates (score, error, percentiles, secondary results, each by its own policy), as if it
 * had run them as one point's forks.
 */
final class Rounds {
    /** How the runner writes JMH's JSON back: indented as JMH writes it, and "=" in JVM flags left as it is. */
    static final Gson JSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private Rounds() {
    }

    /**
     * @param results the results of every round, in the order the rounds ran
     * @return one result per point ({@link BenchRunner#pointKey}) with the forks of every round, in the order the
     *         points first appear
     */
    static List<RunResult> join(Collection<RunResult> results) {
        Map<String, List<RunResult>> byPoint = new LinkedHashMap<>();
        for (RunResult r : results) {
            byPoint.computeIfAbsent(BenchRunner.pointKey(r.getParams()), k -> new ArrayList<>()).add(r);
        }
        List<RunResult> joined = new ArrayList<>();
        for (List<RunResult> rounds : byPoint.values()) {
            List<BenchmarkResult> forks = new ArrayList<>();
            rounds.forEach(r -> forks.addAll(r.getBenchmarkResults()));
            joined.add(new RunResult(rounds.getFirst().getParams(), forks));
        }
        return joined;
    }

    /**
     * Writes {@code results} as JMH's JSON result file does, except that each point's
     * {@code forks} counts the forks of its data: JMH writes the count it was asked for, one
     * per round.
     */
    static void writeJson(Collection<RunResult> results, Path json) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(results);
        }
        JsonArray points = JsonParser.parseString(bytes.toString(StandardCharsets.UTF_8)).getAsJsonArray();
        for (JsonElement e : points) {
            JsonObject point = e.getAsJsonObject();
            point.addProperty("forks", point.getAsJsonObject("primaryMetric").getAsJsonArray("rawData").size());
        }
        Files.writeString(json, JSON.toJson(points), StandardCharsets.UTF_8);
    }
}
