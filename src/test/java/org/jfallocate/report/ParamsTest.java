package org.jfallocate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A point's other parameters (results.csv's params column) make it a workload of its own. */
class ParamsTest {

    @Test
    void warmAndColdRuns_ofTheSameRivals_areComparedApart(@TempDir Path tmp) throws Exception {
        String collapse = "CollapseRangeBenchmark.collapseRange";
        String copy = "CollapseRangeBenchmark.copyTail";
        Path dir = new RunFixture("20261201-220000-host", "host")
                .row("ext4", collapse, "COLLAPSE_RANGE", "", "", "", "score", "ms/op", "2", "0.1", "", "cache=warm")
                .row("ext4", copy, "COPY_TAIL", "", "", "", "score", "ms/op", "40", "1", "", "cache=warm")
                .row("ext4", collapse, "COLLAPSE_RANGE", "", "", "", "score", "ms/op", "3", "0.1", "", "cache=cold")
                .row("ext4", copy, "COPY_TAIL", "", "", "", "score", "ms/op", "90", "2", "", "cache=cold")
                .writeUnder(tmp);

        List<SummaryRow> rows = Summary.of(List.of(RunLoader.load(dir)));

        assertEquals(List.of("CollapseRangeBenchmark: COLLAPSE_RANGE vs COPY_TAIL, cache=cold",
                        "CollapseRangeBenchmark: COLLAPSE_RANGE vs COPY_TAIL, cache=warm"),
                rows.stream().map(r -> r.workload().label()).toList());
        assertEquals(List.of(3.0, 2.0), rows.stream().map(r -> r.fastest().value().getAsDouble()).toList());
    }

    /** The runs committed under results/ before the params, forks and iterations columns still load. */
    @Test
    void aRunWrittenBeforeTheParamsColumn_stillLoads() throws Exception {
        Path committed = Path.of("results", "20261123-153705-vm");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(committed), "no committed run here");
        Run run = RunLoader.load(committed);
        assertEquals("20261123-153705-vm", run.runId());
        assertEquals("", run.measurements().get(0).params());
    }

    /** Merged with a run of today's columns, an earlier run's rows get empty cells for the columns it lacks. */
    @Test
    void mergedCsv_padsAnEarlierRunsRows(@TempDir Path tmp) throws Exception {
        Path today = RunFixture.beta().writeUnder(tmp);
        Path earlier = RunFixture.alpha().writeUnder(tmp);
        Path csv = earlier.resolve("results.csv");
        // The fixture's last three fields (params, forks, iterations) are never quoted: cut them off.
        List<String> cut = Files.readAllLines(csv).stream()
                .map(l -> l.substring(0, l.lastIndexOf(',', l.lastIndexOf(',', l.lastIndexOf(',') - 1) - 1))).toList();
        Files.writeString(csv, String.join("\n", cut) + "\n");
        assertEquals(String.join(",", RunLoader.EARLIER_COLUMNS), cut.get(0));

        Path out = tmp.resolve("report");
        ReportBuilder.build(List.of(today, earlier), out);
        List<StrictCsv.Row> merged = StrictCsv.read(out.resolve("merged.csv"), RunLoader.COLUMNS);
        assertEquals(cut.size() - 1 + Files.readAllLines(today.resolve("results.csv")).size() - 1, merged.size());
        assertEquals("", merged.getLast().get("iterations"));
    }
}
