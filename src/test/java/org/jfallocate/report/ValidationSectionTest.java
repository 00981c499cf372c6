package org.jfallocate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jfallocate.bench.ValidationTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's fio section, read from the validation.csv that make validate writes into a run. */
class ValidationSectionTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static final String ROW = "xfs,ZERO_FILLED,10,300.0,20.0,250.0,10.0,1.433,0.1,1.95,0.12,0.7349,0.07,no,differs,"
            + "2.000,4.000,1.000,1.998,3.996,0.9980\n";

    @Test
    void aRunWithValidationCsv_hasTheSectionInMarkdownAndHtml() throws IOException {
        Path run = RunFixture.alpha().writeUnder(tmp);
        Files.writeString(run.resolve(ValidationSection.FILE), String.join(",", ValidationTable.COLUMNS) + "\n"
                + "xfs,NONE,10,430.0,30.0,487.5,20.0,1,0.1,1,0.06,1,0.12,yes,agrees,,,,,,\n" + ROW);
        ReportBuilder.build(List.of(run), run.resolve("report"));
        String md = Files.readString(run.resolve("report/summary.md"));
        assertTrue(md.contains("## Checked against fio"), md);
        assertTrue(md.contains("| xfs | ZERO_FILLED | 10 | 1.43 ± 0.100 | 1.95 ± 0.120 | 0.735 ± 0.0700 | differs "
                + "| 2.000, 4.000, 1.000 / 1.998, 3.996, 0.9980 |"), md);
        assertTrue(md.contains("| xfs | NONE | 10 | 1.00 ± 0.100 | 1.00 ± 0.0600 | 1.00 ± 0.120 | agrees | n/a / n/a |"), md);
        String html = Files.readString(run.resolve("report/index.html"));
        assertTrue(html.contains("<section id=\"fio\">\n<h2>Checked against fio</h2>"), html);
        assertTrue(html.indexOf("<section id=\"fio\">") < html.indexOf("<section id=\"details\">"),
                "the fio check comes before the detail tables");
        assertTrue(html.contains("<td>ZERO_FILLED</td>"), html);
    }

    @Test
    void aRunWithoutIt_hasNoSection() throws IOException {
        Path run = RunFixture.alpha().writeUnder(tmp);
        ReportBuilder.build(List.of(run), run.resolve("report"));
        assertFalse(Files.readString(run.resolve("report/summary.md")).contains("fio"));
    }

    @Test
    void aMalformedFile_stopsTheReportNamingFileAndLine() throws IOException {
        Path run = RunFixture.alpha().writeUnder(tmp);
        Files.writeString(run.resolve(ValidationSection.FILE), String.join(",", ValidationTable.COLUMNS) + "\n"
                + ROW.replace("1.433", "fast"));
        BadResultsException e = assertThrows(BadResultsException.class,
                () -> ReportBuilder.build(List.of(run), run.resolve("report")));
        assertTrue(e.getMessage().contains("validation.csv:2:"), e.getMessage());
        assertTrue(e.getMessage().contains("suite_speedup"), e.getMessage());
        assertFalse(Files.exists(run.resolve("report/index.html")), "no partial report");

        Files.writeString(run.resolve(ValidationSection.FILE), "fs_type,strategy\nxfs,NONE\n");
        e = assertThrows(BadResultsException.class, () -> ReportBuilder.build(List.of(run), run.resolve("report")));
        assertTrue(e.getMessage().contains("missing column"), e.getMessage());
    }
}
