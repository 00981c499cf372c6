package org.jfallocate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: a clear error naming the file and line, and no report, not even a partial one. */
class BadResultsTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** Builds a report of {@code runs} into {@code tmp/out/report}; expects it to fail and leave nothing. */
    private String failsWithoutReport(Path... runs) throws IOException {
        Path out = tmp.resolve("out/report");
        BadResultsException e = assertThrows(BadResultsException.class, () -> ReportBuilder.build(List.of(runs), out));
        assertFalse(Files.exists(out), "a failed report must not leave " + out);
        if (Files.exists(out.getParent())) {
            try (Stream<Path> left = Files.list(out.getParent())) {
                assertEquals(List.of(), left.toList(), "no temporary directory is left behind");
            }
        }
        return e.getMessage();
    }

    @Test
    void missingCsv_isNamed() throws IOException {
        Path run = RunFixture.beta().writeUnder(tmp);
        Files.delete(run.resolve("results.csv"));
        String message = failsWithoutReport(run);
        assertEquals(run.resolve("results.csv") + ": file is missing", message);
    }

    @Test
    void missingRunDirectory_isNamed() throws IOException {
        String message = failsWithoutReport(tmp.resolve("no-such-run"));
        assertTrue(message.startsWith(tmp.resolve("no-such-run") + ": not a run directory"), message);
    }

    @Test
    void truncatedLastLine_namesFileAndLine() throws IOException {
        Path run = RunFixture.alpha().writeUnder(tmp);
        Path csv = run.resolve("results.csv");
        String text = Files.readString(csv);
        int lines = (int) text.lines().count();
        Files.writeString(csv, text.substring(0, text.length() - 20));
        String message = failsWithoutReport(run);
        assertEquals(csv + ":" + lines + ": truncated: the last line has no line end (was the run interrupted?)", message);
    }

    @Test
    void truncatedInsideAQuotedField_namesFileAndLine() throws IOException {
        Path run = RunFixture.beta().writeUnder(tmp);
        Path csv = run.resolve("results.csv");
        String text = Files.readString(csv);
        // Cut inside the quoted cpu field of the last row.
        int cut = text.lastIndexOf("\"Test CPU") + 5;
        Files.writeString(csv, text.substring(0, cut));
        assertEquals(csv + ":3: truncated: a quoted field is never closed", failsWithoutReport(run));
    }

    @Test
    void missingColumn_isNamed() throws IOException {
        Path run = RunFixture.beta().writeUnder(tmp);
        Path csv = run.resolve("results.csv");
        // Drop the error column (the 16th) from every line.
        List<String> lines = Files.readAllLines(csv).stream().map(l -> {
            List<String> f = new java.util.ArrayList<>(List.of(l.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)));
            f.remove(15);
            return String.join(",", f);
        }).toList();
        Files.writeString(csv, String.join("\n", lines) + "\n");
        String message = failsWithoutReport(run);
        assertTrue(message.startsWith(csv + ":1: missing column error (header is: run_id,host,"), message);
    }

    @Test
    void rowWithTooFewFields_namesItsLine() throws IOException {
        Path run = RunFixture.beta().writeUnder(tmp);
        Path csv = run.resolve("results.csv");
        Files.writeString(csv, Files.readString(csv) + "20261124-090000-beta,beta,6.18.0\n");
        assertEquals(csv + ":4: has 3 fields, the header has 21", failsWithoutReport(run));
    }

    @Test
    void valueNotANumber_namesColumnAndLine() throws IOException {
        Path run = RunFixture.beta().writeUnder(tmp);
        Path csv = run.resolve("results.csv");
        Files.writeString(csv, Files.readString(csv).replace("us/op,667,12", "us/op,fast,12"));
        assertEquals(csv + ":3: column value must be a finite number, was 'fast'", failsWithoutReport(run));
    }

    @Test
    void filesystemWithoutRows_isAnError() throws IOException {
        Path run = RunFixture.alpha().writeUnder(tmp);
        Path csv = run.resolve("results.csv");
        List<String> kept = Files.readAllLines(csv).stream().filter(l -> !l.contains(",xfs,")).toList();
        Files.writeString(csv, String.join("\n", kept) + "\n");
        String message = failsWithoutReport(run);
        assertTrue(message.startsWith(csv + ": no rows for filesystem xfs, which environment (fs.xfs) says was benchmarked"),
                message);
    }

    @Test
    void headerOnly_isAnError() throws IOException {
        Path run = RunFixture.beta().writeUnder(tmp);
        Path csv = run.resolve("results.csv");
        Files.writeString(csv, RunFixture.HEADER + "\n");
        Files.delete(run.resolve("environment"));
        Files.delete(run.resolve("jmh-ext4.json"));
        assertEquals(csv + ": has a header but no measurements", failsWithoutReport(run));
    }

    @Test
    void oneBadRunInAMerge_writesNoMergedReport() throws IOException {
        Path good = RunFixture.alpha().writeUnder(tmp);
        Path bad = RunFixture.beta().writeUnder(tmp);
        Files.writeString(bad.resolve("results.csv"), RunFixture.HEADER);
        String message = failsWithoutReport(good, bad);
        assertTrue(message.startsWith(bad.resolve("results.csv") + ":1: truncated"), message);
    }

    @Test
    void failedRebuild_leavesThePreviousReportAsItWas() throws IOException {
        Path run = RunFixture.beta().writeUnder(tmp);
        Path report = run.resolve("report");
        ReportBuilder.build(List.of(run), report);
        String before = Files.readString(report.resolve("summary.md"));

        Path csv = run.resolve("results.csv");
        Files.writeString(csv, Files.readString(csv).replace("us/op,667,12", "us/op,,12"));
        BadResultsException e = assertThrows(BadResultsException.class, () -> ReportBuilder.build(List.of(run), report));
        assertEquals(csv + ":3: column value is empty (only 'unsupported' and 'failed' rows, and rows whose note says why, may omit it)", e.getMessage());
        assertEquals(before, Files.readString(report.resolve("summary.md")));
    }

    @Test
    void truncatedHistogram_isNamed() throws IOException {
        Path run = RunFixture.beta().writeUnder(tmp);
        Path h = run.resolve("histograms/DurableAppendBenchmark.append__ext4__FALLOCATE__sync1.hgrm");
        String text = Files.readString(h);
        Files.writeString(h, text.substring(0, text.indexOf("#[Mean") - 30));
        String message = failsWithoutReport(run);
        assertTrue(message.startsWith(h + ":"), message);
        assertTrue(message.contains("truncated"), message);
    }

    @Test
    void twoScoresForOneStrategyAndWorkload_isAnError() throws IOException {
        Path run = RunFixture.beta().writeUnder(tmp);
        Path csv = run.resolve("results.csv");
        List<String> lines = Files.readAllLines(csv);
        Files.writeString(csv, String.join("\n", lines) + "\n" + lines.get(2) + "\n");
        assertEquals(csv + ":4: a second score for ext4, DurableAppendBenchmark.append, 4 KiB records, sync every 1,"
                + " strategy FALLOCATE (first on line 3)", failsWithoutReport(run));
    }

    @Test
    void oneWorkloadInTwoUnits_isAnError() throws IOException {
        Path run = RunFixture.beta().writeUnder(tmp);
        Path csv = run.resolve("results.csv");
        Files.writeString(csv, Files.readString(csv).replace("us/op,667,12", "ms/op,0.667,0.012"));
        assertEquals(csv + ":3: unit ms/op differs from line 2's us/op for the same workload", failsWithoutReport(run));
    }
}
