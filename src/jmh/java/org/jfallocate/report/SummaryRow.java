package org.jfallocate.report;

import java.util.List;
import java.util.Optional;

/**
 * The answer for one run, filesystem and workload: which strategy is fastest, by how much over plain appends
 * ({@code NONE}) and over the runner-up, and whether each difference is larger than the error.
 *
 * @param run the run
 * @param fsType the filesystem
 * @param workload the workload
 * @param ranked the strategies' scores, fastest first
 * @param vsBaseline the fastest against {@code NONE}, if NONE ran and is not itself the fastest
 * @param vsRunnerUp the fastest against the second fastest, if there is one
 * @param unsupported strategies that could not run here, or failed in this run, with the reason
 */
public record SummaryRow(Run run, String fsType, Workload workload, List<Measurement> ranked,
                         Optional<Comparison> vsBaseline, Optional<Comparison> vsRunnerUp,
                         List<Measurement> unsupported) {

    /** @return the fastest strategy's measurement */
    public Measurement fastest() {
        return ranked.get(0);
    }

    /** @return true if NONE (plain appends) is itself the fastest */
    public boolean baselineIsFastest() {
        return Summary.BASELINE.equals(fastest().strategy());
    }
}
