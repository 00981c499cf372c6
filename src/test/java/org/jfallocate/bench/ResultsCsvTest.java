package org.jfallocate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JMH's JSON to the tidy CSV of docs/results-format.md, under a default locale that writes "1,5" for 1.5. */
class ResultsCsvTest {
    private static final String HEADER =
            "run_id,host,kernel,jdk,cpu,fs_type,device,benchmark,strategy,size_bytes,record_bytes,sync_every,metric,unit,value,error,samples,note,params,forks,iterations";

    /**
     * Three benchmarks as JMH 1.37 writes them: one with a strategy, a parameter without a column
     * and secondaries (among them a per-iteration p99.9 mean, which the CSV must not take), one
     * with an allocation rate, one single-sample without anything.
     */
    private static final String JMH_JSON = """
            [
              {
                "jmhVersion" : "1.37",
                "benchmark" : "org.jfallocate.bench.DurableAppendBenchmark.append",
                "mode" : "ss",
                "forks" : 2,
                "warmupIterations" : 1,
                "measurementIterations" : 2,
                "params" : { "dir" : "/mnt/xfs/bench", "recordBytes" : "4096", "strategy" : "FALLOCATE", "syncEvery" : "16",
                             "writePath" : "O_DSYNC", "cache" : "cold" },
                "primaryMetric" : {
                  "score" : 1234.5678, "scoreError" : 12.25, "scoreUnit" : "us/op",
                  "rawData" : [ [ 1230.0, 1240.0 ], [ 1233.0, 1235.27 ] ]
                },
                "secondaryMetrics" : {
                  "gc.alloc.rate" : { "score" : 0.5, "scoreError" : 0.1, "scoreUnit" : "MB/sec", "rawData" : [ [ 0.5, 0.5 ], [ 0.5, 0.5 ] ] },
                  "gc.alloc.rate.norm" : { "score" : 0.0, "scoreError" : 0.0, "scoreUnit" : "B/op", "rawData" : [ [ 0.0, 0.0 ], [ 0.0, 0.0 ] ] },
                  "p99.9" : { "score" : 2500.125, "scoreError" : "NaN", "scoreUnit" : "us", "rawData" : [ [ 2500.125 ] ] }
                }
              },
              {
                "jmhVersion" : "1.37",
                "benchmark" : "org.jfallocate.bench.SideBySideAppendBenchmark.append",
                "mode" : "ss",
                "forks" : 1,
                "measurementIterations" : 3,
                "params" : { "dir" : "/mnt/xfs/bench", "recordBytes" : "4096", "writePath" : "FDATASYNC_EACH", "chunkBytes" : "1048576" },
                "primaryMetric" : { "score" : 2100000.5, "scoreError" : 90000.0, "scoreUnit" : "us/op", "rawData" : [ [ 2.0E6, 2.1E6, 2.2E6 ] ] },
                "secondaryMetrics" : {
                  "record_us@NONE" : { "score" : 450.5, "scoreError" : 20.25, "scoreUnit" : "us", "rawData" : [ [ 440.0, 450.0, 461.5 ] ] },
                  "record_us@ZERO_FILLED" : { "score" : 236.25, "scoreError" : 10.5, "scoreUnit" : "us", "rawData" : [ [ 230.0, 236.0, 242.75 ] ] },
                  "speedup@ZERO_FILLED" : { "score" : 1.9, "scoreError" : 0.15, "scoreUnit" : "x", "rawData" : [ [ 1.91, 1.9, 1.89 ] ] }
                }
              },
              {
                "jmhVersion" : "1.37",
                "benchmark" : "org.jfallocate.bench.BindingOverheadBenchmark.jfallocate",
                "mode" : "avgt",
                "params" : { "dir" : "/mnt/tmpfs/bench" },
                "primaryMetric" : { "score" : 512.5, "scoreError" : 3.5, "scoreUnit" : "ns/op", "rawData" : [ [ 510.0, 515.0 ] ] },
                "secondaryMetrics" : {
                  "gc.alloc.rate.norm" : { "score" : 1.0E-4, "scoreError" : 2.0E-4, "scoreUnit" : "B/op", "rawData" : [ [ 0.0, 2.0E-4 ] ] }
                }
              },
              {
                "jmhVersion" : "1.37",
                "benchmark" : "org.jfallocate.bench.CollapseRangeBenchmark.collapseRange",
                "mode" : "ss",
                "params" : { "dir" : "/mnt/xfs/bench" },
                "primaryMetric" : { "score" : 0.00001, "scoreError" : "NaN", "scoreUnit" : "ms/op", "rawData" : [ [ 0.00001 ] ] },
                "secondaryMetrics" : { }
              }
            ]
            """;

    private static final CsvRow.Context CONTEXT =
            new CsvRow.Context("20261123-151500-host", "host", "6.18.0", "OpenJDK 25", "AMD EPYC, 2 cores", "xfs", "/dev/loop3");

    private Locale saved;

    @BeforeEach
    void germanDefaultLocale() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    @Test
    void jmhJson_becomesOneRowPerMeasurement_withTheContractsColumnsAndPointDecimals(@TempDir Path dir) throws IOException {
        Path json = Files.writeString(dir.resolve("jmh-xfs.json"), JMH_JSON);
        List<CsvRow> rows = new java.util.ArrayList<>(JmhJsonConverter.rows(json, CONTEXT, null));
        rows.add(CsvRow.unsupported(CONTEXT, CsvRow.Point.of("ReserveSpaceBenchmark.reserve", "WRITE_ZEROES"),
                "EOPNOTSUPP: not here, sorry"));
        Path csv = dir.resolve("results.csv");
        CsvWriter.write(csv, rows);

        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"), "line ends must be \\n only");
        List<String> lines = text.lines().toList();
        assertEquals(HEADER, lines.get(0));
        // score for the first (gc.* of a single-shot benchmark dropped, JMH's p99.9 ignored, no histograms here),
        // three per-strategy rows and no score for the side-by-side one, score + gc.alloc.rate.norm for the binding,
        // score for the collapse, one unsupported.
        assertEquals(9, lines.size(), text);

        String side = "SideBySideAppendBenchmark.append";
        List<List<String>> sideBySide = lines.stream().skip(1).map(ResultsCsvTest::split)
                .filter(f -> f.get(7).equals(side)).toList();
        assertEquals(List.of(
                List.of("NONE", "", "4096", "1", "record_us", "us", "450.5", "20.25", "3", "", "chunkBytes=1048576;writePath=FDATASYNC_EACH", "1", "3"),
                List.of("ZERO_FILLED", "", "4096", "1", "record_us", "us", "236.25", "10.5", "3", "", "chunkBytes=1048576;writePath=FDATASYNC_EACH", "1", "3"),
                List.of("ZERO_FILLED", "", "4096", "1", "speedup", "x", "1.9", "0.15", "3", "", "chunkBytes=1048576;writePath=FDATASYNC_EACH", "1", "3")),
                sideBySide.stream().map(f -> f.subList(8, 21)).sorted(java.util.Comparator.comparing(Object::toString)).toList(),
                "each strategy's secondaries as its rows, the round's score left out");

        Map<String, List<String>> byMetric = lines.stream().skip(1).map(ResultsCsvTest::split)
                .filter(f -> !f.get(7).equals(side))
                .collect(Collectors.toMap(f -> f.get(7) + ":" + f.get(12), Function.identity()));
        List<String> score = byMetric.get("DurableAppendBenchmark.append:score");
        assertEquals(List.of("20261123-151500-host", "host", "6.18.0", "OpenJDK 25", "AMD EPYC, 2 cores", "xfs", "/dev/loop3",
                "DurableAppendBenchmark.append", "FALLOCATE", "", "4096", "16", "score", "us/op", "1234.5678", "12.25", "4", "",
                "cache=cold;writePath=O_DSYNC", "2", "2"), score);

        assertFalse(byMetric.containsKey("DurableAppendBenchmark.append:p99.9"),
                "a mean of per-iteration percentiles is not a percentile");
        assertFalse(byMetric.containsKey("DurableAppendBenchmark.append:gc.alloc.rate.norm"));
        List<String> norm = byMetric.get("BindingOverheadBenchmark.jfallocate:gc.alloc.rate.norm");
        assertEquals(List.of("JFALLOCATE", "B/op", "0.0001", "0.0002", "2"), List.of(norm.get(8), norm.get(13), norm.get(14),
                norm.get(15), norm.get(16)));

        List<String> collapse = byMetric.get("CollapseRangeBenchmark.collapseRange:score");
        assertEquals("COLLAPSE_RANGE", collapse.get(8), "a benchmark without strategy is named by its method");
        assertEquals("0.00001", collapse.get(14), "no exponent, no locale");
        assertEquals("", collapse.get(15), "one sample: no error");
        assertEquals(List.of("", "1", ""), collapse.subList(18, 21), "one fork; JMH's JSON did not say how many iterations");

        List<String> unsupported = byMetric.get("ReserveSpaceBenchmark.reserve:unsupported");
        assertEquals("WRITE_ZEROES", unsupported.get(8));
        assertEquals("", unsupported.get(14));
        assertEquals("EOPNOTSUPP: not here, sorry", unsupported.get(17));
        assertTrue(text.contains("\"AMD EPYC, 2 cores\""), "a field with a comma is quoted");
    }

    @Test
    void numbers_areWrittenWithoutLocaleOrExponent() {
        assertEquals("1234567.5", CsvRow.number(1234567.5));
        assertEquals("0.000125", CsvRow.number(1.25e-4));
        assertEquals("3000", CsvRow.number(3e3));
        assertEquals("", CsvRow.number(Double.NaN));
    }

    /** RFC 4180 split of one line (quotes doubled inside quoted fields). */
    private static List<String> split(String line) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        fields.add(cur.toString());
        assertEquals(CsvRow.COLUMNS.size(), fields.size(), () -> "fields in " + line + ": " + Arrays.toString(fields.toArray()));
        return fields;
    }
}
