package org.jfallocate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import org.jfallocate.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command 'make report' runs, in its own JVM: where it writes, what it prints, its exit status. */
class ReportMainTest {

    @TempDir
    Path tmp;

    private record Result(int status, String out, String err) {
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), ReportMain.class.getName()));
        cmd.addAll(List.of(args));
        ChildProcess.Result r = ChildProcess.run(new ProcessBuilder(cmd), Duration.ofSeconds(60));
        return new Result(r.exit(), r.stdout(), r.stderr());
    }

    @Test
    void oneRun_writesItsReportBesideIt_andExitsZero() throws Exception {
        Path runDir = RunFixture.beta().writeUnder(tmp.resolve("results"));
        Result r = run(runDir.toString());
        assertEquals(0, r.status(), r.err());
        // The recommendation first, then where the report is (the fixture's environment gives no duration).
        assertEquals(List.of("Recommendation:",
                "  ext4, durable 4 KiB appends, fdatasync every record: fallocate segments (FALLOCATE): 1.36 ± 0.03× "
                        + "faster than plain appends (significant)",
                "      Up front: preparation time not measured; allocates the whole segment before the first write",
                "report: " + runDir.resolve("report/index.html") + " (1 run, 1 summary rows)"), r.out().lines().toList());
        assertTrue(Files.isRegularFile(runDir.resolve("report/summary.md")));
    }

    @Test
    void badRun_printsTheFileAndLine_writesNothing_andExitsTwo() throws Exception {
        Path runDir = RunFixture.beta().writeUnder(tmp.resolve("results"));
        Path csv = runDir.resolve("results.csv");
        Files.writeString(csv, Files.readString(csv).stripTrailing());
        Result r = run("--out", tmp.resolve("out/report").toString(), runDir.toString());
        assertEquals(2, r.status());
        assertEquals("report: " + csv + ":3: truncated: the last line has no line end (was the run interrupted?)\n"
                + "report: no report written\n", r.err());
        assertFalse(Files.exists(tmp.resolve("out/report")));
    }

    @Test
    void noRunGiven_isAUsageError() throws Exception {
        Result r = run();
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("report: no run directory given\nusage: ReportMain [--out DIR] RUN_DIR..."), r.err());
    }
}
