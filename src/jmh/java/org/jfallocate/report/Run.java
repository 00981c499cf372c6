package org.jfallocate.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One run directory, read and checked: its measurements, its environment and its latency histograms.
 *
 * @param dir the run directory, {@code results/<run-id>}
 * @param runId the run id all its rows carry
 * @param host the host all its rows carry
 * @param environment the {@code environment} file's keys and values (empty if the run has none)
 * @param measurements the rows of results.csv
 * @param histograms the HdrHistogram percentile distributions under {@code histograms/}
 */
public record Run(Path dir, String runId, String host, Map<String, String> environment,
                  List<Measurement> measurements, List<Histogram> histograms) {

    /** @return the filesystem types that have rows, sorted */
    public Set<String> filesystems() {
        Set<String> fs = new TreeSet<>();
        measurements.forEach(m -> fs.add(m.fsType()));
        return fs;
    }

    /** @return the date part of the run id ({@code yyyyMMdd-HHmmss}), or the whole id if it has none */
    public String date() {
        return runId.length() > 15 && runId.charAt(8) == '-' ? runId.substring(0, 15) : runId;
    }
}
