package org.jfallocate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.jfallocate.testing.FsMatrix;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The quick profile's durable appends on a real disk-backed filesystem, two forks of one
 * iteration each: the runner starts fork 1 of every strategy before fork 2 of any, and joins
 * each strategy's forks into one point, as JMH would have written it with {@code -f 2}.
 */
class RoundsTest {

    @Test
    void forksRunInRounds_andEachPointJoinsItsForks(@TempDir Path out) throws Exception {
        Path ext4 = FsMatrix.ofEnvironment().get("ext4");
        Assumptions.assumeTrue(ext4 != null, "needs bin/with-fs-matrix's ext4 (JFALLOCATE_MATRIX=" + FsMatrix.raw() + ")");
        System.setProperty("jmh.ignoreLock", "true");
        List<String> order = new ArrayList<>();
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        JmhOutput recording = (runDir, target, options) ->
                new ForwardingOutputFormat(OutputFormatFactory.createFormatInstance(silent, VerboseMode.SILENT)) {
                    @Override
                    public void startBenchmark(BenchmarkParams params) {
                        order.add(params.getParam("strategy"));
                    }
                };
        Path run = out.resolve("20261202-000000-rounds");
        int status = BenchRunner.run(new String[] {"--out", run.toString(), "--profile", "quick", "-f", "2", "-wi", "0",
                "-i", "1", "-p", "dir=" + ext4, "-p", "strategy=NONE,SPARSE", "DurableAppendBenchmark.append$"}, recording);
        assertEquals(0, status);
        assertEquals(List.of("NONE", "SPARSE", "NONE", "SPARSE"), order, "fork 1 of each strategy, then fork 2");

        JsonArray points = JsonParser.parseString(Files.readString(run.resolve("jmh-ext4.json"))).getAsJsonArray();
        assertEquals(2, points.size(), "one point per strategy");
        for (JsonElement e : points) {
            JsonObject primary = e.getAsJsonObject().getAsJsonObject("primaryMetric");
            JsonArray forks = primary.getAsJsonArray("rawData");
            assertEquals(2, e.getAsJsonObject().get("forks").getAsInt());
            assertEquals(2, forks.size());
            double mean = (forks.get(0).getAsJsonArray().get(0).getAsDouble() + forks.get(1).getAsJsonArray().get(0).getAsDouble()) / 2;
            assertEquals(mean, primary.get("score").getAsDouble(), mean * 1e-9, "the score of both forks");
        }
        try (var dir = Files.list(run)) {
            assertEquals(List.of(), dir.map(p -> p.getFileName().toString()).filter(n -> n.contains(".part")).toList(),
                    "no round's file is left");
        }

        List<String> csv = Files.readAllLines(run.resolve("results.csv"));
        for (String strategy : List.of("NONE", "SPARSE")) {
            String score = csv.stream().filter(l -> l.contains(",DurableAppendBenchmark.append," + strategy + ",")
                    && l.contains(",score,")).findFirst().orElseThrow(() -> new AssertionError(String.join("\n", csv)));
            assertTrue(score.endsWith(",2,1"), "2 forks of 1 iteration: " + score);
            String p50 = csv.stream().filter(l -> l.contains(",DurableAppendBenchmark.append," + strategy + ",")
                    && l.contains(",p50,")).findFirst().orElseThrow(() -> new AssertionError(String.join("\n", csv)));
            assertTrue(p50.contains("," + 2 * DurableAppendBenchmark.RECORDS + ","),
                    "the histogram holds the records of both forks: " + p50);
        }
    }
}
