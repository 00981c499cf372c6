package org.jfallocate.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a small run directory the way the JMH suite does (docs/results-format.md), for the report's tests. */
final class RunFixture {

    static final String HEADER = String.join(",", RunLoader.COLUMNS);

    private final String runId;
    private final String host;
    private final List<String> rows = new ArrayList<>();
    private final Map<String, String> histograms = new LinkedHashMap<>();
    private final List<String> filesystems = new ArrayList<>();

    RunFixture(String runId, String host) {
        this.runId = runId;
        this.host = host;
    }

    /** A score, time or throughput, of one strategy. Empty strings for parameters that do not apply. */
    RunFixture score(String fs, String benchmark, String strategy, String size, String record, String sync,
                     String unit, String value, String error) {
        return row(fs, benchmark, strategy, size, record, sync, "score", unit, value, error, "");
    }

    RunFixture row(String fs, String benchmark, String strategy, String size, String record, String sync,
                   String metric, String unit, String value, String error, String note) {
        return row(fs, benchmark, strategy, size, record, sync, metric, unit, value, error, note, "");
    }

    /** A row with other parameters ({@code params} column, e.g. {@code cache=cold}). */
    RunFixture row(String fs, String benchmark, String strategy, String size, String record, String sync,
                   String metric, String unit, String value, String error, String note, String params) {
        if (!filesystems.contains(fs)) {
            filesystems.add(fs);
        }
        rows.add(String.join(",", runId, host, "6.18.0", "OpenJDK 64-Bit Server VM 25+36", "\"Test CPU, 2 cores\"", fs,
                fs.equals("tmpfs") ? "tmpfs" : "/dev/loop" + filesystems.indexOf(fs), benchmark, strategy, size, record,
                sync, metric, unit, value, error, "5", note, params, "1", "5"));
        return this;
    }

    RunFixture histogram(String benchmark, String fs, String strategy, String params, double... microsAtPercentiles) {
        double[] percentiles = {0.0, 0.5, 0.9, 0.99, 0.999, 1.0};
        StringBuilder sb = new StringBuilder("       Value     Percentile TotalCount 1/(1-Percentile)\n\n");
        for (int i = 0; i < percentiles.length; i++) {
            double p = percentiles[i];
            sb.append(String.format(java.util.Locale.ROOT, "%12.3f %2.12f %10d", microsAtPercentiles[i], p, (i + 1) * 100));
            if (p < 1) {
                sb.append(String.format(java.util.Locale.ROOT, " %14.2f", 1 / (1 - p)));
            }
            sb.append('\n');
        }
        sb.append("#[Mean    =       10.000, StdDeviation   =        1.000]\n");
        sb.append("#[Max     =      ").append(microsAtPercentiles[5]).append(", Total count    =          600]\n");
        sb.append("#[Buckets =           20, SubBuckets     =         2048]\n");
        histograms.put(benchmark + "__" + fs + "__" + strategy + "__" + params + ".hgrm", sb.toString());
        return this;
    }

    /** Writes {@code parent/<run-id>/} with results.csv, environment, a jmh-<fs>.json per fs and the histograms. */
    Path writeUnder(Path parent) throws IOException {
        Path dir = Files.createDirectories(parent.resolve(runId));
        Files.writeString(dir.resolve("results.csv"), HEADER + "\n" + String.join("\n", rows) + "\n");
        StringBuilder env = new StringBuilder("run_id=" + runId + "\nhost=" + host + "\nkernel=6.18.0\n"
                + "jdk=OpenJDK 64-Bit Server VM 25+36\ncpu=Test CPU, 2 cores\ncores=2\nprofile=quick\n");
        for (String fs : filesystems) {
            env.append("fs.").append(fs).append("=/mnt/").append(fs).append(" /dev/loop0 rw\n");
            Files.writeString(dir.resolve("jmh-" + fs + ".json"), "[]\n");
        }
        Files.writeString(dir.resolve("environment"), env.toString());
        if (!histograms.isEmpty()) {
            Path h = Files.createDirectories(dir.resolve("histograms"));
            for (Map.Entry<String, String> e : histograms.entrySet()) {
                Files.writeString(h.resolve(e.getKey()), e.getValue());
            }
        }
        return dir;
    }

    static final String DURABLE = "DurableAppendBenchmark.append";
    static final String BUFFERED = "BufferedAppendBenchmark.append";
    static final String RESERVE = "ReserveSpaceBenchmark.reserve";
    static final String OVERHEAD = "BindingOverheadBenchmark";
    static final String HOLES = "HoleOperationsBenchmark";
    static final String MIB = "1048576";
    static final String MIB64 = "67108864";

    /**
     * Host alpha, shaped like the suite's output: ext4 and xfs; appends scored in microseconds per record (sync 1
     * and 16, and buffered), reserve at two sizes, extents and percentiles (one withheld) as secondary rows, the binding-overhead
     * and hole-operation variants as benchmark methods, an unsupported pair without parameters, a benchmark that failed.
     */
    static RunFixture alpha() {
        return new RunFixture("20261123-140000-alpha", "alpha")
                .score("ext4", DURABLE, "NONE", "", "4096", "1", "us/op", "1000", "50")
                .score("ext4", DURABLE, "FALLOCATE", "", "4096", "1", "us/op", "400", "16")
                .score("ext4", DURABLE, "ZERO_FILLED", "", "4096", "1", "us/op", "408", "10")
                .score("ext4", DURABLE, "NONE", "", "4096", "16", "us/op", "125", "6")
                .score("ext4", DURABLE, "FALLOCATE", "", "4096", "16", "us/op", "122", "8")
                .row("ext4", DURABLE, "FALLOCATE", "", "4096", "1", "p50", "us", "350", "", "")
                .row("ext4", DURABLE, "FALLOCATE", "", "4096", "1", "p99", "us", "900", "", "")
                // as the suite writes a percentile it withholds: no value, the reason in the note
                .row("ext4", DURABLE, "FALLOCATE", "", "4096", "1", "p99.9", "us", "", "",
                        "\"too few samples for p99.9: 2560, it needs 10000 (10 beyond it)\"")
                .row("ext4", DURABLE, "FALLOCATE", "", "4096", "1", "extents", "extents", "1", "", "")
                .row("ext4", DURABLE, "NONE", "", "4096", "1", "extents", "extents", "12", "", "")
                .score("ext4", BUFFERED, "NONE", "", "4096", "", "us/op", "1.1", "0.02")
                .score("ext4", BUFFERED, "FALLOCATE", "", "4096", "", "us/op", "1.2", "0.05")
                .score("ext4", RESERVE, "NONE", MIB, "", "", "us/op", "5", "0.5")
                .score("ext4", RESERVE, "FALLOCATE", MIB, "", "", "us/op", "12.5", "0.5")
                .score("ext4", RESERVE, "POSIX_FALLOCATE", MIB, "", "", "us/op", "13", "0.4")
                .score("ext4", RESERVE, "ZERO_FILLED", MIB, "", "", "us/op", "900", "30")
                .score("ext4", RESERVE, "FALLOCATE", MIB64, "", "", "us/op", "20", "1")
                .score("ext4", RESERVE + "Durably", "FALLOCATE", MIB, "", "", "us/op", "300", "20")
                .score("ext4", RESERVE + "Durably", "ZERO_FILLED", MIB, "", "", "us/op", "2000", "100")
                .score("ext4", RESERVE, "ZERO_FILLED", MIB64, "", "", "us/op", "900000", "5000")
                .score("ext4", OVERHEAD + ".jfallocate", "JFALLOCATE", "", "", "", "ns/op", "410", "5")
                .score("ext4", OVERHEAD + ".jna", "JNA", "", "", "", "ns/op", "690", "9")
                .score("ext4", OVERHEAD + ".c", "C", "", "", "", "ns/op", "400", "4")
                .score("ext4", HOLES + ".collapseRange", "COLLAPSE_RANGE", "", "", "", "ms/op", "0.5", "0.1")
                .score("ext4", HOLES + ".copyTail", "COPY_TAIL", "", "", "", "ms/op", "40", "3")
                .score("ext4", HOLES + ".punchHole", "PUNCH_HOLE", "", "", "", "ms/op", "0.2", "0.05")
                .score("ext4", HOLES + ".writeZeros", "WRITE_ZEROS", "", "", "", "ms/op", "9", "1")
                .score("xfs", DURABLE, "NONE", "", "4096", "1", "us/op", "900", "30")
                .score("xfs", DURABLE, "FALLOCATE", "", "4096", "1", "us/op", "450", "10")
                .row("xfs", DURABLE, "ZERO_RANGE", "", "", "", "unsupported", "", "", "",
                        // as the suite writes it: the errno, then the whole message, quoted for its commas
                        "\"EOPNOTSUPP: fallocate(fd=31, ZERO_RANGE, offset=0, len=1048576) failed: EOPNOTSUPP (Operation not supported)\"")
                .row("xfs", "FragmentationBenchmark.interleavedAppends", "", "", "", "", "failed", "", "", "",
                        "java.io.IOException: No space left on device")
                .score("xfs", RESERVE, "FALLOCATE", MIB, "", "", "us/op", "8", "0.2")
                .score("xfs", RESERVE, "ZERO_FILLED", MIB, "", "", "us/op", "700", "20")
                .histogram(DURABLE, "ext4", "NONE", "sync1", 300, 800, 1500, 4000, 9000, 20000)
                .histogram(DURABLE, "ext4", "FALLOCATE", "sync1", 200, 350, 500, 900, 2000, 5000)
                .histogram(DURABLE, "xfs", "FALLOCATE", "sync1", 250, 400, 600, 1100, 2500, 6000);
    }

    /** Host beta: ext4 only, durable appends with sync 1. */
    static RunFixture beta() {
        return new RunFixture("20261124-090000-beta", "beta")
                .score("ext4", DURABLE, "NONE", "", "4096", "1", "us/op", "909", "10")
                .score("ext4", DURABLE, "FALLOCATE", "", "4096", "1", "us/op", "667", "12")
                .histogram(DURABLE, "ext4", "FALLOCATE", "sync1", 150, 300, 450, 800, 1500, 3000);
    }
}
