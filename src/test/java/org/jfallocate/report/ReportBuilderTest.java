package org.jfallocate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report generation on small CSVs written as the suite writes them: the summary's numbers, the files, the merge. */
class ReportBuilderTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static SummaryRow find(List<SummaryRow> rows, String host, String fs, String benchmark, String params) {
        return rows.stream().filter(r -> r.run().host().equals(host) && r.fsType().equals(fs)
                        && r.workload().benchmark().equals(benchmark) && r.workload().label().endsWith(params))
                .reduce((a, b) -> {
                    throw new AssertionError("two rows match " + fs + " " + benchmark + " " + params);
                }).orElseThrow(() -> new AssertionError("no row for " + host + " " + fs + " " + benchmark + " " + params));
    }

    @Test
    void summary_namesFastestStrategy_itsSpeedupOverNone_andWhetherItExceedsTheError() throws IOException {
        Path run = RunFixture.alpha().writeUnder(tmp);
        List<SummaryRow> rows = ReportBuilder.build(List.of(run), run.resolve("report"));

        // Microseconds per record: lower is faster, the speed-up is the slower time over the faster.
        SummaryRow sync1 = find(rows, "alpha", "ext4", RunFixture.DURABLE, "sync every 1");
        assertEquals("FALLOCATE", sync1.fastest().strategy());
        assertEquals(2.5, sync1.vsBaseline().orElseThrow().ratio(), 1e-12);
        assertEquals(Comparison.Verdict.SIGNIFICANT, sync1.vsBaseline().orElseThrow().verdict());
        assertEquals("ZERO_FILLED", sync1.vsRunnerUp().orElseThrow().other().strategy());
        assertEquals(408.0 / 400, sync1.vsRunnerUp().orElseThrow().ratio(), 1e-12);
        assertEquals(Comparison.Verdict.WITHIN_ERROR, sync1.vsRunnerUp().orElseThrow().verdict());

        SummaryRow sync16 = find(rows, "alpha", "ext4", RunFixture.DURABLE, "sync every 16");
        assertEquals("FALLOCATE", sync16.fastest().strategy());
        assertEquals(125.0 / 122, sync16.vsBaseline().orElseThrow().ratio(), 1e-12);
        assertEquals(Comparison.Verdict.WITHIN_ERROR, sync16.vsBaseline().orElseThrow().verdict());

        // Buffered appends: plain appends win, so there is no speed-up over NONE to state.
        SummaryRow buffered = find(rows, "alpha", "ext4", RunFixture.BUFFERED, "4 KiB records");
        assertEquals("NONE", buffered.fastest().strategy());
        assertTrue(buffered.baselineIsFastest());
        assertTrue(buffered.vsBaseline().isEmpty());
        assertEquals(1.2 / 1.1, buffered.vsRunnerUp().orElseThrow().ratio(), 1e-12);
        assertEquals(Comparison.Verdict.SIGNIFICANT, buffered.vsRunnerUp().orElseThrow().verdict());

        SummaryRow reserveMib = find(rows, "alpha", "ext4", RunFixture.RESERVE, "1 MiB");
        assertEquals("FALLOCATE", reserveMib.fastest().strategy());
        assertEquals("POSIX_FALLOCATE", reserveMib.vsRunnerUp().orElseThrow().other().strategy());
        assertEquals(13 / 12.5, reserveMib.vsRunnerUp().orElseThrow().ratio(), 1e-12);
        assertEquals(Comparison.Verdict.WITHIN_ERROR, reserveMib.vsRunnerUp().orElseThrow().verdict());
        assertEquals(List.of("FALLOCATE", "POSIX_FALLOCATE", "ZERO_FILLED"),
                reserveMib.ranked().stream().map(Measurement::strategy).toList(), "NONE reserves nothing: not ranked");
        assertTrue(reserveMib.vsBaseline().isEmpty());
        assertEquals(45000.0, find(rows, "alpha", "ext4", RunFixture.RESERVE, "64 MiB").vsRunnerUp().orElseThrow().ratio(), 1e-9);

        // Variants that are benchmark methods compete within their class.
        SummaryRow overhead = find(rows, "alpha", "ext4", RunFixture.OVERHEAD, RunFixture.OVERHEAD);
        assertEquals(List.of("C", "JFALLOCATE", "JNA"), overhead.ranked().stream().map(Measurement::strategy).toList());
        assertEquals(410.0 / 400, overhead.vsRunnerUp().orElseThrow().ratio(), 1e-12);
        assertEquals(Comparison.Verdict.SIGNIFICANT, overhead.vsRunnerUp().orElseThrow().verdict());
        SummaryRow collapse = find(rows, "alpha", "ext4", RunFixture.HOLES + ": COLLAPSE_RANGE vs COPY_TAIL", "COPY_TAIL");
        assertEquals("COLLAPSE_RANGE", collapse.fastest().strategy());
        assertEquals(80.0, collapse.vsRunnerUp().orElseThrow().ratio(), 1e-12);

        // The unsupported row has no parameters: it belongs to every durable-append workload on xfs.
        SummaryRow xfs = find(rows, "alpha", "xfs", RunFixture.DURABLE, "sync every 1");
        assertEquals(2.0, xfs.vsBaseline().orElseThrow().ratio(), 1e-12);
        assertEquals(List.of("ZERO_RANGE"), xfs.unsupported().stream().map(Measurement::strategy).toList());
        assertEquals(11, rows.size(), "ext4: 2 durable, 1 buffered, 3 reserve, overhead, 2 hole pairs; xfs: 1 durable, 1 reserve");
    }

    @Test
    void summaryMarkdown_showsTheNumbersAsTablesPerFilesystem() throws IOException {
        Path run = RunFixture.alpha().writeUnder(tmp);
        ReportBuilder.build(List.of(run), run.resolve("report"));
        String md = Files.readString(run.resolve("report/summary.md"));

        assertTrue(md.contains("### ext4\n"), md);
        assertTrue(md.contains("### xfs\n"), md);
        assertTrue(md.contains("| DurableAppendBenchmark.append, 4 KiB records, sync every 1 | FALLOCATE | 400 ± 16 µs"
                + " | 2.50 ± 0.16× faster, significant | ZERO_FILLED: 1.02 ± 0.05× faster, within error |  |\n"), md);
        assertTrue(md.contains("| DurableAppendBenchmark.append, 4 KiB records, sync every 16 | FALLOCATE | 122 ± 8 µs"
                + " | 1.02 ± 0.08× faster, within error | NONE: 1.02 ± 0.08× faster, within error |  |\n"), md);
        // NONE reserves nothing: faster, but not ranked.
        assertTrue(md.contains("| ReserveSpaceBenchmark.reserve, 1 MiB | FALLOCATE | 12.5 ± 0.5 µs | not compared: NONE reserves nothing"
                + " | POSIX_FALLOCATE: 1.04 ± 0.05× faster, within error |  |\n"), md);
        assertTrue(md.contains("| BufferedAppendBenchmark.append, 4 KiB records | NONE | 1.10 ± 0.02 µs"
                + " | NONE is fastest | FALLOCATE: 1.09 ± 0.05× faster, significant |  |\n"), md);
        assertTrue(md.contains("| HoleOperationsBenchmark: COLLAPSE_RANGE vs COPY_TAIL | COLLAPSE_RANGE | 500 ± 100 µs"
                + " | no NONE run | COPY_TAIL: 80.0 ± 17.1× faster, significant |  |\n"), md);
        assertTrue(md.contains("| DurableAppendBenchmark.append, 4 KiB records, sync every 1 | FALLOCATE | 450 ± 10 µs"
                + " | 2.00 ± 0.08× faster, significant | NONE: 2.00 ± 0.08× faster, significant | ZERO_RANGE (EOPNOTSUPP) |\n"), md);
        assertTrue(md.contains("![Durable appends](charts/durable-append.png)"), md);
        assertTrue(md.contains("### Benchmarks that produced no result\n\n| Filesystem | Host | Benchmark | Strategy | Reason |\n"
                + "| --- | --- | --- | --- | --- |\n"
                + "| xfs | alpha | FragmentationBenchmark.interleavedAppends |  | java.io.IOException: No space left on device |\n"), md);

        String csv = Files.readString(run.resolve("report/summary.csv"));
        assertTrue(csv.contains("20261123-140000-alpha,alpha,ext4,DurableAppendBenchmark.append,,4096,1,us/op,FALLOCATE,"
                + "400.000,16.0000,2.50000,significant,ZERO_FILLED,1.02000,within error\n"), csv);
    }

    @Test
    void report_hasAPageAndOnePngPerChart_eachAReadableImage() throws IOException {
        Path run = RunFixture.alpha().writeUnder(tmp);
        ReportBuilder.build(List.of(run), run.resolve("report"));
        Path report = run.resolve("report");

        List<String> charts;
        try (Stream<Path> files = Files.list(report.resolve("charts"))) {
            charts = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("binding-overhead.png", "buffered-append.png", "durable-append.png", "extents.png",
                "hole-ops.png", "latency.png", "reserve.png"), charts);
        for (String chart : charts) {
            BufferedImage image = ImageIO.read(report.resolve("charts").resolve(chart).toFile());
            assertTrue(image.getWidth() >= 600 && image.getHeight() >= 400, chart + " is " + image.getWidth() + "x" + image.getHeight());
            String html = Files.readString(report.resolve("index.html"));
            assertTrue(html.contains("<img src=\"charts/" + chart + "\""), chart + " not on the page");
        }
        // Panels of 620x420, two a row: durable appends ext4 sync 1, ext4 sync 16, xfs sync 1; one hole pair each.
        BufferedImage durable = ImageIO.read(report.resolve("charts/durable-append.png").toFile());
        assertEquals(List.of(1240, 840), List.of(durable.getWidth(), durable.getHeight()), "3 panels in 2 rows");
        BufferedImage holes = ImageIO.read(report.resolve("charts/hole-ops.png").toFile());
        assertEquals(List.of(1240, 420), List.of(holes.getWidth(), holes.getHeight()), "2 hole pairs side by side");
        String html = Files.readString(report.resolve("index.html"));
        assertFalse(html.contains("http://") || html.contains("https://"), "the page must open without a network");
        assertTrue(html.contains("<td>ZERO_RANGE (EOPNOTSUPP)</td>"), html);
    }

    @Test
    void merge_twoHosts_oneCsvWithEveryRowAndTablesSideBySide() throws IOException {
        Path a = RunFixture.alpha().writeUnder(tmp);
        Path b = RunFixture.beta().writeUnder(tmp);
        Path out = tmp.resolve("compare/report");
        List<SummaryRow> rows = ReportBuilder.build(List.of(a, b), out);

        SummaryRow betaSync1 = find(rows, "beta", "ext4", RunFixture.DURABLE, "sync every 1");
        assertEquals(909.0 / 667, betaSync1.vsBaseline().orElseThrow().ratio(), 1e-12);
        assertEquals(Comparison.Verdict.SIGNIFICANT, betaSync1.vsBaseline().orElseThrow().verdict());
        assertEquals(12, rows.size());

        List<String> merged = Files.readAllLines(out.resolve("merged.csv"));
        List<String> alphaLines = Files.readAllLines(a.resolve("results.csv"));
        List<String> betaLines = Files.readAllLines(b.resolve("results.csv"));
        assertEquals(RunFixture.HEADER, merged.get(0));
        assertEquals(alphaLines.size() + betaLines.size() - 1, merged.size());
        assertEquals(alphaLines.subList(1, alphaLines.size()), merged.subList(1, alphaLines.size()));
        assertEquals(betaLines.subList(1, betaLines.size()), merged.subList(alphaLines.size(), merged.size()));

        String md = Files.readString(out.resolve("summary.md"));
        assertTrue(md.contains("| Filesystem | Workload | alpha | beta |\n"), md);
        assertTrue(md.contains("| ext4 | DurableAppendBenchmark.append, 4 KiB records, sync every 1 | FALLOCATE 400 ± 16 µs"
                + " | FALLOCATE 667 ± 12 µs |\n"), md);
        assertTrue(md.contains("| xfs | DurableAppendBenchmark.append, 4 KiB records, sync every 1 | FALLOCATE 450 ± 10 µs"
                + " | no data |\n"), md);
        assertTrue(md.contains("| DurableAppendBenchmark.append, 4 KiB records, sync every 1 | beta | FALLOCATE | 667 ± 12 µs"
                + " | 1.36 ± 0.03× faster, significant | NONE: 1.36 ± 0.03× faster, significant |  |\n"), md);
        assertTrue(Files.size(out.resolve("charts/durable-append.png")) > 0);
    }

    @Test
    void merge_sameHostTwice_labelsRunsByDate() throws IOException {
        Path a = RunFixture.beta().writeUnder(tmp);
        Path b = new RunFixture("20261201-080000-beta", "beta")
                .score("ext4", RunFixture.DURABLE, "NONE", "", "4096", "1", "us/op", "1000", "10")
                .score("ext4", RunFixture.DURABLE, "FALLOCATE", "", "4096", "1", "us/op", "990", "10")
                .writeUnder(tmp);
        Path out = tmp.resolve("compare/report");
        ReportBuilder.build(List.of(a, b), out);
        String md = Files.readString(out.resolve("summary.md"));
        assertTrue(md.contains("| Filesystem | Workload | beta 20261124-090000 | beta 20261201-080000 |\n"), md);
        assertTrue(md.contains("| beta 20261201-080000 | FALLOCATE | 990 ± 10 µs | 1.01 ± 0.01× faster, within error |"), md);
    }

    @Test
    void defaultOut_oneRunBesideIt_severalInACompareDirectory() {
        assertEquals(Path.of("results/r1/report"), ReportMain.defaultOut(List.of(Path.of("results/r1"))));
        Path merged = ReportMain.defaultOut(List.of(Path.of("results/r1"), Path.of("results/r2")));
        assertEquals("report", merged.getFileName().toString());
        assertTrue(merged.getParent().getFileName().toString().matches("compare-\\d{8}-\\d{6}"), merged.toString());
        assertEquals(Path.of("results").toAbsolutePath(), merged.getParent().getParent());
    }

    @Test
    void thePublishedRunOfTheFirstSchema_isTheReference_aNewRunIsComparedWithItAsRatios() throws IOException {
        Path published = Path.of("results/20261123-145544-vm");
        Path mine = RunFixture.alpha().writeUnder(tmp.resolve("results"));
        Path out = tmp.resolve("compare/report");
        ReportBuilder.build(List.of(published, mine), out);
        String md = Files.readString(out.resolve("summary.md"));
        // Published ext4 NONE, sync every record: 527 ± 67 µs; the fixture's 1.00 ± 0.05 ms.
        assertTrue(md.contains("| alpha | ext4 | DurableAppendBenchmark.append, 4 KiB records, sync every 1 | NONE | "
                + "527 ± 67 µs | 1.00 ± 0.05 ms | 1.90 ± 0.26× slower, significant |"), md);
        List<String> merged = Files.readAllLines(out.resolve("merged.csv"));
        assertEquals(String.join(",", RunLoader.COLUMNS), merged.get(0));
        assertTrue(merged.stream().allMatch(l -> l.startsWith("run_id") || l.startsWith("20261123-145544-vm,")
                || l.startsWith("20261123-140000-alpha,")));
        // The first schema's rows get the three new columns empty.
        assertTrue(merged.get(1).endsWith(",,,"), merged.get(1));
    }

    @Test
    void pointsThatDifferOnlyInAnotherParameter_areTwoWorkloads_notTwoScoresOfOne() throws IOException {
        Path run = RunFixture.alpha().writeUnder(tmp);
        Path csv = run.resolve("results.csv");
        String head = "20261123-140000-alpha,alpha,6.18.0,OpenJDK 64-Bit Server VM 25+36,\"Test CPU, 2 cores\",ext4,/dev/loop0,"
                + "PunchHoleBenchmark.punchHole,PUNCH_HOLE,67108864,,,score,ms/op,";
        Files.writeString(csv, Files.readString(csv) + head + "2.0,0.1,5,,cache=warm,1,5\n" + head + "9.0,0.2,5,,cache=cold,1,5\n");
        List<SummaryRow> rows = ReportBuilder.build(List.of(run), run.resolve("report"));
        List<String> labels = rows.stream().filter(r -> r.workload().benchmark().startsWith("PunchHole"))
                .map(r -> r.workload().label()).toList();
        assertEquals(List.of("PunchHoleBenchmark: PUNCH_HOLE vs WRITE_ZEROS, 64 MiB, cache=cold",
                "PunchHoleBenchmark: PUNCH_HOLE vs WRITE_ZEROS, 64 MiB, cache=warm"),
                labels);
    }

}
