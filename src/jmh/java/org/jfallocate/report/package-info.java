/**
 * Reports from the benchmark suite's results: {@code make report} runs {@link org.jfallocate.report.ReportMain}
 * on one or more {@code results/<run-id>/} directories (docs/results-format.md) and writes a {@code report/}
 * directory with an HTML page that opens from disk, a Markdown summary, a summary CSV, the merged CSV of every run
 * and PNG charts drawn with XChart.
 *
 * <p>The flow: {@link org.jfallocate.report.RunLoader} reads and checks each run ({@link org.jfallocate.report.StrictCsv}
 * for the CSV, {@link org.jfallocate.report.Histogram} for the HdrHistogram files); {@link org.jfallocate.report.Summary}
 * ranks the strategies of every filesystem and workload and compares the fastest with {@code NONE} and with the
 * runner-up ({@link org.jfallocate.report.Comparison}); {@link org.jfallocate.report.ReportWriter} writes the tables
 * and {@link org.jfallocate.report.ChartWriter} the charts; {@link org.jfallocate.report.ReportBuilder} puts the
 * directory in place only when all of it is written. Bad input is a {@link org.jfallocate.report.BadResultsException}
 * naming the file and line.
 */
package org.jfallocate.report;
