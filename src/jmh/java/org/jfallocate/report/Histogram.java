package org.jfallocate.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A latency percentile distribution as HdrHistogram's {@code outputPercentileDistribution} writes it, read from
 * {@code histograms/<benchmark>__<fs_type>__<strategy>__<params>.hgrm}.
 *
 * @param benchmark the benchmark, from the file name
 * @param fsType the filesystem, from the file name
 * @param strategy the strategy, from the file name
 * @param params the parameters, e.g. {@code sync16}, from the file name
 * @param points (percentile in [0, 1], value in microseconds), in file order
 */
public record Histogram(String benchmark, String fsType, String strategy, String params, List<Point> points) {

    /** One line of the distribution. */
    public record Point(double percentile, double micros) {
    }

    /** The file name suffix of a histogram. */
    public static final String SUFFIX = ".hgrm";

    /**
     * @param file a {@code .hgrm} file named as the CSV contract says
     * @return its distribution
     * @throws BadResultsException if the name or a line is not as HdrHistogram writes them, or it has no lines
     * @throws IOException if the file cannot be read
     */
    public static Histogram read(Path file) throws IOException {
        String name = file.getFileName().toString();
        String[] parts = name.substring(0, name.length() - SUFFIX.length()).split("__", -1);
        if (parts.length != 4) {
            throw BadResultsException.at(file, 0,
                    "histogram file name must be <benchmark>__<fs_type>__<strategy>__<params>.hgrm");
        }
        String text = Files.readString(file);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw BadResultsException.at(file, (int) text.lines().count(), "truncated: the last line has no line end");
        }
        List<Point> points = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("Value")) {
                continue;
            }
            String[] cols = t.split("\\s+");
            if (cols.length < 3 || cols.length > 4) {
                throw BadResultsException.at(file, lineNo, "expected 'value percentile count [1/(1-p)]', got: " + t);
            }
            try {
                double value = Double.parseDouble(cols[0]);
                double percentile = Double.parseDouble(cols[1]);
                if (percentile < 0 || percentile > 1 || !(value >= 0)) {
                    throw BadResultsException.at(file, lineNo, "percentile must be in [0, 1] and value >= 0: " + t);
                }
                points.add(new Point(percentile, value));
            } catch (NumberFormatException e) {
                throw BadResultsException.at(file, lineNo, "not a number: " + t);
            }
        }
        if (points.isEmpty()) {
            throw BadResultsException.at(file, 0, "no percentile lines");
        }
        return new Histogram(parts[0], parts[1], parts[2], parts[3], List.copyOf(points));
    }

    /** @return a label for the chart legend, e.g. {@code FALLOCATE sync16} */
    public String label() {
        return String.format(Locale.ROOT, "%s %s", strategy, params).strip();
    }
}
